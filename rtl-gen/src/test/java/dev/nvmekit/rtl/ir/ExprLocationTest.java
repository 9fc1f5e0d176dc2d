package dev.nvmekit.rtl.ir;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** An expression's source location is metadata: it never changes what the expression is. */
class ExprLocationTest {
    private static final SourceLocation HERE = new SourceLocation("Here.java", 10);
    private static final SourceLocation THERE = new SourceLocation("There.java", 20);
    private static final SignalType U8 = SignalType.unsigned(8);

    /** One node of every kind, its operands located at {@code at} too. */
    private static List<Expr> everyKind(SourceLocation at) {
        Expr a = new Expr.Ref("a", U8, at);
        Expr b = new Expr.Ref("b", U8, at);
        Expr bit = new Expr.Binary(Expr.BinaryOp.EQ, a, b, SignalType.BIT, at);
        return List.of(
                a,
                new Expr.Literal(BigInteger.valueOf(5), U8, at),
                new Expr.Unary(Expr.UnaryOp.NOT, a, U8, at),
                new Expr.Binary(Expr.BinaryOp.ADD, a, b, U8, at),
                new Expr.Mux(bit, a, b, U8, at),
                new Expr.Concat(List.of(a, b), SignalType.unsigned(16), at),
                new Expr.Slice(a, 3, 0, SignalType.unsigned(4), at),
                new Expr.Extend(a, SignalType.unsigned(9), at),
                new Expr.Cast(a, SignalType.signed(8), at),
                new Expr.MemRead("ram", a, U8, at));
    }

    @Test
    void nodesDifferingOnlyInLocationAreEqualAndHashAlike() {
        List<Expr> here = everyKind(HERE), there = everyKind(THERE);
        for (int i = 0; i < here.size(); i++) {
            Expr x = here.get(i), y = there.get(i);
            assertNotEquals(x.at(), y.at());
            assertEquals(x, y, x.getClass().getSimpleName());
            assertEquals(x.hashCode(), y.hashCode(), x.getClass().getSimpleName());
        }
    }

    @Test
    void everyOtherComponentStillCounts() {
        List<Expr> nodes = everyKind(HERE);
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = 0; j < nodes.size(); j++) {
                if (i != j) assertNotEquals(nodes.get(i), nodes.get(j));
            }
        }
        Expr a = new Expr.Ref("a", U8), b = new Expr.Ref("b", U8);
        assertNotEquals(new Expr.Ref("a", U8), new Expr.Ref("a", SignalType.signed(8)));
        assertNotEquals(Expr.Binary.of(Expr.BinaryOp.ADD, a, b), Expr.Binary.of(Expr.BinaryOp.SUB, a, b));
        assertNotEquals(Expr.Binary.of(Expr.BinaryOp.ADD, a, b), Expr.Binary.of(Expr.BinaryOp.ADD, b, a));
        assertNotEquals(Expr.Slice.of(a, 3, 0), Expr.Slice.of(a, 4, 1));
        assertNotEquals(new Expr.MemRead("ram", a, U8), new Expr.MemRead("rom", a, U8));
        assertNotEquals(Expr.Literal.of(BigInteger.ONE, U8), Expr.Literal.of(BigInteger.TWO, U8));
    }

    @Test
    void nodesBuiltWithoutALocationAreUnknownAndLocatedKeepsTheRest() {
        for (Expr e : everyKind(SourceLocation.UNKNOWN)) {
            Expr moved = e.located(HERE);
            assertEquals(HERE, moved.at());
            assertEquals(e, moved);
            assertSame(e.getClass(), moved.getClass());
        }
        assertEquals(SourceLocation.UNKNOWN, Expr.Binary.of(Expr.BinaryOp.ADD, new Expr.Ref("a", U8), new Expr.Ref("b", U8)).at());
    }

    @Test
    void theSimplifierKeepsTheLocationOfTheNodeItRebuildsOrFolds() {
        Expr a = new Expr.Ref("a", U8, THERE);
        Expr zero = new Expr.Literal(BigInteger.ZERO, U8, THERE);
        Expr sum = new Expr.Binary(Expr.BinaryOp.ADD, a, zero, U8, THERE);
        Expr notSum = new Expr.Unary(Expr.UnaryOp.NOT, sum, U8, HERE);
        Expr simplified = new ExprSimplifier(Map.of()).simplify(notSum);
        assertEquals(new Expr.Unary(Expr.UnaryOp.NOT, a, U8), simplified);
        assertEquals(HERE, simplified.at());
        Expr same = new Expr.Binary(Expr.BinaryOp.EQ, a, a, SignalType.BIT, HERE);
        Expr folded = new ExprSimplifier(Map.of()).simplify(same);
        assertEquals(new Expr.Literal(BigInteger.ONE, SignalType.BIT), folded);
        assertEquals(HERE, folded.at());
    }
}
