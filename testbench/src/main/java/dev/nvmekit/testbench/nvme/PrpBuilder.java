package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds PRP data pointers the way the Linux host driver does ({@code nvme_pci_setup_data_prp}
 * in drivers/nvme/host/pci.c, formerly {@code nvme_pci_setup_prps}), writing the PRP lists into
 * {@link HostMemory}:
 * <ul>
 *   <li>PRP1 is the start of the data and may carry an offset into its page;</li>
 *   <li>if what is left after PRP1's page fits in one more page, PRP2 points at that page;</li>
 *   <li>otherwise PRP2 points at a PRP list. A list of at most 32 entries comes from a pool of
 *       256-byte blocks (so the list pointer is only 256-byte aligned), a longer one from a pool
 *       of pages;</li>
 *   <li>when a page-sized list is full (512 entries at 4 KiB) and entries remain, a new page
 *       list is allocated, the full list's last entry moves to the new list's first slot and the
 *       last slot gets the new list's address.</li>
 * </ul>
 *
 * <p>Entry counts for a buffer of length L starting at page offset o (4 KiB pages): PRP1 covers
 * {@code min(L, 4096 - o)} bytes, the list holds {@code ceil((L - (4096 - o)) / 4096)} entries.
 * So 64 KiB page aligned needs a list of 15, 64 KiB at a non-zero offset 16; 512 KiB aligned
 * 127, unaligned 128; a list chains only past 512 entries, i.e. beyond 2 MiB + 4 KiB aligned.
 */
public final class PrpBuilder {
    /** Linux's small PRP pool block (NVME_SMALL_POOL_SIZE). */
    public static final int SMALL_POOL_BLOCK = 256;

    private final HostMemory memory;
    private final int pageSize;

    /** A builder for 4 KiB pages, as Linux always uses (NVME_CTRL_PAGE_SIZE, CC.MPS = 0). */
    public PrpBuilder(HostMemory memory) {
        this(memory, 4096);
    }

    public PrpBuilder(HostMemory memory, int pageSize) {
        if (pageSize < 4096 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("memory page size must be a power of two >= 4096: " + pageSize);
        }
        this.memory = memory;
        this.pageSize = pageSize;
    }

    /** PRPs for one contiguous buffer. */
    public PrpMapping map(long address, long length) {
        return map(List.of(new DmaSegment(address, length)));
    }

    /**
     * PRPs for a scatter list. PRPs can only describe a list whose inner boundaries fall on page
     * boundaries (Linux guarantees this with the queue's virt_boundary), so every segment but the
     * first must start on a page and every segment but the last must end on one.
     */
    public PrpMapping map(List<DmaSegment> segments) {
        List<Long> entries = pageEntries(segments);
        long length = segments.stream().mapToLong(DmaSegment::length).sum();
        if (entries.isEmpty()) {
            return new PrpMapping(0, 0, List.of(), 0);
        }
        long prp1 = entries.getFirst();
        if (entries.size() == 1) {
            return new PrpMapping(prp1, 0, List.of(), length);
        }
        if (entries.size() == 2) {
            return new PrpMapping(prp1, entries.get(1), List.of(), length);
        }
        List<PrpList> lists = buildLists(entries.subList(1, entries.size()));
        return new PrpMapping(prp1, lists.getFirst().address(), lists, length);
    }

    private List<Long> pageEntries(List<DmaSegment> segments) {
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            DmaSegment s = segments.get(i);
            if (s.bitBucket()) {
                throw new IllegalArgumentException("PRPs cannot describe a bit bucket");
            }
            if (s.length() == 0) {
                continue;
            }
            if ((s.address() & 3) != 0) {
                throw new IllegalArgumentException("PRP data must be dword aligned: 0x" + Long.toHexString(s.address()));
            }
            if (i > 0 && offsetInPage(s.address()) != 0) {
                throw new IllegalArgumentException("segment " + i + " does not start on a page boundary");
            }
            if (i < segments.size() - 1 && offsetInPage(s.end()) != 0) {
                throw new IllegalArgumentException("segment " + i + " does not end on a page boundary");
            }
            long a = s.address();
            long left = s.length();
            while (left > 0) {
                entries.add(a);
                long chunk = Math.min(left, pageSize - offsetInPage(a));
                a += chunk;
                left -= chunk;
            }
        }
        return entries;
    }

    private List<PrpList> buildLists(List<Long> listEntries) {
        int perPage = pageSize / 8;
        boolean small = listEntries.size() <= SMALL_POOL_BLOCK / 8;
        List<Long> current = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        List<List<Long>> pages = new ArrayList<>();
        addresses.add(small ? memory.allocate(SMALL_POOL_BLOCK, SMALL_POOL_BLOCK) : memory.allocate(pageSize, pageSize));
        pages.add(current);
        for (long e : listEntries) {
            if (current.size() == perPage) {
                // Full list: its last slot becomes the chain pointer, its old entry moves on.
                long next = memory.allocate(pageSize, pageSize);
                List<Long> fresh = new ArrayList<>();
                fresh.add(current.getLast());
                current.set(perPage - 1, next);
                addresses.add(next);
                pages.add(fresh);
                current = fresh;
            }
            current.add(e);
        }
        List<PrpList> lists = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            PrpList l = new PrpList(addresses.get(i), pages.get(i), i < pages.size() - 1, small);
            memory.write(l.address(), l.encode());
            lists.add(l);
        }
        return lists;
    }

    /** Gives the mapping's list memory back to the allocator. */
    public void release(PrpMapping mapping) {
        mapping.lists().forEach(l -> memory.free(l.address()));
    }

    private long offsetInPage(long address) {
        return address & (pageSize - 1);
    }
}
