package dev.nvmekit.sim.compiled;

import java.math.BigInteger;

/**
 * Operations on values wider than 64 bits, called from generated code. A wide value lives in
 * the state array {@code v} as consecutive 64-bit words, least significant first, with the
 * bits above its width zero; arguments are word offsets into {@code v} and widths in bits.
 * A destination never overlaps an operand except where a method says so.
 */
final class WideOps {
    private WideOps() {
    }

    static int words(int w) {
        return (w + 63) >>> 6;
    }

    static long topMask(int w) {
        return NarrowOps.mask(((w - 1) & 63) + 1);
    }

    static void copy(long[] v, int dst, int src, int words) {
        System.arraycopy(v, src, v, dst, words);
    }

    static void not(long[] v, int dst, int a, int w) {
        int n = words(w);
        for (int i = 0; i < n; i++) v[dst + i] = ~v[a + i];
        v[dst + n - 1] &= topMask(w);
    }

    static void and(long[] v, int dst, int a, int b, int w) {
        for (int i = 0, n = words(w); i < n; i++) v[dst + i] = v[a + i] & v[b + i];
    }

    static void or(long[] v, int dst, int a, int b, int w) {
        for (int i = 0, n = words(w); i < n; i++) v[dst + i] = v[a + i] | v[b + i];
    }

    static void xor(long[] v, int dst, int a, int b, int w) {
        for (int i = 0, n = words(w); i < n; i++) v[dst + i] = v[a + i] ^ v[b + i];
    }

    static void add(long[] v, int dst, int a, int b, int w) {
        int n = words(w);
        long carry = 0;
        for (int i = 0; i < n; i++) {
            long x = v[a + i];
            long s = x + v[b + i];
            long c1 = Long.compareUnsigned(s, x) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            v[dst + i] = s2;
            carry = c1 | c2;
        }
        v[dst + n - 1] &= topMask(w);
    }

    static void sub(long[] v, int dst, int a, int b, int w) {
        int n = words(w);
        long borrow = 0;
        for (int i = 0; i < n; i++) {
            long x = v[a + i];
            long y = v[b + i];
            long d1 = x - y;
            long b1 = Long.compareUnsigned(x, y) < 0 ? 1 : 0;
            long d2 = d1 - borrow;
            long b2 = Long.compareUnsigned(d1, borrow) < 0 ? 1 : 0;
            v[dst + i] = d2;
            borrow = b1 | b2;
        }
        v[dst + n - 1] &= topMask(w);
    }

    static void neg(long[] v, int dst, int a, int w) {
        int n = words(w);
        long borrow = 0;
        for (int i = 0; i < n; i++) {
            long y = v[a + i];
            long d1 = -y;
            long b1 = y != 0 ? 1 : 0;
            long d2 = d1 - borrow;
            long b2 = Long.compareUnsigned(d1, borrow) < 0 ? 1 : 0;
            v[dst + i] = d2;
            borrow = b1 | b2;
        }
        v[dst + n - 1] &= topMask(w);
    }

    /** The full product of two operands of any width into {@code dst} of {@code wa + wb} bits. */
    static void mul(long[] v, int dst, int a, int wa, int b, int wb, int signed) {
        BigInteger x = toBig(v, a, wa);
        BigInteger y = toBig(v, b, wb);
        if (signed != 0) {
            x = signedValue(x, wa);
            y = signedValue(y, wb);
        }
        fromBig(v, dst, wa + wb, x.multiply(y));
    }

    static long eq(long[] v, int a, int b, int w) {
        for (int i = 0, n = words(w); i < n; i++) if (v[a + i] != v[b + i]) return 0;
        return 1;
    }

    /** -1, 0 or 1 as the values at {@code a} and {@code b} compare (two's complement when signed). */
    static int compare(long[] v, int a, int b, int w, int signed) {
        int n = words(w);
        for (int i = n - 1; i >= 0; i--) {
            long x = v[a + i];
            long y = v[b + i];
            int c;
            if (i == n - 1 && signed != 0) {
                int topBits = ((w - 1) & 63) + 1;
                c = Long.compare(NarrowOps.sext(x, topBits), NarrowOps.sext(y, topBits));
            } else {
                c = Long.compareUnsigned(x, y);
            }
            if (c != 0) return c < 0 ? -1 : 1;
        }
        return 0;
    }

    static long lt(long[] v, int a, int b, int w, int signed) {
        return compare(v, a, b, w, signed) < 0 ? 1 : 0;
    }

    static long le(long[] v, int a, int b, int w, int signed) {
        return compare(v, a, b, w, signed) <= 0 ? 1 : 0;
    }

