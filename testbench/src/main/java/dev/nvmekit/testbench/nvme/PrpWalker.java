package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The controller side of PRPs: turns PRP1, PRP2 and a transfer length into the host memory
 * segments to move data to or from, reading PRP lists from {@link HostMemory} and refusing
 * malformed pointers (NVMe Base Specification 2.0, section 4.1.1, and Figure 92 for PRP1/PRP2):
 * <ul>
 *   <li>PRP1 may have an offset in its page, but bits 1:0 must be 0 (dword aligned); the spec lets
 *       a controller either fail or ignore those bits, this walker fails with PRP Offset Invalid;</li>
 *   <li>if the transfer crosses exactly one page boundary, PRP2 is a data page and must have
 *       offset 0; if it crosses more, PRP2 is a PRP list pointer, which may have an offset (the
 *       list then runs to the end of that page) but must be qword aligned since entries are 8 bytes;</li>
 *   <li>every entry in a PRP list, including the last-slot pointer to the next list, has
 *       offset 0 ("PRP entries contained within a PRP List shall have a memory page offset of 0h").</li>
 * </ul>
 * Violations throw {@link DataPointerException} with PRP Offset Invalid (SCT 0h, SC 13h).
 */
public final class PrpWalker {
    private PrpWalker() {
    }

    /** Segments for a transfer of {@code length} bytes with memory page size {@code pageSize}, one per PRP entry. */
    public static List<DmaSegment> walk(long prp1, long prp2, long length, long pageSize, HostMemory memory) {
        if (pageSize < 4096 || Long.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("memory page size must be a power of two >= 4096: " + pageSize);
        }
        List<DmaSegment> out = new ArrayList<>();
        if (length <= 0) {
            return out;
        }
        if ((prp1 & 3) != 0) {
            throw invalid("PRP1 0x%x is not dword aligned", prp1);
        }
        long first = Math.min(length, pageSize - (prp1 & (pageSize - 1)));
        out.add(new DmaSegment(prp1, first));
        long remaining = length - first;
        if (remaining == 0) {
            return out;
        }
        if (remaining <= pageSize) {
            if ((prp2 & (pageSize - 1)) != 0) {
                throw invalid("PRP2 0x%x is a data pointer and must have page offset 0", prp2);
            }
            out.add(new DmaSegment(prp2, remaining));
            return out;
        }
        if ((prp2 & 7) != 0) {
            throw invalid("PRP2 0x%x is a PRP list pointer and must be qword aligned", prp2);
        }
        long slot = prp2;
        while (remaining > 0) {
            long entry = memory.readLong(slot);
            boolean lastSlotOfPage = (slot & (pageSize - 1)) == pageSize - 8;
            if ((entry & (pageSize - 1)) != 0) {
                throw invalid("PRP list entry 0x%x at 0x%x has a non-zero page offset", entry, slot);
            }
            if (lastSlotOfPage && remaining > pageSize) {
                // More than one page still to go: this slot chains to the next list.
                slot = entry;
                continue;
            }
            long chunk = Math.min(pageSize, remaining);
            out.add(new DmaSegment(entry, chunk));
            remaining -= chunk;
            slot += 8;
        }
        return out;
    }

    /** Adjacent segments merged, for comparing transfers independently of how they were split. */
    public static List<DmaSegment> coalesce(List<DmaSegment> segments) {
        List<DmaSegment> out = new ArrayList<>();
        for (DmaSegment s : segments) {
            if (!out.isEmpty()) {
                DmaSegment last = out.getLast();
                if (!last.bitBucket() && !s.bitBucket() && last.end() == s.address()) {
                    out.set(out.size() - 1, new DmaSegment(last.address(), last.length() + s.length()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static DataPointerException invalid(String format, Object... args) {
        return new DataPointerException(StatusCode.PRP_OFFSET_INVALID, String.format(format, args));
    }
}
