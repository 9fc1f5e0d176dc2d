package dev.nvmekit.rtl.check;

import dev.nvmekit.rtl.ir.Expr;

import java.util.Collection;

/** Collects the names an expression reads (signals, and memories read asynchronously). */
public final class ExprRefs {
    private ExprRefs() {
    }

    /** Adds every signal name {@code e} reads to {@code out}; memory names get the prefix {@code "mem:"}. */
    public static void collect(Expr e, Collection<String> out) {
        switch (e) {
            case Expr.Ref r -> out.add(r.name());
            case Expr.Literal l -> {
            }
            case Expr.Unary u -> collect(u.operand(), out);
            case Expr.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Expr.Mux m -> {
                collect(m.select(), out);
                collect(m.whenTrue(), out);
                collect(m.whenFalse(), out);
            }
            case Expr.Concat c -> c.parts().forEach(p -> collect(p, out));
            case Expr.Slice s -> collect(s.operand(), out);
            case Expr.Extend x -> collect(x.operand(), out);
            case Expr.Cast c -> collect(c.operand(), out);
            case Expr.MemRead m -> {
                out.add("mem:" + m.memory());
                collect(m.address(), out);
            }
        }
    }
}
