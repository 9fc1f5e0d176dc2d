package dev.nvmekit.testbench.nvme;

/**
 * Bit-field helpers for register and dword encodings, named by the spec's "hi:lo" notation.
 * Package-private plumbing.
 */
final class Bits {
    private Bits() {
    }

    /** Bits {@code hi:lo} of {@code value}, as the spec writes a field. */
    static long field(long value, int hi, int lo) {
        int width = hi - lo + 1;
        long mask = width == 64 ? -1L : (1L << width) - 1;
        return (value >>> lo) & mask;
    }

    static int field(int value, int hi, int lo) {
        return (int) field(value & 0xFFFF_FFFFL, hi, lo);
    }

    static boolean bit(long value, int bit) {
        return ((value >>> bit) & 1) != 0;
    }

    /** {@code value} placed at bits {@code hi:lo}; rejects values that do not fit, to catch encoding bugs early. */
    static long place(long value, int hi, int lo, String name) {
        int width = hi - lo + 1;
        long max = width == 64 ? -1L : (1L << width) - 1;
        if (width < 64 && (value < 0 || value > max)) {
            throw new IllegalArgumentException(name + " = " + value + " does not fit in bits " + hi + ":" + lo);
        }
        return value << lo;
    }

    static int placeInt(long value, int hi, int lo, String name) {
        return (int) place(value, hi, lo, name);
    }

    static long flag(boolean set, int bit) {
        return set ? 1L << bit : 0;
    }

    static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is outside " + min + ".." + max);
        }
    }
}
