package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Expr.BinaryOp;
import dev.nvmekit.rtl.ir.Expr.UnaryOp;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A hardware value: an immutable combinational expression over the signals of one component.
 * Operators follow the IR's width rules: operands of {@code add}, {@code and}, comparisons... are
 * first widened to the wider of the two (zero or sign extension, never truncation); {@code add}
 * and {@code sub} wrap at that width ({@code addExpand}/{@code subExpand} keep the carry);
 * {@code mul} gives the sum of the widths; shifts keep the width. Narrowing is only explicit:
 * {@link #resize}, {@link #truncate}, {@link #slice}. Mixing signed and unsigned operands is an
 * error ({@link #asSigned()}/{@link #asUnsigned()} convert).
 *
 * <p>A value's errors (a slice outside the vector, a signed/unsigned mix) are recorded against the
 * user's line and reported with all others when the design is elaborated.
 */
public class Value {
    private final Expr expr;
    private final Component scope;

    /**
     * Wraps {@code expr}; a node that does not know where it was built yet (a fresh operator,
     * literal or signal reference) is stamped with the user's line now, while that line is still
     * on the stack. Nodes that already carry a location (a wrapped or lifted value) keep it.
     */
    Value(Expr expr, Component scope) {
        this.expr = SourceLocation.UNKNOWN.equals(expr.at()) ? expr.located(SourceCapture.expressionSite()) : expr;
        this.scope = scope;
    }

    /** The IR expression (names refer to signals of {@link #scope()}). */
    public Expr expr() {
        return expr;
    }

    /** The component whose signals this value reads; null for a constant. */
    Component scope() {
        return scope;
    }

    /** The value's type. */
    public SignalType type() {
        return expr.type();
    }

    /** Width in bits. */
    public int width() {
        return expr.width();
    }

    /** Whether the value is signed. */
    public boolean isSigned() {
        return expr.type().signed();
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    /** Sum at the wider operand's width (wraps). */
    public Value add(Value other) { return binary(BinaryOp.ADD, other, 0); }
    public Value add(long constant) { return add(constantLike(constant)); }
    /** Sum one bit wider than the wider operand (keeps the carry). */
    public Value addExpand(Value other) { return binary(BinaryOp.ADD, other, 1); }
    /** Difference at the wider operand's width (wraps). */
    public Value sub(Value other) { return binary(BinaryOp.SUB, other, 0); }
    public Value sub(long constant) { return sub(constantLike(constant)); }
    /** Difference one bit wider than the wider operand (keeps the borrow). */
    public Value subExpand(Value other) { return binary(BinaryOp.SUB, other, 1); }
    /** Product, as wide as both widths together. */
    public Value mul(Value other) {
        Component s = Scopes.common(this, other);
        if (isSigned() != other.isSigned()) return mixError(s, "mul", other, width() + other.width());
        if (width() + other.width() > SignalType.MAX_WIDTH) {
            Scopes.report(s, "mul would need " + (width() + other.width()) + " bits, over the limit of " + SignalType.MAX_WIDTH);
            return Scopes.constant(BigInteger.ZERO, new SignalType(SignalType.MAX_WIDTH, isSigned()));
        }
        return new Value(Expr.Binary.of(BinaryOp.MUL, Scopes.lift(this, s), Scopes.lift(other, s)), s);
    }
    /** Two's complement negation at the same width. */
    public Value neg() { return new Value(Expr.Unary.of(UnaryOp.NEG, expr), scope); }

    // ---- bitwise and reductions ---------------------------------------------------------------

    public Value and(Value other) { return binary(BinaryOp.AND, other, 0); }
    public Value and(long constant) { return and(constantLike(constant)); }
    public Value or(Value other) { return binary(BinaryOp.OR, other, 0); }
    public Value or(long constant) { return or(constantLike(constant)); }
    public Value xor(Value other) { return binary(BinaryOp.XOR, other, 0); }
    public Value xor(long constant) { return xor(constantLike(constant)); }
    /** Bitwise inversion. */
    public Value not() { return new Value(Expr.Unary.of(UnaryOp.NOT, expr), scope); }
    /** 1 when every bit is 1. */
    public Value andR() { return new Value(Expr.Unary.of(UnaryOp.AND_REDUCE, expr), scope); }
    /** 1 when any bit is 1. */
    public Value orR() { return new Value(Expr.Unary.of(UnaryOp.OR_REDUCE, expr), scope); }
    /** Parity: 1 when an odd number of bits are 1. */
    public Value xorR() { return new Value(Expr.Unary.of(UnaryOp.XOR_REDUCE, expr), scope); }

    // ---- comparisons (one unsigned bit) --------------------------------------------------------

    public Value eq(Value other) { return binary(BinaryOp.EQ, other, 0); }
    public Value eq(long constant) { return eq(constantLike(constant)); }
    public Value ne(Value other) { return binary(BinaryOp.NE, other, 0); }
    public Value ne(long constant) { return ne(constantLike(constant)); }
    public Value lt(Value other) { return binary(BinaryOp.LT, other, 0); }
    public Value lt(long constant) { return lt(constantLike(constant)); }
    public Value le(Value other) { return binary(BinaryOp.LE, other, 0); }
    public Value le(long constant) { return le(constantLike(constant)); }
    public Value gt(Value other) { return binary(BinaryOp.GT, other, 0); }
    public Value gt(long constant) { return gt(constantLike(constant)); }
    public Value ge(Value other) { return binary(BinaryOp.GE, other, 0); }
    public Value ge(long constant) { return ge(constantLike(constant)); }

    // ---- shifts (width kept) ------------------------------------------------------------------

    /** Shift left by a constant; bits shifted out are lost. */
    public Value shl(int amount) { return shift(BinaryOp.SHL, amount); }
    /** Shift right by a constant: logical for unsigned, arithmetic for signed. */
    public Value shr(int amount) { return shift(BinaryOp.SHR, amount); }
    /** Shift left by an unsigned value. */
    public Value shl(Value amount) { return dynamicShift(BinaryOp.SHL, amount); }
    /** Shift right by an unsigned value. */
    public Value shr(Value amount) { return dynamicShift(BinaryOp.SHR, amount); }

    // ---- bits ---------------------------------------------------------------------------------

    /** Bits {@code hi..lo} inclusive, unsigned. */
    public Value slice(int hi, int lo) {
        if (lo < 0 || hi < lo || hi >= width()) {
            Scopes.report(scope, "slice [" + hi + ":" + lo + "] is outside this " + width() + "-bit value");
            return Scopes.constant(BigInteger.ZERO, SignalType.unsigned(Math.max(1, Math.min(hi - lo + 1, SignalType.MAX_WIDTH))));
        }
        if (hi == width() - 1 && lo == 0 && !isSigned()) return this;
        return new Value(Expr.Slice.of(expr, hi, lo), scope);
    }
    /** One bit. */
    public Value bit(int index) { return slice(index, index); }
    /** One bit chosen by an unsigned index (bit 0 when the index is past the top). */
    public Value bit(Value index) { return asUnsigned().shr(index).bit(0); }
    /** The most significant bit. */
    public Value msb() { return bit(width() - 1); }
    /** This value followed by {@code lower} (this in the high bits). */
    public Value cat(Value... lower) {
        List<Value> all = new ArrayList<>();
        all.add(this);
        all.addAll(List.of(lower));
        return Values.concat(all);
    }
    /** {@code count} copies side by side. */
    public Value replicate(int count) {
        if (count < 1) {
            Scopes.report(scope, "replicate needs a count >= 1, got " + count);
            return this;
        }
        List<Value> copies = new ArrayList<>();
        for (int i = 0; i < count; i++) copies.add(this);
        return Values.concat(copies);
    }

    // ---- width and sign -----------------------------------------------------------------------

    /** Widen (zero or sign extension) or narrow (keep the low bits) to {@code newWidth}. */
    public Value resize(int newWidth) {
        if (newWidth == width()) return this;
        if (newWidth > width()) return extend(newWidth);
        return truncate(newWidth);
    }
    /** Keep the low {@code newWidth} bits, with this value's signedness. */
    public Value truncate(int newWidth) {
        if (newWidth > width() || newWidth < 1) {
            Scopes.report(scope, "truncate to " + newWidth + " bits, but the value has " + width());
            return this;
        }
        if (newWidth == width()) return this;
        Value low = slice(newWidth - 1, 0);
        return isSigned() ? low.asSigned() : low;
    }
    /** Widen to {@code newWidth}: sign extension when signed, zero extension otherwise. */
    public Value extend(int newWidth) {
        if (newWidth < width() || newWidth > SignalType.MAX_WIDTH) {
            Scopes.report(scope, "cannot extend a " + width() + "-bit value to " + newWidth + " bits");
            return this;
        }
        if (newWidth == width()) return this;
        return new Value(new Expr.Extend(expr, type().withWidth(newWidth)), scope);
    }
    /** The same bits read as signed. */
    public Value asSigned() {
        return isSigned() ? this : new Value(new Expr.Cast(expr, SignalType.signed(width())), scope);
    }
    /** The same bits read as unsigned. */
    public Value asUnsigned() {
        return !isSigned() ? this : new Value(new Expr.Cast(expr, SignalType.unsigned(width())), scope);
    }

    // ---- selection ----------------------------------------------------------------------------

    /** {@code this ? whenTrue : whenFalse}; this value must be one bit. */
    public Value select(Value whenTrue, Value whenFalse) {
        return Values.mux(this, whenTrue, whenFalse);
    }
    public Value select(long whenTrue, long whenFalse) {
        SignalType t = SignalType.unsigned(Math.max(Values.bitsFor(whenTrue), Values.bitsFor(whenFalse)));
        return Values.mux(this, Values.constant(whenTrue, t), Values.constant(whenFalse, t));
    }

    // ---- internals ----------------------------------------------------------------------------

    private Value binary(BinaryOp op, Value other, int grow) {
        Component s = Scopes.common(this, other);
        if (isSigned() != other.isSigned()) {
            return mixError(s, op.name().toLowerCase(), other, op.isComparison() ? 1 : Math.max(width(), other.width()) + grow);
        }
        int w = Math.max(width(), other.width()) + grow;
        if (w > SignalType.MAX_WIDTH) {
            Scopes.report(s, op.name().toLowerCase() + " would need " + w + " bits, over the limit of " + SignalType.MAX_WIDTH);
            w = SignalType.MAX_WIDTH;
        }
        Expr l = Scopes.lift(this.resize(w), s);
        Expr r = Scopes.lift(other.resize(w), s);
        return new Value(Expr.Binary.of(op, l, r), s);
    }

    private Value mixError(Component s, String op, Value other, int resultWidth) {
        Scopes.report(s, op + " mixes " + type() + " and " + other.type()
                + "; convert one with asSigned() or asUnsigned()");
        return Scopes.constant(BigInteger.ZERO, new SignalType(Math.max(1, Math.min(resultWidth, SignalType.MAX_WIDTH)), false));
    }

    private Value shift(BinaryOp op, int amount) {
        if (amount < 0) {
            Scopes.report(scope, "shift by a negative amount " + amount);
            return this;
        }
        if (amount == 0) return this;
        Value amt = Values.constant(amount, SignalType.unsigned(Values.bitsFor(amount)));
        return new Value(Expr.Binary.of(op, expr, amt.expr()), scope);
    }

    private Value dynamicShift(BinaryOp op, Value amount) {
        Component s = Scopes.common(this, amount);
        if (amount.isSigned()) {
            Scopes.report(s, "a shift amount must be unsigned; use asUnsigned()");
            return this;
        }
        return new Value(Expr.Binary.of(op, Scopes.lift(this, s), Scopes.lift(amount, s)), s);
    }

    /** A constant of this value's signedness and width (reported when it does not fit). */
    Value constantLike(long v) {
        if (!Values.fits(v, type())) {
            Scopes.report(scope, "constant " + v + " does not fit " + type());
        }
        return Values.constant(v, type());
    }

    @Override
    public String toString() {
        return type() + " " + expr;
    }
}
