package dev.nvmekit.testbench.nvme;

/**
 * The 8-byte data buffer of the Timestamp feature, Feature Identifier 0Eh (NVMe Base
 * Specification 2.0, section 5.27.1, "Timestamp"): bytes 5:0 the Timestamp, milliseconds since
 * midnight 01-Jan-1970 UTC; byte 6 the attributes of Get Features — bit 0 Synch (1: the
 * controller may have stopped counting, e.g. while non-operational) and bits 3:1 Timestamp
 * Origin ({@link #ORIGIN_RESET} 000b: counted from 0 since a controller reset,
 * {@link #ORIGIN_SET_FEATURES} 001b: counted from a value the host set); byte 7 reserved. Set
 * Features takes bytes 5:0 and ignores the rest. A controller supports it when Identify
 * Controller ONCS bit 6 is set, and Linux then sets it at every bring-up
 * ({@code nvme_configure_timestamp}).
 */
public record Timestamp(long millis, boolean synch, int origin) {
    public static final int SIZE = 8;
    public static final long MAX_MILLIS = (1L << 48) - 1;
    public static final int ORIGIN_RESET = 0b000;
    public static final int ORIGIN_SET_FEATURES = 0b001;

    public Timestamp {
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("timestamp " + millis + " ms does not fit in 48 bits");
        }
        Bits.checkRange("Timestamp Origin", origin, 0, 7);
    }

    /** The value a host sets: only bytes 5:0 mean anything to Set Features. */
    public static Timestamp ofMillis(long millis) {
        return new Timestamp(millis, false, ORIGIN_RESET);
    }

    public static Timestamp parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Timestamp");
        long ms = LittleEndian.u64(b, 0) & MAX_MILLIS;
        int attributes = LittleEndian.u8(b, 6);
        return new Timestamp(ms, (attributes & 1) != 0, Bits.field(attributes, 3, 1));
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put64(b, 0, millis);
        LittleEndian.put8(b, 6, origin << 1 | (synch ? 1 : 0));
        return b;
    }
}
