package dev.nvmekit.testbench.nvme;

/**
 * A physically contiguous piece of a data transfer: {@code length} bytes of host memory at
 * {@code address}. A bit bucket segment (SGL descriptor type 1h) has no memory behind it: the
 * controller discards that much read data (NVMe Base Specification 2.0, section 4.1.2).
 */
public record DmaSegment(long address, long length, boolean bitBucket) {
    public DmaSegment {
        if (length < 0) {
            throw new IllegalArgumentException("negative segment length " + length);
        }
    }

    public DmaSegment(long address, long length) {
        this(address, length, false);
    }

    public static DmaSegment discard(long length) {
        return new DmaSegment(0, length, true);
    }

    /** First address past the segment. */
    public long end() {
        return address + length;
    }
}
