package dev.nvmekit.rtl.ir;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simplifier keeps every expression's value (checked by evaluation before and after on random
 * inputs, many at the edges of their range) and leaves none of the degenerate forms Verilog tools
 * warn about.
 */
class ExprSimplifierProperties {

    @Property(tries = 400, shrinking = ShrinkingMode.OFF, seed = "20261125") // fixed: CI must be repeatable; change the seed to explore
    void simplifyingKeepsTheValue(@ForAll long seed) {
        Random random = new Random(seed);
        RandomIr ir = new RandomIr(random);
        ExprSimplifier simplifier = new ExprSimplifier(Map.of(RandomIr.MEMORY, ir.memoryDepth()));
        for (int k = 0; k < 4; k++) {
            Expr e = ir.expr(2 + random.nextInt(4));
            Expr s = simplifier.simplify(e);
            assertEquals(e.type(), s.type(), () -> "type changed: " + e + " -> " + s);
            for (int i = 0; i < 12; i++) {
                ExprEvaluator.Env env = ir.environment();
                BigInteger before = ExprEvaluator.eval(e, env);
                BigInteger after = ExprEvaluator.eval(s, env);
                if (!before.equals(after)) fail("value changed from " + before + " to " + after + ":\n  " + e + "\n->\n  " + s);
            }
            List<String> found = new ArrayList<>();
            degenerate(s, ir.memoryDepth(), found);
            if (!found.isEmpty()) fail("degenerate forms left " + found + " in\n  " + s + "\nfrom\n  " + e);
        }
    }

    /** Collects the degenerate parts of {@code e}: each would make a Verilog tool fold and warn. */
    static void degenerate(Expr e, int memoryDepth, List<String> found) {
        switch (e) {
            case Expr.Binary b -> {
                if (!(b.left() instanceof Expr.Literal) || !(b.right() instanceof Expr.Literal)) {
                    if (b.left().equals(b.right()) && b.op() != Expr.BinaryOp.ADD && b.op() != Expr.BinaryOp.MUL && !b.op().isShift()) {
                        found.add("same operands: " + b.op());
                    }
                    if (b.op().isComparison() && !b.left().type().signed() && (edge(b.left()) || edge(b.right()))) {
                        boolean zeroLeft = isValue(b.left(), BigInteger.ZERO), zeroRight = isValue(b.right(), BigInteger.ZERO);
                        boolean onesLeft = isAllOnes(b.left()), onesRight = isAllOnes(b.right());
                        boolean constant = switch (b.op()) {
                            case LT, GE -> zeroRight || onesLeft;
                            case GT, LE -> zeroLeft || onesRight;
                            default -> false;
                        };
                        if (constant) found.add("constant comparison " + b.op() + " with an edge value");
                    }
                    if (b.op().isShift() && b.right() instanceof Expr.Literal l && l.value().compareTo(BigInteger.valueOf(b.width())) >= 0) {
                        found.add("shift by " + l.value() + " of " + b.width() + " bits");
                    }
                } else {
                    found.add("operator on two constants: " + b.op());
                }
                degenerate(b.left(), memoryDepth, found);
                degenerate(b.right(), memoryDepth, found);
            }
            case Expr.Mux m -> {
                if (m.select() instanceof Expr.Literal) found.add("mux with a constant select");
                degenerate(m.select(), memoryDepth, found);
                degenerate(m.whenTrue(), memoryDepth, found);
                degenerate(m.whenFalse(), memoryDepth, found);
            }
            case Expr.MemRead r -> {
                if (r.address() instanceof Expr.Literal l && l.value().compareTo(BigInteger.valueOf(memoryDepth)) >= 0) found.add("read beyond the depth");
                degenerate(r.address(), memoryDepth, found);
            }
            case Expr.Unary u -> degenerate(u.operand(), memoryDepth, found);
            case Expr.Concat c -> c.parts().forEach(p -> degenerate(p, memoryDepth, found));
            case Expr.Slice s -> degenerate(s.operand(), memoryDepth, found);
            case Expr.Extend x -> degenerate(x.operand(), memoryDepth, found);
            case Expr.Cast c -> degenerate(c.operand(), memoryDepth, found);
            case Expr.Ref r -> {
            }
            case Expr.Literal l -> {
            }
        }
    }

    private static boolean edge(Expr e) {
        return isValue(e, BigInteger.ZERO) || isAllOnes(e);
    }

    private static boolean isValue(Expr e, BigInteger v) {
        return e instanceof Expr.Literal l && l.value().equals(v);
    }

    private static boolean isAllOnes(Expr e) {
        return e instanceof Expr.Literal l && l.value().equals(ExprEvaluator.mask(l.width()));
    }
}
