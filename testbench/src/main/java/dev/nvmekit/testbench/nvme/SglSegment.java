package dev.nvmekit.testbench.nvme;

import java.util.List;

/** One SGL segment as written into host memory: consecutive descriptors at {@code address}. */
public record SglSegment(long address, List<SglDescriptor> descriptors) {
    public SglSegment {
        descriptors = List.copyOf(descriptors);
    }

    /** Segment length in bytes, as the descriptor pointing at this segment states it. */
    public long length() {
        return (long) descriptors.size() * SglDescriptor.SIZE;
    }

    public byte[] encode() {
        byte[] b = new byte[descriptors.size() * SglDescriptor.SIZE];
        for (int i = 0; i < descriptors.size(); i++) {
            descriptors.get(i).encodeInto(b, i * SglDescriptor.SIZE);
        }
        return b;
    }
}
