package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

/**
 * A {@code when} being built: {@code when(c, body).elseWhen(c2, body2).otherwise(body3)}.
 * Within the branches the last assignment to a signal wins; a combinational signal that some
 * path leaves unassigned is reported as a latch at elaboration.
 */
public final class WhenChain {
    private final Component owner;
    private final Statement.When last;

    private WhenChain(Component owner, Statement.When last) {
        this.owner = owner;
        this.last = last;
    }

    static WhenChain start(Component owner, Value condition, Runnable body, SourceLocation at) {
        Statement.When w = new Statement.When(condition(owner, condition, at), new Statement.Block(), new Statement.Block(), at);
        owner.currentBlock().items.add(w);
        owner.inBlock(w.whenTrue(), body);
        return new WhenChain(owner, w);
    }

    /** Runs {@code body} when the earlier conditions are false and {@code condition} is true. */
    public WhenChain elseWhen(Value condition, Runnable body) {
        SourceLocation at = SourceCapture.caller();
        Statement.When[] next = new Statement.When[1];
        owner.inBlock(last.whenFalse(), () -> {
            next[0] = new Statement.When(condition(owner, condition, at), new Statement.Block(), new Statement.Block(), at);
            owner.currentBlock().items.add(next[0]);
        });
        owner.inBlock(next[0].whenTrue(), body);
        return new WhenChain(owner, next[0]);
    }

    /** Runs {@code body} when every condition of the chain is false. */
    public void otherwise(Runnable body) {
        owner.inBlock(last.whenFalse(), body);
    }

    private static Expr condition(Component owner, Value c, SourceLocation at) {
        if (c.width() != 1) {
            owner.reportError(at, "", "a when condition must be 1 bit, got " + c.type() + "; compare it (eq/ne) or reduce it (orR)");
            return Expr.Literal.of(java.math.BigInteger.ZERO, SignalType.BIT);
        }
        return owner.localExpr(c, at);
    }
}
