package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Expr.BinaryOp;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.SignalType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static dev.nvmekit.rtl.checks.Findings.elaborated;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * when/elseWhen/otherwise and switch/is/otherwise fold into multiplexers with last-assignment-wins
 * semantics: a later (or more deeply nested) assignment takes priority, an earlier branch of a
 * chain takes priority over a later one, and a register holds where it is not assigned.
 */
class ConditionalSemanticsTest {
    private static final SignalType U4 = SignalType.unsigned(4);
    private static final Expr C1 = new Expr.Ref("c1", SignalType.BIT);
    private static final Expr C2 = new Expr.Ref("c2", SignalType.BIT);
    private static final Expr A = new Expr.Ref("a", U4);
    private static final Expr B = new Expr.Ref("b", U4);
    private static final Expr D = new Expr.Ref("d", U4);

    /** Ports c1, c2 (1 bit), a, b, d (4 bits), output o (4 bits) and whatever the body adds. */
    private abstract static class Bench extends Probe {
        final Signal c1 = in("c1", 1);
        final Signal c2 = in("c2", 1);
        final Signal a = in("a", 4);
        final Signal b = in("b", 4);
        final Signal d = in("d", 4);
        final Signal o = out("o", 4);

        Bench() {
            super("bench");
        }
    }

    private static Expr driverOfO(Bench bench) {
        ModuleDef m = elaborated(bench).design().topModule();
        return m.assigns().stream().filter(x -> x.target().equals("o")).findFirst().orElseThrow().value();
    }

    private static Expr mux(Expr s, Expr t, Expr f) {
        return Expr.Mux.of(s, t, f);
    }

    @Test
    void aWhenOverridesTheDefaultBeforeIt() {
        Bench bench = new Bench() {{
            o.set(a);
            when(c1, () -> o.set(b));
        }};
        assertEquals(mux(C1, B, A), driverOfO(bench));
    }

    @Test
    void aLaterWhenWinsOverAnEarlierOne() {
        Bench bench = new Bench() {{
            o.set(a);
            when(c1, () -> o.set(b));
            when(c2, () -> o.set(d));
        }};
        assertEquals(mux(C2, D, mux(C1, B, A)), driverOfO(bench));
    }

    @Test
    void aNestedWhenWinsInsideItsParent() {
        Bench bench = new Bench() {{
            o.set(a);
            when(c1, () -> {
                o.set(b);
                when(c2, () -> o.set(d));
            });
        }};
        assertEquals(mux(C1, mux(C2, D, B), A), driverOfO(bench));
    }

    @Test
    void theFirstMatchingBranchOfAChainWins() {
        Bench bench = new Bench() {{
            when(c1, () -> o.set(a)).elseWhen(c2, () -> o.set(b)).otherwise(() -> o.set(d));
        }};
        assertEquals(mux(C1, A, mux(C2, B, D)), driverOfO(bench));
    }

    @Test
    void switchIsAChainOfEqualityTestsAndOtherwiseIsTheDefault() {
        Bench bench = new Bench() {{
            Signal sel = in("sel", 2);
            switchOn(sel)
                    .is(0, () -> o.set(a))
                    .is(1, 2, () -> o.set(b))
                    .otherwise(() -> o.set(d));
        }};
        SignalType u2 = SignalType.unsigned(2);
        Expr sel = new Expr.Ref("sel", u2);
        Expr is0 = Expr.Binary.of(BinaryOp.EQ, sel, Expr.Literal.of(BigInteger.ZERO, u2));
        Expr is1 = Expr.Binary.of(BinaryOp.EQ, sel, Expr.Literal.of(BigInteger.ONE, u2));
        Expr is2 = Expr.Binary.of(BinaryOp.EQ, sel, Expr.Literal.of(BigInteger.TWO, u2));
        assertEquals(mux(is0, A, mux(Expr.Binary.of(BinaryOp.OR, is1, is2), B, D)), driverOfO(bench));
    }

    @Test
    void anAssignmentInsideASwitchBranchOverridesADefault() {
        Bench bench = new Bench() {{
            o.set(a);
            switchOn(c1).is(1, () -> o.set(b));
        }};
        Expr hit = Expr.Binary.of(BinaryOp.EQ, C1, Expr.Literal.of(BigInteger.ONE, SignalType.BIT));
        assertEquals(mux(hit, B, A), driverOfO(bench));
    }

    @Test
    void aRegisterHoldsWhereItIsNotAssigned() {
        Bench bench = new Bench() {{
            o.set(a);
            Reg r = reg("r", 4).init(0);
            when(c1, () -> r.set(b)).elseWhen(c2, () -> r.set(d));
            out("q", 4).set(r);
        }};
        Register r = elaborated(bench).design().topModule().registers().getFirst();
        Expr self = new Expr.Ref("r", U4);
        assertEquals(mux(C1, B, mux(C2, D, self)), r.next());
        assertEquals(BigInteger.ZERO, r.resetValue().orElseThrow());
    }
}
