package dev.nvmekit.rtl.ir;

import java.math.BigInteger;

/**
 * The meaning of an IR expression, on {@link BigInteger} bit patterns (every value is the
 * non-negative pattern of its type's width). The emitter's {@link ExprSimplifier} folds constant
 * sub-expressions with it, and its tests compare an expression before and after simplification
 * with it. The rules, as the simulators implement them:
 * <ul>
 *   <li>ADD, SUB, NEG wrap at the width; MUL gives the full product, signed when the operands are.</li>
 *   <li>LT/LE/GT/GE compare as signed when the operands are signed; EQ/NE compare patterns.</li>
 *   <li>SHL/SHR by an amount at or beyond the width give 0 (all sign bits for SHR of a signed value).</li>
 *   <li>An asynchronous memory read is whatever {@link Env#word} says (the simulators give 0 beyond the depth).</li>
 * </ul>
 */
public final class ExprEvaluator {
    /** Where the values of signals and memory words come from. */
    public interface Env {
        /** The bit pattern of signal {@code name}. */
        BigInteger signal(String name);

        /** The word of {@code memory} at {@code address} (any address: beyond the depth the simulators read 0). */
        BigInteger word(String memory, BigInteger address);
    }

    /** An environment with no signals or memories, for expressions made of constants. */
    public static final Env CONSTANTS_ONLY = new Env() {
        @Override
        public BigInteger signal(String name) {
            throw new IllegalArgumentException("not a constant: reads signal " + name);
        }

        @Override
        public BigInteger word(String memory, BigInteger address) {
            throw new IllegalArgumentException("not a constant: reads memory " + memory);
        }
    };

    private ExprEvaluator() {
    }

    /** The bit pattern {@code e} computes in {@code env}. */
    public static BigInteger eval(Expr e, Env env) {
        return switch (e) {
            case Expr.Ref r -> env.signal(r.name());
            case Expr.Literal l -> l.value();
            case Expr.Unary u -> unary(u.op(), u.operand().width(), eval(u.operand(), env));
            case Expr.Binary b -> binary(b, eval(b.left(), env), eval(b.right(), env));
            case Expr.Mux m -> eval(m.select(), env).signum() != 0 ? eval(m.whenTrue(), env) : eval(m.whenFalse(), env);
            case Expr.Concat c -> {
                BigInteger acc = BigInteger.ZERO;
                for (Expr p : c.parts()) acc = acc.shiftLeft(p.width()).or(eval(p, env));
                yield acc;
            }
            case Expr.Slice s -> eval(s.operand(), env).shiftRight(s.lo()).and(mask(s.width()));
            case Expr.Extend x -> {
                BigInteger v = eval(x.operand(), env);
                yield x.operand().type().signed() ? wrap(signed(v, x.operand().width()), x.width()) : v;
            }
            case Expr.Cast c -> eval(c.operand(), env);
            case Expr.MemRead m -> env.word(m.memory(), eval(m.address(), env)).and(mask(m.width()));
        };
    }

    static BigInteger unary(Expr.UnaryOp op, int w, BigInteger x) {
        return switch (op) {
            case NOT -> x.xor(mask(w));
            case NEG -> wrap(x.negate(), w);
            case AND_REDUCE -> bit(x.equals(mask(w)));
            case OR_REDUCE -> bit(x.signum() != 0);
            case XOR_REDUCE -> bit(x.bitCount() % 2 == 1);
        };
    }

    static BigInteger binary(Expr.Binary b, BigInteger l, BigInteger r) {
        int w = b.left().width();
        boolean signed = b.left().type().signed();
        return switch (b.op()) {
            case ADD -> wrap(l.add(r), w);
            case SUB -> wrap(l.subtract(r), w);
            case MUL -> signed ? wrap(signed(l, w).multiply(signed(r, b.right().width())), b.width()) : l.multiply(r);
            case AND -> l.and(r);
            case OR -> l.or(r);
            case XOR -> l.xor(r);
            case EQ -> bit(l.equals(r));
            case NE -> bit(!l.equals(r));
            case LT -> bit(compare(l, r, w, signed) < 0);
            case LE -> bit(compare(l, r, w, signed) <= 0);
            case GT -> bit(compare(l, r, w, signed) > 0);
            case GE -> bit(compare(l, r, w, signed) >= 0);
            case SHL -> r.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : wrap(l.shiftLeft(r.intValueExact()), w);
            case SHR -> {
                BigInteger v = signed ? signed(l, w) : l;
                int by = r.compareTo(BigInteger.valueOf(w)) >= 0 ? w : r.intValueExact();
                yield wrap(v.shiftRight(by), w);
            }
        };
    }

    /** All ones in the low {@code width} bits. */
    static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** {@code v} as a {@code width}-bit pattern (two's complement for negative values). */
    static BigInteger wrap(BigInteger v, int width) {
        return v.and(mask(width));
    }

    /** The {@code width}-bit pattern {@code v} read as two's complement. */
    static BigInteger signed(BigInteger v, int width) {
        return v.testBit(width - 1) ? v.subtract(BigInteger.ONE.shiftLeft(width)) : v;
    }

    private static int compare(BigInteger l, BigInteger r, int w, boolean signed) {
        return signed ? signed(l, w).compareTo(signed(r, w)) : l.compareTo(r);
    }

    private static BigInteger bit(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }
}
