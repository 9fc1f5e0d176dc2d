package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.ir.Expr;

/** Counts the nodes of an expression tree (how much code it becomes). */
public final class ExprSize {
    private ExprSize() {
    }

    /** The number of nodes in {@code e}. */
    public static int of(Expr e) {
        return 1 + switch (e) {
            case Expr.Ref r -> 0;
            case Expr.Literal l -> 0;
            case Expr.Unary u -> of(u.operand());
            case Expr.Binary b -> of(b.left()) + of(b.right());
            case Expr.Mux m -> of(m.select()) + of(m.whenTrue()) + of(m.whenFalse());
            case Expr.Concat c -> c.parts().stream().mapToInt(ExprSize::of).sum();
            case Expr.Slice s -> of(s.operand());
            case Expr.Extend x -> of(x.operand());
            case Expr.Cast c -> of(c.operand());
            case Expr.MemRead m -> of(m.address());
        };
    }
}
