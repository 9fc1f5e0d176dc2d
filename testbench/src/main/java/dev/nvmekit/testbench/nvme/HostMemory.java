package dev.nvmekit.testbench.nvme;

/**
 * Host memory as the NVMe protocol layer sees it: bytes at 64-bit bus addresses that the host
 * driver model writes queues, PRP lists and data into, and that the controller side reads and
 * writes by DMA; plus an allocator for the host's buffers. Implementations decide what backs it
 * (a sparse page map in {@link SparseHostMemory}, an AXI slave model in a simulation).
 */
public interface HostMemory {

    /** Copies {@code length} bytes of {@code data} from {@code offset} to memory at {@code address}. */
    void write(long address, byte[] data, int offset, int length);

    /** Copies {@code length} bytes at {@code address} into {@code into} at {@code offset}. */
    void read(long address, byte[] into, int offset, int length);

    /**
     * A buffer of {@code size} bytes aligned to {@code alignment} (a power of two), e.g. 4096 for a
     * page or 256 for Linux's small PRP pool.
     */
    long allocate(long size, long alignment);

    /** Returns a buffer from {@link #allocate}; its contents are left as they were. */
    void free(long address);

    default void write(long address, byte[] data) {
        write(address, data, 0, data.length);
    }

    default byte[] read(long address, int length) {
        byte[] b = new byte[length];
        read(address, b, 0, length);
        return b;
    }

    default long readLong(long address) {
        return LittleEndian.u64(read(address, 8), 0);
    }

    default void writeLong(long address, long value) {
        byte[] b = new byte[8];
        LittleEndian.put64(b, 0, value);
        write(address, b);
    }
}
