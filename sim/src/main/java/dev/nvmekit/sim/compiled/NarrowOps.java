package dev.nvmekit.sim.compiled;

/**
 * Operations on values of at most 64 bits held as zero-extended bit patterns in a {@code long},
 * called from generated code (small enough for the JIT to inline). Rules as in
 * {@link dev.nvmekit.rtl.ir.Expr}.
 */
final class NarrowOps {
    private NarrowOps() {
    }

    static long mask(int w) {
        return w == 64 ? -1L : (1L << w) - 1;
    }

    /** The pattern {@code a} of {@code w} bits, sign-extended to 64 bits. */
    static long sext(long a, int w) {
        return (a << (64 - w)) >> (64 - w);
    }

    static long shl(long a, long amount, int w) {
        return Long.compareUnsigned(amount, w) >= 0 ? 0 : (a << amount) & mask(w);
    }

    static long shr(long a, long amount, int w) {
        return Long.compareUnsigned(amount, w) >= 0 ? 0 : a >>> amount;
    }

    static long sra(long a, long amount, int w) {
        long by = Long.compareUnsigned(amount, w) >= 0 ? 63 : amount;
        return (sext(a, w) >> by) & mask(w);
    }

    static long lt(long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
    }

    static long le(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
    }

    static long slt(long a, long b, int w) {
        return sext(a, w) < sext(b, w) ? 1 : 0;
    }

    static long sle(long a, long b, int w) {
        return sext(a, w) <= sext(b, w) ? 1 : 0;
    }

    static long eq(long a, long b) {
        return a == b ? 1 : 0;
    }

    static long ne(long a, long b) {
        return a != b ? 1 : 0;
    }

    static long nonZero(long a) {
        return a != 0 ? 1 : 0;
    }

    static long parity(long a) {
        return Long.bitCount(a) & 1;
    }

    /** The full product, at most 64 bits wide (the IR's MUL width is the sum of the operand widths). */
    static long mul(long a, int wa, long b, int wb, int signed) {
        long p = signed != 0 ? sext(a, wa) * sext(b, wb) : a * b;
        return p & mask(wa + wb);
    }

    /** An asynchronous read of a one-word memory; 0 beyond the depth. */
    static long memRead(long[] mem, int depth, long address) {
        return Long.compareUnsigned(address, depth) >= 0 ? 0 : mem[(int) address];
    }
}