    /** Word {@code i} of the value at {@code a} sign- or zero-extended past its width. */
    private static long wordExtended(long[] v, int a, int w, int i, boolean signed) {
        int n = words(w);
        long fill = signed && testBit(v, a, w - 1) ? -1L : 0L;
        if (i >= n) return fill;
        long x = v[a + i];
        if (i == n - 1 && signed) x = NarrowOps.sext(x, ((w - 1) & 63) + 1);
        return x;
    }

    private static boolean testBit(long[] v, int a, int bit) {
        return (v[a + (bit >>> 6)] >>> (bit & 63) & 1) != 0;
    }

    static void shl(long[] v, int dst, int a, int w, long amount) {
        int n = words(w);
        if (Long.compareUnsigned(amount, w) >= 0) {
            zero(v, dst, n);
            return;
        }
        int ws = (int) (amount >>> 6);
        int bit = (int) (amount & 63);
        for (int i = n - 1; i >= 0; i--) {
            int j = i - ws;
            long hi = j >= 0 ? v[a + j] : 0;
            long lo = j - 1 >= 0 ? v[a + j - 1] : 0;
            v[dst + i] = bit == 0 ? hi : hi << bit | lo >>> (64 - bit);
        }
        v[dst + n - 1] &= topMask(w);
    }

    /** Logical (unsigned) or arithmetic (signed) right shift; {@code dst} may equal {@code a}. */
    static void shr(long[] v, int dst, int a, int w, long amount, int signed) {
        int n = words(w);
        boolean s = signed != 0;
        long by = Long.compareUnsigned(amount, w) >= 0 ? w : amount;
        int ws = (int) (by >>> 6);
        int bit = (int) (by & 63);
        for (int i = 0; i < n; i++) {
            long lo = wordExtended(v, a, w, i + ws, s);
            long hi = wordExtended(v, a, w, i + ws + 1, s);
            v[dst + i] = bit == 0 ? lo : lo >>> bit | hi << (64 - bit);
        }
        v[dst + n - 1] &= topMask(w);
    }

    static void zero(long[] v, int dst, int words) {
        for (int i = 0; i < words; i++) v[dst + i] = 0;
    }

    /** Writes a value of {@code from} bits (a long pattern) extended to {@code to} bits. */
    static void fromLong(long[] v, int dst, long x, int from, int to, int signed) {
        long sx = signed != 0 ? NarrowOps.sext(x, from) : x;
        int n = words(to);
        v[dst] = sx;
        long fill = signed != 0 && sx < 0 ? -1L : 0L;
        for (int i = 1; i < n; i++) v[dst + i] = fill;
        v[dst + n - 1] &= topMask(to);
    }

    static void extend(long[] v, int dst, int src, int from, int to, int signed) {
        int n = words(to);
        boolean s = signed != 0;
        for (int i = n - 1; i >= 0; i--) v[dst + i] = wordExtended(v, src, from, i, s);
        v[dst + n - 1] &= topMask(to);
    }

    /** ORs a {@code w}-bit pattern into {@code dst} at bit {@code pos}. */
    static void insertLong(long[] v, int dst, int pos, long x, int w) {
        int i = pos >>> 6;
        int b = pos & 63;
        v[dst + i] |= x << b;
        if (b != 0 && b + w > 64) v[dst + i + 1] |= x >>> (64 - b);
    }

    static void insert(long[] v, int dst, int pos, int src, int w) {
        for (int k = 0, n = words(w); k < n; k++) insertLong(v, dst, pos + 64 * k, v[src + k], Math.min(64, w - 64 * k));
    }

    /** Bits {@code lo+w-1..lo} of the value at {@code src}, {@code w <= 64}. */
    static long sliceLong(long[] v, int src, int lo, int w) {
        int i = lo >>> 6;
        int b = lo & 63;
        long x = v[src + i] >>> b;
        if (b != 0 && b + w > 64) x |= v[src + i + 1] << (64 - b);
        return x & NarrowOps.mask(w);
    }

    static void slice(long[] v, int dst, int src, int lo, int w) {
        for (int k = 0, n = words(w); k < n; k++) v[dst + k] = sliceLong(v, src, lo + 64 * k, Math.min(64, w - 64 * k));
    }

    static long andReduce(long[] v, int a, int w) {
        int n = words(w);
        for (int i = 0; i < n - 1; i++) if (v[a + i] != -1L) return 0;
        return v[a + n - 1] == topMask(w) ? 1 : 0;
    }

