package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.bench.LfsrMesh;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What the compiled backend shares: a design's model across simulations, a statement's repeated sub-expressions. */
class SharedModelTest {
    @Test
    void simulationsOfOneDesignShareTheModelButNotTheState() {
        var design = Elaborator.elaborate(new LfsrMesh(3)).design();
        EmbeddedBackend backend = new EmbeddedBackend();
        try (Simulator a = backend.open(design, SimulationOptions.defaults()); Simulator b = backend.open(design, SimulationOptions.defaults())) {
            a.reset(1);
            b.reset(1);
            long start = b.peek(b.signal("digest"));
            a.poke("seed", 77);
            a.step(5);
            assertEquals(start, b.peek(b.signal("digest")), "b did not move");
            assertNotEquals(start, a.peek(a.signal("digest")));
            b.poke("seed", 77);
            b.step(5);
            assertEquals(a.peek(a.signal("digest")), b.peek(b.signal("digest")), "same stimulus, same result");
        }
    }

    @Test
    void aValueUsedThreeTimesIsComputedOnceAndItsPartsAreNotSharedAgain() {
        SignalType u8 = SignalType.unsigned(8);
        Expr x = new Expr.Ref("x", u8);
        Expr y = new Expr.Ref("y", u8);
        Expr mixed = new Expr.Binary(Expr.BinaryOp.XOR, new Expr.Binary(Expr.BinaryOp.ADD, x, y, u8), y, u8);
        Expr e = new Expr.Mux(new Expr.Binary(Expr.BinaryOp.LT, mixed, x, SignalType.unsigned(1)), mixed,
                new Expr.Binary(Expr.BinaryOp.SUB, mixed, x, u8), u8);
        assertEquals(List.of(mixed), SharedSubexpressions.of(e));
        assertEquals(7, SharedSubexpressions.distinctNodes(e)); // mux, lt, sub, xor, add, x, y: each once
    }
}
