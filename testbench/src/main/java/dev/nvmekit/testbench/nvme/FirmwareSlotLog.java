package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The Firmware Slot Information log page, log identifier 03h, 512 bytes (NVMe Base Specification
 * 2.0, section 5.16.1.4, Figure 208): AFI at byte 0 (active slot bits 2:0, slot activated at the
 * next reset bits 6:4, 0 if none), and FRS1..FRS7 at byte 8 + 8 * (n - 1), 8 ASCII characters
 * each, all zero for an empty slot.
 *
 * @param activeSlot    1..7
 * @param nextResetSlot 0 if none, else 1..7
 * @param revisions     seven revisions, slot 1 first; "" for an empty slot
 */
public record FirmwareSlotLog(int activeSlot, int nextResetSlot, List<String> revisions) {
    public static final int SIZE = 512;
    public static final int SLOTS = 7;

    public FirmwareSlotLog {
        Bits.checkRange("active slot", activeSlot, 1, 7);
        Bits.checkRange("next reset slot", nextResetSlot, 0, 7);
        revisions = List.copyOf(revisions);
        if (revisions.size() != SLOTS) {
            throw new IllegalArgumentException("seven slot revisions required, got " + revisions.size());
        }
    }

    /** One firmware image in slot 1, active. */
    public static FirmwareSlotLog single(String revision) {
        List<String> r = new ArrayList<>(List.of(revision));
        while (r.size() < SLOTS) {
            r.add("");
        }
        return new FirmwareSlotLog(1, 0, r);
    }

    public static FirmwareSlotLog parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Firmware Slot log");
        int afi = LittleEndian.u8(b, 0);
        List<String> r = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            r.add(LittleEndian.ascii(b, 8 + 8 * i, 8));
        }
        return new FirmwareSlotLog(afi & 7, (afi >>> 4) & 7, r);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put8(b, 0, activeSlot | nextResetSlot << 4);
        for (int i = 0; i < SLOTS; i++) {
            String r = revisions.get(i);
            if (!r.isEmpty()) {
                LittleEndian.putAscii(b, 8 + 8 * i, 8, r);
            }
        }
        return b;
    }

    /** The revision running now. */
    public String activeRevision() {
        return revisions.get(activeSlot - 1);
    }
}
