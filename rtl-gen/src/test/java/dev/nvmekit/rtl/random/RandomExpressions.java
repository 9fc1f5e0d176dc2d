package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.dsl.Value;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Random well-formed expressions over a pool of values, using every operator of {@link Value}:
 * arithmetic (with mul kept narrow so synthesis stays quick), bitwise, reductions, comparisons,
 * constant and dynamic shifts, slices, bit selects, concatenation, replication, mux, resize,
 * extension and signed/unsigned conversion. Results never exceed {@code maxWidth} bits.
 */
final class RandomExpressions {
    /** Widest product operand sum: keeps Yosys' multiplier synthesis fast. */
    private static final int MAX_MUL_WIDTH = 40;

    private final Random random;
    private final int maxWidth;
    private final BiFunction<BigInteger, SignalType, Value> constants;

    /** {@code constants} makes a constant of a type (the component's {@code lit}/{@code slit}). */
    RandomExpressions(Random random, int maxWidth, BiFunction<BigInteger, SignalType, Value> constants) {
        this.random = random;
        this.maxWidth = maxWidth;
        this.constants = constants;
    }

    /** A new value computed from values of {@code pool}. */
    Value next(List<Value> pool) {
        Value a = any(pool);
        // Degenerate forms on purpose: x op x, edge constants, shifts past the width (the emitter must fold them).
        Value b = sameSign(random.nextInt(6) == 0 ? a : any(pool), a);
        Value r = switch (random.nextInt(34)) {
            case 0 -> a.add(b);
            case 1 -> a.sub(b);
            case 2 -> a.addExpand(b);
            case 3 -> a.subExpand(b);
            case 4 -> a.width() + b.width() <= MAX_MUL_WIDTH ? a.mul(b) : a.xor(b);
            case 5 -> a.neg();
            case 6 -> a.and(b);
            case 7 -> a.or(b);
            case 8 -> a.xor(b);
            case 9 -> a.not();
            case 10 -> switch (random.nextInt(3)) {
                case 0 -> a.andR();
                case 1 -> a.orR();
                default -> a.xorR();
            };
            case 11 -> compare(a, b);
            case 12 -> random.nextBoolean() ? compare(a, constant(a.type())) : compare(constant(a.type()), a);
            case 13 -> random.nextBoolean() ? a.shl(random.nextInt(2 * a.width() + 1)) : a.shr(random.nextInt(2 * a.width() + 1));
            case 14 -> {
                Value amount = b.asUnsigned();
                if (random.nextBoolean()) amount = amount.truncate(1 + random.nextInt(Math.min(amount.width(), 8)));
                yield random.nextBoolean() ? a.shl(amount) : a.shr(amount);
            }
            case 15 -> {
                int hi = random.nextInt(a.width());
                yield a.slice(hi, random.nextInt(hi + 1));
            }
            case 16 -> a.bit(random.nextInt(a.width()));
            case 17 -> a.bit(b.asUnsigned().truncate(Math.min(b.width(), 1 + random.nextInt(8))));
            case 18 -> a.msb();
            case 19 -> a.width() + b.width() <= maxWidth ? a.cat(b) : a.cat(b.bit(0));
            case 20 -> a.replicate(1 + random.nextInt(Math.max(1, Math.min(4, maxWidth / a.width()))));
            case 21 -> a.resize(width());
            case 22 -> a.truncate(1 + random.nextInt(a.width()));
            case 23 -> a.extend(a.width() + random.nextInt(maxWidth - a.width() + 1));
            case 24 -> a.isSigned() ? a.asUnsigned() : a.asSigned();
            case 25 -> bit(pool).select(a, b);
            case 26 -> arithmeticWithConstant(a);
            case 27 -> constant(type(a.isSigned()));
            case 28 -> a.eq(b).or(a.ne(constant(a.type())));
            // A narrow value widened and compared with a constant it may never reach.
            case 29 -> {
                Value wide = a.extend(Math.min(maxWidth, a.width() + 1 + random.nextInt(8)));
                yield random.nextBoolean() ? compare(wide, constant(wide.type())) : compare(constant(wide.type()), wide);
            }
            case 30 -> switch (random.nextInt(4)) {
                case 0 -> a.or(constants.apply(edge(a.type(), 1), a.type()));
                case 1 -> a.and(constants.apply(BigInteger.ZERO, a.type()));
                case 2 -> a.width() + b.width() <= MAX_MUL_WIDTH ? a.mul(constants.apply(BigInteger.ZERO, b.type())) : a.sub(a);
                default -> compare(a.sub(b), b.sub(a));
            };
            case 31 -> constant(SignalType.BIT).select(a, b);
            case 32 -> a.shl(constant(SignalType.unsigned(1 + random.nextInt(8))).asUnsigned());
            default -> bit(pool).select(a, constant(a.type()));
        };
        return r.width() > maxWidth ? r.truncate(maxWidth) : r;
    }

