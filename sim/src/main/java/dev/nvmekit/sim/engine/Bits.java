package dev.nvmekit.sim.engine;

import java.math.BigInteger;

/** Bit-pattern arithmetic on {@link BigInteger}s shared by the simulators. */
public final class Bits {
    private Bits() {
    }

    /** {@code 2^width - 1}. */
    public static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** The two's-complement value of a {@code width}-bit pattern. */
    public static BigInteger signed(BigInteger pattern, int width) {
        return pattern.testBit(width - 1) ? pattern.subtract(BigInteger.ONE.shiftLeft(width)) : pattern;
    }

    /** {@code value} reduced to a {@code width}-bit pattern. */
    public static BigInteger wrap(BigInteger value, int width) {
        return value.and(mask(width));
    }
}
