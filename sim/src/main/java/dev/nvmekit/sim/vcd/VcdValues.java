package dev.nvmekit.sim.vcd;

import java.math.BigInteger;

/**
 * Converts caller values to the full-width 4-state bit strings the writer keeps, and shortens
 * them for the file using the VCD left-extension rule.
 */
final class VcdValues {
    private VcdValues() {
    }

    static String fromLong(long value, int width) {
        if (width < 64 && (value >>> width) != 0) {
            throw new IllegalArgumentException(
                    "value 0x" + Long.toHexString(value) + " does not fit in " + width + " bits");
        }
        return pad(Long.toBinaryString(value), width);
    }

    static String fromBigInteger(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + width + " unsigned bits");
        }
        return pad(value.toString(2), width);
    }

    /** Words are least significant first, as simulators store wide vectors. */
    static String fromWords(long[] words, int width) {
        StringBuilder sb = new StringBuilder(width);
        for (int bit = width - 1; bit >= 0; bit--) {
            int word = bit >>> 6;
            long w = word < words.length ? words[word] : 0;
            sb.append((w >>> (bit & 63) & 1) == 1 ? '1' : '0');
        }
        for (int bit = width; bit < words.length * 64; bit++) {
            if ((words[bit >>> 6] >>> (bit & 63) & 1) == 1) {
                throw new IllegalArgumentException("bit " + bit + " is set beyond width " + width);
            }
        }
        return sb.toString();
    }

    /** A 4-state string, most significant bit first; shorter strings are left-extended as in VCD. */
    static String fromBits(String bits, int width) {
        if (bits.isEmpty() || bits.length() > width) {
            throw new IllegalArgumentException(
                    "bit string of length " + bits.length() + " for a " + width + "-bit signal");
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = 0; i < bits.length(); i++) {
            char c = Character.toLowerCase(bits.charAt(i));
            if (c != '0' && c != '1' && c != 'x' && c != 'z') {
                throw new IllegalArgumentException("not a 4-state bit: '" + bits.charAt(i) + "' in " + bits);
            }
            sb.append(c);
        }
        char first = sb.charAt(0);
        char fill = first == '1' ? '0' : first;
        return String.valueOf(fill).repeat(width - bits.length()) + sb;
    }

    static String unknown(int width) {
        return "x".repeat(width);
    }

    /** The shortest string that VCD left-extension turns back into {@code full}. */
    static String compact(String full) {
        int i = 0;
        while (i < full.length() - 1) {
            char c = full.charAt(i);
            char next = full.charAt(i + 1);
            // A leading 0 extends as 0, so it may only go if what follows does not extend differently.
            boolean redundant = c == '0' ? next == '0' || next == '1' : c != '1' && c == next;
            if (!redundant) {
                break;
            }
            i++;
        }
        return full.substring(i);
    }

    private static String pad(String bin, int width) {
        return bin.length() >= width ? bin : "0".repeat(width - bin.length()) + bin;
    }
}
