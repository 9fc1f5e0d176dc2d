package dev.nvmekit.rtl.ir;

/**
 * The type of every value in the IR: a two-state bit vector of a width in
 * {@value #MIN_WIDTH}..{@value #MAX_WIDTH}, interpreted as unsigned or two's-complement signed.
 *
 * @param width  number of bits
 * @param signed whether arithmetic and comparisons treat the vector as two's complement
 */
public record SignalType(int width, boolean signed) {
    /** Narrowest vector. */
    public static final int MIN_WIDTH = 1;
    /** Widest vector the toolkit supports (an NVMe SQE is 512 bits; 4096 leaves room). */
    public static final int MAX_WIDTH = 4096;

    /** A single unsigned bit. */
    public static final SignalType BIT = new SignalType(1, false);

    public SignalType {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException(
                    "width " + width + " is out of range: widths are " + MIN_WIDTH + ".." + MAX_WIDTH + " bits");
        }
    }

    /** An unsigned vector of {@code width} bits. */
    public static SignalType unsigned(int width) {
        return new SignalType(width, false);
    }

    /** A signed (two's complement) vector of {@code width} bits. */
    public static SignalType signed(int width) {
        return new SignalType(width, true);
    }

    /** This type with another width and the same signedness. */
    public SignalType withWidth(int newWidth) {
        return new SignalType(newWidth, signed);
    }

    @Override
    public String toString() {
        return (signed ? "SInt" : "UInt") + "(" + width + ")";
    }
}
