package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.List;

/**
 * Which component a value belongs to, and how a child's port is seen from its parent. A child
 * port used in the parent becomes the parent's net {@code <instance>_<port>}; any other
 * cross-component use is an error at the user's line.
 */
final class Scopes {
    private Scopes() {
    }

    /** The scope an expression over {@code a} and {@code b} lives in. */
    static Component common(Value a, Value b) {
        return common(a.scope(), b.scope());
    }

    /** The scope an expression over all {@code values} lives in (null when all are constants). */
    static Component common(List<? extends Value> values) {
        Component s = null;
        for (Value v : values) s = common(s, v.scope());
        return s;
    }

    private static Component common(Component x, Component y) {
        if (x == null) return y;
        if (y == null || x == y) return x;
        if (x.parentComponent() == y) return y;
        if (y.parentComponent() == x) return x;
        if (x.parentComponent() != null && x.parentComponent() == y.parentComponent()) return x.parentComponent();
        report(x, "combines signals of components '" + x.moduleBaseName() + "' and '" + y.moduleBaseName()
                + "', which are not parent and child; connect them through ports");
        return x;
    }

    /** {@code v}'s expression as seen from {@code target}. */
    static Expr lift(Value v, Component target) {
        Component from = v.scope();
        if (from == null || from == target || target == null) return v.expr();
        if (from.parentComponent() != target) {
            report(target, "uses a value of component '" + from.moduleBaseName() + "', which is not its child");
            return v.expr();
        }
        return rename(v.expr(), from, target);
    }

    private static Expr rename(Expr e, Component child, Component parent) {
        return switch (e) {
            case Expr.Ref r -> {
                Signal port = child.portNamed(r.name());
                if (port == null) {
                    report(parent, "reads '" + r.name() + "' inside instance '" + child.instanceName()
                            + "'; only its ports can be used from outside");
                    yield r;
                }
                yield new Expr.Ref(child.instanceName() + "_" + r.name(), r.type());
            }
            case Expr.Literal l -> l;
            case Expr.Unary u -> new Expr.Unary(u.op(), rename(u.operand(), child, parent), u.type());
            case Expr.Binary b -> new Expr.Binary(b.op(), rename(b.left(), child, parent), rename(b.right(), child, parent), b.type());
            case Expr.Mux m -> new Expr.Mux(rename(m.select(), child, parent), rename(m.whenTrue(), child, parent),
                    rename(m.whenFalse(), child, parent), m.type());
            case Expr.Concat c -> new Expr.Concat(c.parts().stream().map(p -> rename(p, child, parent)).toList(), c.type());
            case Expr.Slice s -> new Expr.Slice(rename(s.operand(), child, parent), s.hi(), s.lo(), s.type());
            case Expr.Extend x -> new Expr.Extend(rename(x.operand(), child, parent), x.type());
            case Expr.Cast c -> new Expr.Cast(rename(c.operand(), child, parent), c.type());
            case Expr.MemRead m -> {
                report(parent, "reads memory '" + m.memory() + "' inside instance '" + child.instanceName() + "'");
                yield m;
            }
        };
    }

    /** Records an error at the caller's line against {@code scope}, or throws at once without one. */
    static void report(Component scope, String message) {
        if (scope == null) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), "<constant>", "", message)));
        }
        scope.reportError(SourceCapture.caller(), "", message);
    }

    static Value constant(BigInteger v, SignalType type) {
        return new Value(Expr.Literal.of(v, type), null);
    }
}
