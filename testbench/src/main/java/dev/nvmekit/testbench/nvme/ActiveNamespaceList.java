package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The Active Namespace ID list, Identify CNS 02h: up to 1024 NSIDs, each 4 bytes, in increasing
 * order, all greater than the NSID in the command, the rest of the 4096 bytes zero
 * (NVMe Base Specification 2.0, section 5.17.2.2). A host pages through a longer list by
 * asking again from the last NSID it got.
 */
public record ActiveNamespaceList(List<Integer> nsids) {
    public static final int SIZE = 4096;
    public static final int MAX_ENTRIES = SIZE / 4;

    public ActiveNamespaceList {
        nsids = List.copyOf(nsids);
        if (nsids.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " NSIDs fit, got " + nsids.size());
        }
        long previous = 0;
        for (int id : nsids) {
            long u = Integer.toUnsignedLong(id);
            // 0 ends the list and FFFFFFFFh is the broadcast value: neither is a namespace.
            if (u <= previous || u == 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("NSIDs must increase and be valid: " + nsids);
            }
            previous = u;
        }
    }

    /** The page a controller returns for a command with NSID {@code after}, from all its active NSIDs (sorted). */
    public static ActiveNamespaceList page(List<Integer> activeNsids, int after) {
        List<Integer> out = new ArrayList<>();
        for (int id : activeNsids) {
            if (Integer.compareUnsigned(id, after) > 0 && out.size() < MAX_ENTRIES) {
                out.add(id);
            }
        }
        return new ActiveNamespaceList(out);
    }

    public static ActiveNamespaceList parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Active Namespace ID list");
        List<Integer> out = new ArrayList<>();
        for (int off = 0; off < SIZE; off += 4) {
            int id = LittleEndian.u32(b, off);
            if (id == 0) {
                break;
            }
            out.add(id);
        }
        return new ActiveNamespaceList(out);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < nsids.size(); i++) {
            LittleEndian.put32(b, 4 * i, nsids.get(i));
        }
        return b;
    }
}
