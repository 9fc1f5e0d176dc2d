package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.rtl.examples.Counter;
import dev.nvmekit.sim.designs.FifoPair;
import dev.nvmekit.sim.designs.WideAlu;
import dev.nvmekit.sim.interp.InterpreterBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The compiled backend agrees with the interpreter on every signal of hand-written designs. */
class BackendAgreementTest {
    private static final List<SimulatorBackend> BOTH = List.of(new InterpreterBackend(), new EmbeddedBackend());

    private static void agree(Component top, int cycles) {
        assertNull(Lockstep.run(Elaborator.elaborate(top).design(), BOTH, SimulationOptions.defaults(), 7, cycles));
    }

    @Test
    void counter() {
        agree(new Counter(4), 200);
    }

    @Test
    void fifoPairWithHierarchyAndMemories() {
        agree(new FifoPair(), 300);
    }

    @Test
    void wideArithmetic() {
        agree(new WideAlu(), 300);
    }

    @Test
    void counterCountsAndWraps() {
        for (SimulatorBackend b : BOTH) {
            try (Simulator sim = b.open(Elaborator.elaborate(new Counter(3)).design(), SimulationOptions.defaults())) {
                sim.reset(2);
                sim.poke("enable", 1);
                for (int i = 0; i < 7; i++) {
                    assertEquals(i, sim.peek("count"), b.name());
                    assertEquals(0, sim.peek("wrap"), b.name());
                    sim.step();
                }
                assertEquals(7, sim.peek("count"));
                assertEquals(1, sim.peek("wrap"));
                sim.step();
                assertEquals(0, sim.peek("count"));
                assertEquals(10, sim.cycle());
                assertEquals(5_000 + 9 * 10_000, sim.timePs());
            }
        }
    }
}
