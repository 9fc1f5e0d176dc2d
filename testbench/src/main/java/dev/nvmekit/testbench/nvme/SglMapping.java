package dev.nvmekit.testbench.nvme;

import java.util.List;

/** The SGL a host built for one command: SGL1 for the command and the segments written to host memory. */
public record SglMapping(SglDescriptor sgl1, List<SglSegment> segments, long length) {
    public SglMapping {
        segments = List.copyOf(segments);
    }
}
