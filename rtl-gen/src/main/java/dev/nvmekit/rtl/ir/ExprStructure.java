package dev.nvmekit.rtl.ir;

import java.util.Objects;

/**
 * The value identity of {@link Expr} nodes: two nodes are equal when they are the same kind with
 * equal operator, operands, parameters and type, wherever in the user's source they were built.
 * The simplifier's {@code x == x}, module deduplication and tests all compare expressions as
 * values, so the {@link Expr#at() location} must stay out of {@code equals} and {@code hashCode}.
 *
 * <p>The hash combines the components as a record's generated {@code hashCode} does (start at 0,
 * multiply by 31), so hash-ordered collections of expressions iterate as they did before nodes
 * carried a location.
 */
final class ExprStructure {
    private ExprStructure() {
    }

    /** Whether {@code a} and {@code o} are structurally equal, locations ignored. */
    static boolean same(Expr a, Object o) {
        if (a == o) return true;
        if (o == null || a.getClass() != o.getClass()) return false;
        return switch (a) {
            case Expr.Ref x when o instanceof Expr.Ref y ->
                    x.name().equals(y.name()) && x.type().equals(y.type());
            case Expr.Literal x when o instanceof Expr.Literal y ->
                    x.value().equals(y.value()) && x.type().equals(y.type());
            case Expr.Unary x when o instanceof Expr.Unary y ->
                    x.op() == y.op() && x.operand().equals(y.operand()) && x.type().equals(y.type());
            case Expr.Binary x when o instanceof Expr.Binary y ->
                    x.op() == y.op() && x.left().equals(y.left()) && x.right().equals(y.right()) && x.type().equals(y.type());
            case Expr.Mux x when o instanceof Expr.Mux y ->
                    x.select().equals(y.select()) && x.whenTrue().equals(y.whenTrue())
                            && x.whenFalse().equals(y.whenFalse()) && x.type().equals(y.type());
            case Expr.Concat x when o instanceof Expr.Concat y ->
                    x.parts().equals(y.parts()) && x.type().equals(y.type());
            case Expr.Slice x when o instanceof Expr.Slice y ->
                    x.hi() == y.hi() && x.lo() == y.lo() && x.operand().equals(y.operand()) && x.type().equals(y.type());
            case Expr.Extend x when o instanceof Expr.Extend y ->
                    x.operand().equals(y.operand()) && x.type().equals(y.type());
            case Expr.Cast x when o instanceof Expr.Cast y ->
                    x.operand().equals(y.operand()) && x.type().equals(y.type());
            case Expr.MemRead x when o instanceof Expr.MemRead y ->
                    x.memory().equals(y.memory()) && x.address().equals(y.address()) && x.type().equals(y.type());
            default -> false;
        };
    }

    /** A hash consistent with {@link #same}: every component but the location. */
    static int hash(Expr e) {
        return switch (e) {
            case Expr.Ref x -> combine(x.name(), x.type());
            case Expr.Literal x -> combine(x.value(), x.type());
            case Expr.Unary x -> combine(x.op(), x.operand(), x.type());
            case Expr.Binary x -> combine(x.op(), x.left(), x.right(), x.type());
            case Expr.Mux x -> combine(x.select(), x.whenTrue(), x.whenFalse(), x.type());
            case Expr.Concat x -> combine(x.parts(), x.type());
            case Expr.Slice x -> combine(x.operand(), x.hi(), x.lo(), x.type());
            case Expr.Extend x -> combine(x.operand(), x.type());
            case Expr.Cast x -> combine(x.operand(), x.type());
            case Expr.MemRead x -> combine(x.memory(), x.address(), x.type());
        };
    }

    private static int combine(Object... components) {
        int h = 0;
        for (Object c : components) h = h * 31 + Objects.hashCode(c);
        return h;
    }
}
