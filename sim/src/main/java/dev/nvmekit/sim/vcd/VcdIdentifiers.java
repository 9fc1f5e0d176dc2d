package dev.nvmekit.sim.vcd;

/**
 * Short VCD identifier codes: the n-th recorded signal gets the n-th string over the 94 printable
 * ASCII characters, so the first 94 signals use one character and the next 8836 use two.
 */
public final class VcdIdentifiers {
    private static final int RADIX = '~' - '!' + 1;

    private VcdIdentifiers() {
    }

    /** The identifier code of the signal with the given zero-based index. */
    public static String code(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative identifier index " + index);
        }
        // Bijective base-94: unlike plain base-94 it never produces a code with a "leading zero",
        // so every index maps to a distinct, shortest-possible string.
        StringBuilder sb = new StringBuilder(3);
        long n = index;
        do {
            sb.append((char) ('!' + n % RADIX));
            n = n / RADIX - 1;
        } while (n >= 0);
        return sb.toString();
    }
}
