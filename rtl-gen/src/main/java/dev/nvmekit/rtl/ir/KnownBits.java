package dev.nvmekit.rtl.ir;

import java.math.BigInteger;

/**
 * What is known about the bits of a value without knowing its inputs: which bits are certainly
 * 0 and which certainly 1 (the rest may be either). {@link ExprSimplifier} uses it to find
 * expressions that are constant although they read signals ({@code x | 4'hF}, {@code x >> 9} of
 * 8 bits) and comparisons whose outcome the operands' ranges already decide.
 *
 * @param zeros bits known to be 0
 * @param ones  bits known to be 1 (disjoint from {@code zeros})
 */
record KnownBits(int width, BigInteger zeros, BigInteger ones) {
    KnownBits {
        if (zeros.and(ones).signum() != 0) throw new IllegalArgumentException("a bit cannot be known 0 and 1");
    }

    static KnownBits unknown(int width) {
        return new KnownBits(width, BigInteger.ZERO, BigInteger.ZERO);
    }

    static KnownBits constant(BigInteger pattern, int width) {
        return new KnownBits(width, ExprEvaluator.mask(width).andNot(pattern), pattern);
    }

    boolean isConstant() {
        return zeros.or(ones).equals(ExprEvaluator.mask(width));
    }

    /** The value, when {@link #isConstant()}. */
    BigInteger value() {
        return ones;
    }

    /** Smallest unsigned value the bits allow. */
    BigInteger unsignedMin() {
        return ones;
    }

    /** Largest unsigned value the bits allow. */
    BigInteger unsignedMax() {
        return ExprEvaluator.mask(width).andNot(zeros);
    }

    /** Smallest two's complement value the bits allow. */
    BigInteger signedMin() {
        BigInteger pattern = zeros.testBit(width - 1) ? ones : ones.setBit(width - 1);
        return ExprEvaluator.signed(pattern, width);
    }

    /** Largest two's complement value the bits allow. */
    BigInteger signedMax() {
        BigInteger max = unsignedMax();
        BigInteger pattern = ones.testBit(width - 1) ? max : max.clearBit(width - 1);
        return ExprEvaluator.signed(pattern, width);
    }

    BigInteger min(boolean signed) {
        return signed ? signedMin() : unsignedMin();
    }

    BigInteger max(boolean signed) {
        return signed ? signedMax() : unsignedMax();
    }

    KnownBits not() {
        return new KnownBits(width, ones, zeros);
    }

    KnownBits and(KnownBits o) {
        return new KnownBits(width, zeros.or(o.zeros), ones.and(o.ones));
    }

    KnownBits or(KnownBits o) {
        return new KnownBits(width, zeros.and(o.zeros), ones.or(o.ones));
    }

    KnownBits xor(KnownBits o) {
        BigInteger known = zeros.or(ones).and(o.zeros.or(o.ones));
        BigInteger v = ones.xor(o.ones);
        return new KnownBits(width, known.andNot(v), known.and(v));
    }

    /** Both possibilities of a multiplexer: only what the two agree on stays known. */
    KnownBits either(KnownBits o) {
        return new KnownBits(width, zeros.and(o.zeros), ones.and(o.ones));
    }

    /** Whether the two values certainly differ in some bit. */
    boolean conflicts(KnownBits o) {
        return zeros.and(o.ones).signum() != 0 || ones.and(o.zeros).signum() != 0;
    }

    KnownBits shiftLeft(int by) {
        if (by >= width) return constant(BigInteger.ZERO, width);
        BigInteger m = ExprEvaluator.mask(width);
        return new KnownBits(width, zeros.shiftLeft(by).or(ExprEvaluator.mask(by)).and(m), ones.shiftLeft(by).and(m));
    }

    /** Shift right by {@code by}, filling with zeros or, when {@code arithmetic}, with the sign bit. */
    KnownBits shiftRight(int by, boolean arithmetic) {
        int n = Math.min(by, width);
        BigInteger fill = ExprEvaluator.mask(n).shiftLeft(width - n);
        BigInteger z = zeros.shiftRight(n);
        BigInteger o = ones.shiftRight(n);
        if (!arithmetic) return new KnownBits(width, z.or(fill), o);
        if (zeros.testBit(width - 1)) return new KnownBits(width, z.or(fill), o);
        if (ones.testBit(width - 1)) return new KnownBits(width, z, o.or(fill));
        return new KnownBits(width, z.andNot(fill), o.andNot(fill));
    }

    /** Bits {@code lo .. lo + w - 1}. */
    KnownBits slice(int lo, int w) {
        BigInteger m = ExprEvaluator.mask(w);
        return new KnownBits(w, zeros.shiftRight(lo).and(m), ones.shiftRight(lo).and(m));
    }

    /** This value above {@code lower}. */
    KnownBits above(KnownBits lower) {
        return new KnownBits(width + lower.width, zeros.shiftLeft(lower.width).or(lower.zeros), ones.shiftLeft(lower.width).or(lower.ones));
    }

    /** Widened to {@code w} bits by zero extension or, when {@code signed}, sign extension. */
    KnownBits extend(int w, boolean signed) {
        BigInteger fill = ExprEvaluator.mask(w - width).shiftLeft(width);
        if (!signed || zeros.testBit(width - 1)) return new KnownBits(w, zeros.or(fill), ones);
        if (ones.testBit(width - 1)) return new KnownBits(w, zeros, ones.or(fill));
        return new KnownBits(w, zeros, ones);
    }
}
