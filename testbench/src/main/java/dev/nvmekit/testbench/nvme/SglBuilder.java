package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds SGL data pointers as Linux does ({@code nvme_pci_setup_data_sgl} in
 * drivers/nvme/host/pci.c): one segment becomes a Data Block descriptor in SGL1; several become
 * a segment of Data Block descriptors in host memory (from the 256-byte pool when at most 16
 * descriptors, else a page) with SGL1 a Last Segment descriptor pointing at it.
 *
 * <p>Linux caps a command's segments so one segment always suffices. This builder also chains:
 * with more descriptors than {@code maxDescriptorsPerSegment}, each segment but the last ends in
 * a Segment descriptor to the next, and the one pointing at the final segment is a Last Segment
 * descriptor (NVMe Base Specification 2.0, section 4.1.2, Figure 112) — useful to exercise a
 * controller's walker.
 */
public final class SglBuilder {
    private static final int SMALL_POOL_BLOCK = PrpBuilder.SMALL_POOL_BLOCK;

    private final HostMemory memory;
    private final int maxDescriptorsPerSegment;

    /** Segments of at most one 4 KiB page (256 descriptors). */
    public SglBuilder(HostMemory memory) {
        this(memory, 4096 / SglDescriptor.SIZE);
    }

    public SglBuilder(HostMemory memory, int maxDescriptorsPerSegment) {
        if (maxDescriptorsPerSegment < 2) {
            throw new IllegalArgumentException("a chained segment needs room for data and a pointer");
        }
        this.memory = memory;
        this.maxDescriptorsPerSegment = maxDescriptorsPerSegment;
    }

    public SglMapping map(long address, long length) {
        return map(List.of(new DmaSegment(address, length)));
    }

    /** An SGL for a list of segments; bit bucket segments become Bit Bucket descriptors. */
    public SglMapping map(List<DmaSegment> data) {
        long length = data.stream().mapToLong(DmaSegment::length).sum();
        List<SglDescriptor> leaves = data.stream().map(SglBuilder::leaf).toList();
        if (leaves.size() == 1) {
            return new SglMapping(leaves.getFirst(), List.of(), length);
        }
        if (leaves.isEmpty()) {
            return new SglMapping(new SglDescriptor.DataBlock(0, 0), List.of(), 0);
        }
        // Split into chunks; every chunk but the last keeps one slot for the pointer onward.
        List<List<SglDescriptor>> chunks = new ArrayList<>();
        int i = 0;
        while (leaves.size() - i > maxDescriptorsPerSegment) {
            chunks.add(new ArrayList<>(leaves.subList(i, i + maxDescriptorsPerSegment - 1)));
            i += maxDescriptorsPerSegment - 1;
        }
        chunks.add(new ArrayList<>(leaves.subList(i, leaves.size())));
        int n = chunks.size();
        long[] addresses = new long[n];
        SglDescriptor[] pointers = new SglDescriptor[n];
        for (int c = 0; c < n; c++) {
            int descriptors = chunks.get(c).size() + (c < n - 1 ? 1 : 0);
            addresses[c] = allocate(descriptors);
            long bytes = (long) descriptors * SglDescriptor.SIZE;
            pointers[c] = c == n - 1
                    ? new SglDescriptor.LastSegment(addresses[c], bytes)
                    : new SglDescriptor.Segment(addresses[c], bytes);
        }
        List<SglSegment> segments = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            List<SglDescriptor> descriptors = chunks.get(c);
            if (c < n - 1) {
                descriptors.add(pointers[c + 1]);
            }
            SglSegment s = new SglSegment(addresses[c], descriptors);
            memory.write(s.address(), s.encode());
            segments.add(s);
        }
        return new SglMapping(pointers[0], segments, length);
    }

    private long allocate(int descriptors) {
        int bytes = descriptors * SglDescriptor.SIZE;
        return bytes <= SMALL_POOL_BLOCK
                ? memory.allocate(SMALL_POOL_BLOCK, SMALL_POOL_BLOCK)
                : memory.allocate(Math.max(bytes, 4096), 4096);
    }

    private static SglDescriptor leaf(DmaSegment s) {
        return s.bitBucket() ? new SglDescriptor.BitBucket(s.length()) : new SglDescriptor.DataBlock(s.address(), s.length());
    }

    public void release(SglMapping mapping) {
        mapping.segments().forEach(s -> memory.free(s.address()));
    }
}
