package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The Autonomous Power State Transition data structure of Feature 0Ch: 32 entries of 8 bytes,
 * entry n for power state n (NVMe Base Specification 2.0, Figure 328): ITPS (Idle Transition
 * Power State) bits 7:3, ITPT (Idle Time Prior to Transition, milliseconds) bits 31:8 of the
 * first dword; the upper dword is reserved. ITPT 0 means no transition from that state.
 */
public record ApstTable(List<Entry> entries) {
    public static final int SIZE = 256;
    public static final int ENTRIES = 32;

    /** One state's rule: after {@code idleMillis} idle, go to {@code targetState}. */
    public record Entry(int targetState, int idleMillis) {
        public static final Entry NONE = new Entry(0, 0);

        public Entry {
            Bits.checkRange("ITPS", targetState, 0, 31);
            Bits.checkRange("ITPT", idleMillis, 0, 0xFF_FFFF);
        }

        int encode() {
            return targetState << 3 | idleMillis << 8;
        }

        static Entry decode(int d) {
            return new Entry(Bits.field(d, 7, 3), Bits.field(d, 31, 8));
        }
    }

    public ApstTable {
        entries = List.copyOf(entries);
        if (entries.size() != ENTRIES) {
            throw new IllegalArgumentException("32 entries required, got " + entries.size());
        }
    }

    public static ApstTable parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "APST table");
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            out.add(Entry.decode(LittleEndian.u32(b, 8 * i)));
        }
        return new ApstTable(out);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < ENTRIES; i++) {
            LittleEndian.put32(b, 8 * i, entries.get(i).encode());
        }
        return b;
    }
}