    /** A one-bit value from the pool (a bit of some value). */
    Value bit(List<Value> pool) {
        Value v = any(pool);
        return v.width() == 1 ? v.asUnsigned() : random.nextBoolean() ? v.bit(random.nextInt(v.width())) : v.orR();
    }

    /** {@code v} converted to exactly {@code t} (sign conversion, then resize). */
    static Value fit(Value v, SignalType t) {
        Value s = t.signed() ? v.asSigned() : v.asUnsigned();
        return s.resize(t.width());
    }

    /** A random width, usually small, sometimes over 64 bits. */
    int width() {
        return switch (random.nextInt(10)) {
            case 0 -> 1;
            case 1 -> 65 + random.nextInt(maxWidth - 64);
            case 2 -> 33 + random.nextInt(32);
            default -> 2 + random.nextInt(16);
        };
    }

    /** A random type of a random width. */
    SignalType type(boolean signed) {
        return new SignalType(width(), signed);
    }

    /** A random constant of {@code t}, one time in three at an edge of its range (0, all ones, signed min or max). */
    Value constant(SignalType t) {
        BigInteger v = random.nextInt(3) == 0 ? edge(t, random.nextInt(4)) : new BigInteger(t.width(), random);
        if (t.signed() && v.testBit(t.width() - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(t.width()));
        return constants.apply(v, t);
    }

    /** Edge {@code which} of {@code t}'s patterns: 0, all ones, only the top bit, all but the top bit. */
    private static BigInteger edge(SignalType t, int which) {
        BigInteger top = BigInteger.ONE.shiftLeft(t.width() - 1);
        return switch (which) {
            case 0 -> BigInteger.ZERO;
            case 1 -> top.shiftLeft(1).subtract(BigInteger.ONE);
            case 2 -> top;
            default -> top.subtract(BigInteger.ONE);
        };
    }

    Value any(List<Value> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    private static Value sameSign(Value v, Value like) {
        return like.isSigned() ? v.asSigned() : v.asUnsigned();
    }

    private Value compare(Value a, Value b) {
        return switch (random.nextInt(6)) {
            case 0 -> a.eq(b);
            case 1 -> a.ne(b);
            case 2 -> a.lt(b);
            case 3 -> a.le(b);
            case 4 -> a.gt(b);
            default -> a.ge(b);
        };
    }

    private Value arithmeticWithConstant(Value a) {
        int bits = a.isSigned() ? a.width() - 1 : a.width();
        long c = bits == 0 ? 0 : bits >= 63 ? random.nextLong() & Long.MAX_VALUE : random.nextLong(1L << bits);
        return switch (random.nextInt(5)) {
            case 0 -> a.add(c);
            case 1 -> a.sub(c);
            case 2 -> a.and(c);
            case 3 -> a.or(c);
            default -> a.xor(c);
        };
    }
}