    static long orReduce(long[] v, int a, int w) {
        for (int i = 0, n = words(w); i < n; i++) if (v[a + i] != 0) return 1;
        return 0;
    }

    static long xorReduce(long[] v, int a, int w) {
        int bits = 0;
        for (int i = 0, n = words(w); i < n; i++) bits += Long.bitCount(v[a + i]);
        return bits & 1;
    }

    /** A shift amount or address held in a wide value: its low word, or the largest long when it exceeds 63 bits. */
    static long amount(long[] v, int a, int w) {
        for (int i = 1, n = words(w); i < n; i++) if (v[a + i] != 0) return Long.MAX_VALUE;
        return v[a] < 0 ? Long.MAX_VALUE : v[a];
    }

    /** An asynchronous read of a memory of {@code words}-word entries; 0 beyond the depth. */
    static void memRead(long[] v, int dst, long[] mem, int depth, int words, long address) {
        if (Long.compareUnsigned(address, depth) >= 0) {
            zero(v, dst, words);
        } else {
            System.arraycopy(mem, (int) address * words, v, dst, words);
        }
    }

    /**
     * Applies a write port sampled into slots of {@code v}: enable, address, data and (when
     * {@code be >= 0}) byte enables. Writes beyond the depth are ignored. Returns whether the
     * memory's contents changed (so readers need evaluating again).
     */
    static boolean memWrite(long[] v, long[] mem, int depth, int width, int en, int addr, int data, int be) {
        if (v[en] == 0) return false;
        long address = v[addr];
        if (Long.compareUnsigned(address, depth) >= 0) return false;
        int words = words(width);
        int base = (int) address * words;
        if (be < 0) {
            boolean changed = false;
            for (int i = 0; i < words; i++) {
                long x = v[data + i];
                if (mem[base + i] != x) {
                    mem[base + i] = x;
                    changed = true;
                }
            }
            return changed;
        }
        boolean changed = false;
        for (int byteIndex = 0; byteIndex < width / 8; byteIndex++) {
            if ((v[be + (byteIndex >>> 6)] >>> (byteIndex & 63) & 1) == 0) continue;
            int word = byteIndex >>> 3;
            int shift = (byteIndex & 7) * 8;
            long m = 0xFFL << shift;
            long x = mem[base + word] & ~m | v[data + word] & m;
            if (x != mem[base + word]) {
                mem[base + word] = x;
                changed = true;
            }
        }
        return changed;
    }

    /** Copies {@code words} words from {@code src} to {@code dst} if they differ; returns whether they did. */
    static boolean update(long[] v, int dst, int src, int words) {
        boolean changed = false;
        for (int i = 0; i < words; i++) {
            long x = v[src + i];
            if (v[dst + i] != x) {
                v[dst + i] = x;
                changed = true;
            }
        }
        return changed;
    }

    /** The non-negative value of the {@code w}-bit pattern at {@code a} (a testbench peeks through this: no text round trip). */
    static BigInteger toBig(long[] v, int a, int w) {
        int n = words(w);
        if (n == 1 && v[a] >= 0) return BigInteger.valueOf(v[a]);
        byte[] be = new byte[8 * n + 1]; // big-endian; the leading zero byte keeps the value non-negative
        for (int i = 0; i < n; i++) {
            long x = v[a + i];
            int end = be.length - 8 * i;
            for (int b = 1; b <= 8; b++) {
                be[end - b] = (byte) x;
                x >>>= 8;
            }
        }
        return new BigInteger(be);
    }

    /** Stores the low {@code w} bits of {@code x} (two's complement) at {@code dst}. */
    static void fromBig(long[] v, int dst, int w, BigInteger x) {
        int n = words(w);
        if (x.bitLength() < 64) {
            long low = x.longValue();
            v[dst] = low;
            long fill = low < 0 ? -1L : 0L;
            for (int i = 1; i < n; i++) v[dst + i] = fill;
        } else {
            byte[] be = x.toByteArray();
            long fill = x.signum() < 0 ? -1L : 0L;
            for (int i = 0; i < n; i++) {
                long word = 0;
                for (int b = 7; b >= 0; b--) {
                    int at = be.length - 1 - (8 * i + b);
                    word = word << 8 | (at >= 0 ? be[at] & 0xFF : fill & 0xFF);
                }
                v[dst + i] = word;
            }
        }
        v[dst + n - 1] &= topMask(w);
    }

    private static BigInteger signedValue(BigInteger x, int w) {
        return x.testBit(w - 1) ? x.subtract(BigInteger.ONE.shiftLeft(w)) : x;
    }
}
