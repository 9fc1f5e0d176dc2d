package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.netlist.ExprSize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sub-expressions a statement computes more than once. The IR is a tree: a DSL value used
 * three times (say {@code mixed} in {@code mux(mixed.lt(n), mixed, mixed.sub(n))}) appears as
 * three copies. Computing each repeated narrow sub-expression once, into a local, makes less
 * code to interpret and to JIT-compile, and less work per evaluation.
 */
final class SharedSubexpressions {
    private SharedSubexpressions() {
    }

    /**
     * The narrow (at most 64-bit), non-trivial sub-expressions that occur at least twice in
     * {@code e}, each only once and inner ones first (so each can use those before it).
     * Occurrences inside a repeated sub-expression count once, since it is computed once.
     */
    static List<Expr> of(Expr e) {
        Map<Expr, Integer> uses = new HashMap<>();
        count(e, uses);
        List<Expr> out = new ArrayList<>();
        for (var u : uses.entrySet()) {
            Expr x = u.getKey();
            if (u.getValue() >= 2 && x.width() <= 64 && !trivial(x)) out.add(x);
        }
        out.sort(Comparator.comparingInt(ExprSize::of));
        return out;
    }

    /** Nodes in {@code e} counting each distinct sub-expression once: how much code it becomes with sharing. */
    static int distinctNodes(Expr e) {
        Map<Expr, Integer> uses = new HashMap<>();
        count(e, uses);
        return uses.size();
    }

    private static boolean trivial(Expr e) {
        return e instanceof Expr.Ref || e instanceof Expr.Literal || e instanceof Expr.Cast c && trivial(c.operand());
    }

    private static void count(Expr e, Map<Expr, Integer> uses) {
        if (uses.merge(e, 1, Integer::sum) > 1) return;
        switch (e) {
            case Expr.Ref r -> {
            }
            case Expr.Literal l -> {
            }
            case Expr.Unary u -> count(u.operand(), uses);
            case Expr.Binary b -> {
                count(b.left(), uses);
                count(b.right(), uses);
            }
            case Expr.Mux m -> {
                count(m.select(), uses);
                count(m.whenTrue(), uses);
                count(m.whenFalse(), uses);
            }
            case Expr.Concat c -> c.parts().forEach(p -> count(p, uses));
            case Expr.Slice s -> count(s.operand(), uses);
            case Expr.Extend x -> count(x.operand(), uses);
            case Expr.Cast c -> count(c.operand(), uses);
            case Expr.MemRead m -> count(m.address(), uses);
        }
    }
}
