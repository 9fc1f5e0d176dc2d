package dev.nvmekit.testbench.nvme;

import java.util.List;

/**
 * One PRP list as written into host memory: the 8-byte entries stored at {@code address}
 * (NVMe Base Specification 2.0, section 4.1.1). When the list is full and more entries follow,
 * its last entry is the address of the next list rather than a data page.
 *
 * @param address     where the list sits; page aligned, or only 256-byte aligned for a list from the small pool
 * @param entries     the entries in order, including a trailing chain pointer if any
 * @param chained     whether the last entry points to another list
 * @param fromSmallPool whether it came from the 256-byte pool (Linux: at most 32 entries)
 */
public record PrpList(long address, List<Long> entries, boolean chained, boolean fromSmallPool) {
    public PrpList {
        entries = List.copyOf(entries);
    }

    /** Entries that point at data, i.e. without the chain pointer. */
    public List<Long> dataEntries() {
        return chained ? entries.subList(0, entries.size() - 1) : entries;
    }

    /** The list's bytes, as written at {@link #address()}. */
    public byte[] encode() {
        byte[] b = new byte[entries.size() * 8];
        for (int i = 0; i < entries.size(); i++) {
            LittleEndian.put64(b, 8 * i, entries.get(i));
        }
        return b;
    }
}
