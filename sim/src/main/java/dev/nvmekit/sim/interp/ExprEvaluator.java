package dev.nvmekit.sim.interp;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.engine.Bits;

import java.math.BigInteger;

/**
 * The reference semantics of IR expressions, on {@link BigInteger} bit patterns (every value is
 * the non-negative pattern of its type's width). Deliberately plain: the compiled backend is
 * tested against it and against Icarus Verilog.
 * <ul>
 *   <li>ADD, SUB, NEG wrap at the width; MUL gives the full product (width = sum of widths),
 *       signed when the operands are.</li>
 *   <li>LT/LE/GT/GE compare as signed when the operands are signed; EQ/NE compare patterns.</li>
 *   <li>SHL/SHR by an amount at or beyond the width give 0 (or all sign bits for an arithmetic
 *       SHR of a signed operand).</li>
 *   <li>An asynchronous memory read at an address at or beyond the depth gives 0.</li>
 * </ul>
 */
final class ExprEvaluator {
    /** Where values come from. */
    interface Env {
        BigInteger signal(String path);

        /** Word {@code index} of memory {@code path}, with {@code index} known to be in range. */
        BigInteger word(String path, int index);

        int depth(String path);
    }

    private ExprEvaluator() {
    }

    static BigInteger eval(Expr e, Env env) {
        return switch (e) {
            case Expr.Ref r -> env.signal(r.name());
            case Expr.Literal l -> l.value();
            case Expr.Unary u -> unary(u, eval(u.operand(), env));
            case Expr.Binary b -> binary(b, eval(b.left(), env), eval(b.right(), env));
            case Expr.Mux m -> eval(m.select(), env).signum() != 0 ? eval(m.whenTrue(), env) : eval(m.whenFalse(), env);
            case Expr.Concat c -> {
                BigInteger acc = BigInteger.ZERO;
                for (Expr p : c.parts()) acc = acc.shiftLeft(p.width()).or(eval(p, env));
                yield acc;
            }
            case Expr.Slice s -> eval(s.operand(), env).shiftRight(s.lo()).and(Bits.mask(s.hi() - s.lo() + 1));
            case Expr.Extend x -> {
                BigInteger v = eval(x.operand(), env);
                yield x.operand().type().signed() ? Bits.wrap(Bits.signed(v, x.operand().width()), x.width()) : v;
            }
            case Expr.Cast c -> eval(c.operand(), env);
            case Expr.MemRead m -> {
                BigInteger addr = eval(m.address(), env);
                yield addr.compareTo(BigInteger.valueOf(env.depth(m.memory()))) >= 0 ? BigInteger.ZERO : env.word(m.memory(), addr.intValueExact());
            }
        };
    }

    private static BigInteger unary(Expr.Unary u, BigInteger x) {
        int w = u.operand().width();
        return switch (u.op()) {
            case NOT -> x.xor(Bits.mask(w));
            case NEG -> Bits.wrap(x.negate(), w);
            case AND_REDUCE -> bit(x.equals(Bits.mask(w)));
            case OR_REDUCE -> bit(x.signum() != 0);
            case XOR_REDUCE -> bit(x.bitCount() % 2 == 1);
        };
    }

    private static BigInteger binary(Expr.Binary b, BigInteger l, BigInteger r) {
        int w = b.left().width();
        boolean signed = b.left().type().signed();
        return switch (b.op()) {
            case ADD -> Bits.wrap(l.add(r), w);
            case SUB -> Bits.wrap(l.subtract(r), w);
            case MUL -> signed ? Bits.wrap(Bits.signed(l, w).multiply(Bits.signed(r, b.right().width())), b.width())
                    : l.multiply(r);
            case AND -> l.and(r);
            case OR -> l.or(r);
            case XOR -> l.xor(r);
            case EQ -> bit(l.equals(r));
            case NE -> bit(!l.equals(r));
            case LT -> bit(compare(l, r, w, signed) < 0);
            case LE -> bit(compare(l, r, w, signed) <= 0);
            case GT -> bit(compare(l, r, w, signed) > 0);
            case GE -> bit(compare(l, r, w, signed) >= 0);
            case SHL -> r.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : Bits.wrap(l.shiftLeft(r.intValue()), w);
            case SHR -> {
                BigInteger v = signed ? Bits.signed(l, w) : l;
                int by = r.compareTo(BigInteger.valueOf(w)) >= 0 ? w : r.intValue();
                yield Bits.wrap(v.shiftRight(by), w);
            }
        };
    }

    private static int compare(BigInteger l, BigInteger r, int w, boolean signed) {
        return signed ? Bits.signed(l, w).compareTo(Bits.signed(r, w)) : l.compareTo(r);
    }

    private static BigInteger bit(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }
}
