package dev.nvmekit.waveforms;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A 4-state bit vector of a fixed width, kept as the two planes the Verilog PLI uses:
 * for each bit, {@code (aval, bval)} is {@code (0,0)} for 0, {@code (1,0)} for 1,
 * {@code (0,1)} for z and {@code (1,1)} for x. Instances are canonical (no bits above the
 * width), so record equality is 4-state equality.
 *
 * @param width number of bits, at least 1
 * @param aval value plane
 * @param bval unknown plane: set bits are x or z
 */
public record LogicValue(int width, BigInteger aval, BigInteger bval) implements SignalValue {

    private static final LogicValue ZERO = new LogicValue(1, BigInteger.ZERO, BigInteger.ZERO);
    private static final LogicValue ONE = new LogicValue(1, BigInteger.ONE, BigInteger.ZERO);
    private static final LogicValue X = new LogicValue(1, BigInteger.ONE, BigInteger.ONE);
    private static final LogicValue Z = new LogicValue(1, BigInteger.ZERO, BigInteger.ONE);

    public LogicValue {
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        Objects.requireNonNull(aval, "aval");
        Objects.requireNonNull(bval, "bval");
        if (aval.signum() < 0 || bval.signum() < 0 || aval.bitLength() > width || bval.bitLength() > width) {
            throw new IllegalArgumentException("planes do not fit in " + width + " bits");
        }
    }

    /** A known value; {@code value} must fit in {@code width} unsigned bits. */
    public static LogicValue of(long value, int width) {
        if (width == 1 && (value == 0 || value == 1)) {
            return value == 0 ? ZERO : ONE;
        }
        BigInteger v = value >= 0 ? BigInteger.valueOf(value) : BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64));
        return new LogicValue(width, v, BigInteger.ZERO);
    }

    /** A known value from a non-negative integer. */
    public static LogicValue of(BigInteger value, int width) {
        return new LogicValue(width, value, BigInteger.ZERO);
    }

    /** All bits x. */
    public static LogicValue unknown(int width) {
        if (width == 1) {
            return X;
        }
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        return new LogicValue(width, all, all);
    }

    /**
     * Parses {@code 0 1 x z} characters (either case), most significant first. A string shorter
     * than the width is left-extended as VCD specifies: with 0 when it starts with 1, else with
     * its first character.
     *
     * @throws IllegalArgumentException on another character or a string longer than the width
     */
    public static LogicValue parse(String bits, int width) {
        if (bits.isEmpty()) {
            throw new IllegalArgumentException("empty bit string");
        }
        if (bits.length() > width) {
            throw new IllegalArgumentException("value " + bits + " has " + bits.length() + " bits but the signal has " + width);
        }
        if (width == 1) {
            return switch (bits.charAt(0)) {
                case '0' -> ZERO;
                case '1' -> ONE;
                case 'x', 'X' -> X;
                case 'z', 'Z' -> Z;
                default -> throw new IllegalArgumentException("not a 4-state bit: '" + bits.charAt(0) + "'");
            };
        }
        char fill = switch (bits.charAt(0)) {
            case 'x', 'X' -> 'x';
            case 'z', 'Z' -> 'z';
            default -> '0';
        };
        int pad = width - bits.length();
        char[] a = new char[width];
        char[] b = new char[width];
        for (int i = 0; i < width; i++) {
            char c = i < pad ? fill : bits.charAt(i - pad);
            switch (c) {
                case '0' -> { a[i] = '0'; b[i] = '0'; }
                case '1' -> { a[i] = '1'; b[i] = '0'; }
                case 'x', 'X' -> { a[i] = '1'; b[i] = '1'; }
                case 'z', 'Z' -> { a[i] = '0'; b[i] = '1'; }
                default -> throw new IllegalArgumentException("not a 4-state bit: '" + c + "' in " + bits);
            }
        }
        return new LogicValue(width, new BigInteger(new String(a), 2), new BigInteger(new String(b), 2));
    }

    /** Whether no bit is x or z. */
    public boolean isKnown() {
        return bval.signum() == 0;
    }

    /** Whether this is exactly the 1-bit (or any-width) value 1, with no x or z bits. */
    public boolean isOne() {
        return isKnown() && aval.equals(BigInteger.ONE);
    }

    /** Bit {@code i} (0 is least significant) as one of {@code 0 1 x z}. */
    public char bit(int i) {
        boolean a = aval.testBit(i);
        if (!bval.testBit(i)) {
            return a ? '1' : '0';
        }
        return a ? 'x' : 'z';
    }

    /** The value with every x and z bit read as 0; what a 2-state simulator would hold. */
    public LogicValue withUnknownsAsZero() {
        return isKnown() ? this : new LogicValue(width, aval.andNot(bval), BigInteger.ZERO);
    }

    /** The value as an unsigned integer, x and z bits read as 0. */
    public BigInteger toBigInteger() {
        return aval.andNot(bval);
    }

    /** All bits, most significant first. */
    public String toBinaryString() {
        StringBuilder sb = new StringBuilder(width);
        for (int i = width - 1; i >= 0; i--) {
            sb.append(bit(i));
        }
        return sb.toString();
    }

    /**
     * Hex digits, most significant first, as Verilog's {@code %h} prints them: a digit whose bits
     * are all x (or all z) prints as {@code x} ({@code z}); a digit mixing known and unknown bits
     * prints as {@code X} ({@code Z}).
     */
    public String toHexString() {
        int digits = (width + 3) / 4;
        StringBuilder sb = new StringBuilder(digits);
        for (int d = digits - 1; d >= 0; d--) {
            int lo = d * 4;
            int hi = Math.min(width, lo + 4);
            int value = 0;
            int xs = 0;
            int zs = 0;
            for (int i = hi - 1; i >= lo; i--) {
                char c = bit(i);
                value = value << 1 | (c == '1' ? 1 : 0);
                xs += c == 'x' ? 1 : 0;
                zs += c == 'z' ? 1 : 0;
            }
            int n = hi - lo;
            if (xs == n) {
                sb.append('x');
            } else if (zs == n) {
                sb.append('z');
            } else if (xs > 0) {
                sb.append('X');
            } else if (zs > 0) {
                sb.append('Z');
            } else {
                sb.append(Character.forDigit(value, 16));
            }
        }
        return sb.toString();
    }

    @Override
    public String display() {
        return width == 1 ? String.valueOf(bit(0)) : toHexString();
    }

    @Override
    public String toString() {
        return width + "'b" + toBinaryString();
    }
}
