package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Constructors of values that are not methods of one operand: constants, concatenation,
 * multiplexers. {@link Component} exposes them to user code as {@code lit}, {@code cat},
 * {@code mux}.
 */
final class Values {
    private Values() {
    }

    /** Bits needed to hold the non-negative {@code v} (at least 1). */
    static int bitsFor(long v) {
        if (v < 0) throw new IllegalArgumentException("bitsFor needs a non-negative value, got " + v);
        return Math.max(1, 64 - Long.numberOfLeadingZeros(v));
    }

    static boolean fits(long v, SignalType t) {
        if (t.width() >= 64) return t.signed() || v >= 0;
        if (t.signed()) {
            long min = -(1L << (t.width() - 1));
            long max = (1L << (t.width() - 1)) - 1;
            return v >= min && v <= max;
        }
        return v >= 0 && (v >>> t.width()) == 0; // not v < 1L << width: that overflows at width 63
    }

    /** Whether {@code v} is a bit pattern of {@code width} bits or a two's complement value that fits them. */
    static boolean fitsPattern(BigInteger v, int width) {
        return v.signum() >= 0 ? v.bitLength() <= width : v.bitLength() < width;
    }

    static Value constant(long v, SignalType t) {
        return Scopes.constant(BigInteger.valueOf(v), t);
    }

    static Value concat(List<? extends Value> parts) {
        if (parts.isEmpty()) {
            // No value means no component to record the error in: fail at once, at the user's line.
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), "<constant>", "", "cat needs at least one value")));
        }
        Component s = Scopes.common(parts);
        List<Expr> exprs = new ArrayList<>();
        for (Value p : parts) exprs.add(Scopes.lift(p, s));
        if (exprs.size() == 1 && !exprs.getFirst().type().signed()) return new Value(exprs.getFirst(), s);
        int w = exprs.stream().mapToInt(Expr::width).sum();
        if (w > SignalType.MAX_WIDTH) {
            Scopes.report(s, "concatenation of " + w + " bits is over the limit of " + SignalType.MAX_WIDTH);
            return Scopes.constant(BigInteger.ZERO, SignalType.unsigned(SignalType.MAX_WIDTH));
        }
        return new Value(Expr.Concat.of(exprs), s);
    }

    static Value mux(Value select, Value whenTrue, Value whenFalse) {
        Component s = Scopes.common(List.of(select, whenTrue, whenFalse));
        if (select.width() != 1) {
            Scopes.report(s, "a mux select must be 1 bit, got " + select.width() + " bits; compare it or take orR()");
            return whenTrue;
        }
        if (whenTrue.isSigned() != whenFalse.isSigned()) {
            Scopes.report(s, "mux arms mix " + whenTrue.type() + " and " + whenFalse.type());
            return whenTrue;
        }
        int w = Math.max(whenTrue.width(), whenFalse.width());
        Expr t = Scopes.lift(whenTrue.resize(w), s);
        Expr f = Scopes.lift(whenFalse.resize(w), s);
        if (t.equals(f)) return new Value(t, s);
        return new Value(Expr.Mux.of(Scopes.lift(select, s), t, f), s);
    }
}
