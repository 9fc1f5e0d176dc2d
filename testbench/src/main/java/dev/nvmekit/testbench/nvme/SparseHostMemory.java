package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A {@link HostMemory} backed by a map of 4 KiB pages created on first write, so a test can use
 * addresses anywhere in the 64-bit space for the price of the pages it touches. Never-written
 * memory reads as zeros. The allocator bumps upwards from a base address and reuses freed
 * buffers of the same size and alignment first, like a DMA pool.
 * Not thread safe: one simulation thread owns it.
 */
public final class SparseHostMemory implements HostMemory {
    public static final int PAGE_SIZE = 4096;
    /** Default allocation base: above 4 GiB, so 64-bit address handling is exercised by default. */
    public static final long DEFAULT_BASE = 0x1_0000_0000L;

    private final Map<Long, byte[]> pages = new HashMap<>();
    private final Map<Long, Block> live = new HashMap<>();
    private final List<Block> freed = new ArrayList<>();
    private long next;

    private record Block(long address, long size, long alignment) {
    }

    public SparseHostMemory() {
        this(DEFAULT_BASE);
    }

    public SparseHostMemory(long allocationBase) {
        this.next = allocationBase;
    }

    @Override
    public void write(long address, byte[] data, int offset, int length) {
        checkSpan(address, length);
        int done = 0;
        while (done < length) {
            long a = address + done;
            int inPage = (int) (a & (PAGE_SIZE - 1));
            int n = Math.min(length - done, PAGE_SIZE - inPage);
            byte[] page = pages.computeIfAbsent(a & -PAGE_SIZE, k -> new byte[PAGE_SIZE]);
            System.arraycopy(data, offset + done, page, inPage, n);
            done += n;
        }
    }

    @Override
    public void read(long address, byte[] into, int offset, int length) {
        checkSpan(address, length);
        int done = 0;
        while (done < length) {
            long a = address + done;
            int inPage = (int) (a & (PAGE_SIZE - 1));
            int n = Math.min(length - done, PAGE_SIZE - inPage);
            byte[] page = pages.get(a & -PAGE_SIZE);
            if (page == null) {
                java.util.Arrays.fill(into, offset + done, offset + done + n, (byte) 0);
            } else {
                System.arraycopy(page, inPage, into, offset + done, n);
            }
            done += n;
        }
    }

    /** Wrapping past 2^64 is a caller bug (a corrupt pointer), not a place memory exists. */
    private static void checkSpan(long address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (length > 0 && Long.compareUnsigned(address + length - 1, address) < 0) {
            throw new IllegalArgumentException("access at 0x" + Long.toHexString(address) + " wraps the address space");
        }
    }

    @Override
    public long allocate(long size, long alignment) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        if (alignment <= 0 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two: " + alignment);
        }
        for (Iterator<Block> it = freed.iterator(); it.hasNext(); ) {
            Block b = it.next();
            if (b.size == size && (b.address & (alignment - 1)) == 0) {
                it.remove();
                live.put(b.address, new Block(b.address, size, alignment));
                return b.address;
            }
        }
        long address = (next + alignment - 1) & -alignment;
        next = address + size;
        live.put(address, new Block(address, size, alignment));
        return address;
    }

    @Override
    public void free(long address) {
        Block b = live.remove(address);
        if (b == null) {
            throw new IllegalArgumentException("0x" + Long.toHexString(address) + " is not an allocated buffer");
        }
        freed.add(b);
    }

    /** Pages that have been written at least once. */
    public int residentPages() {
        return pages.size();
    }

    /** Buffers allocated and not freed. */
    public int liveAllocations() {
        return live.size();
    }
}
