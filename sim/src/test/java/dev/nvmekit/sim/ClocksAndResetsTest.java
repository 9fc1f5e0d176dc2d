package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.rtl.examples.Counter;
import dev.nvmekit.sim.designs.TwoClocks;
import dev.nvmekit.sim.interp.InterpreterBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClocksAndResetsTest {
    static List<SimulatorBackend> backends() {
        return List.of(new EmbeddedBackend(), new InterpreterBackend());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void secondClockTicksAtItsOwnPeriodAndAsyncResetActsAtOnce(SimulatorBackend b) {
        SimulationOptions o = SimulationOptions.defaults().withClocks(new ClockSpec("clk", 10_000, 5_000), new ClockSpec("clk_slow", 30_000, 5_000));
        try (Simulator sim = b.open(Elaborator.elaborate(new TwoClocks()).design(), o)) {
            sim.poke("rst", 1);
            sim.poke("rst_slow_n", 0);
            assertEquals(100, sim.peek("slow_count"), "async reset holds the register before any edge");
            sim.step();
            sim.poke("rst", 0);
            sim.poke("rst_slow_n", 1);
            sim.step(9);
            assertEquals(9, sim.peek("fast_count"));
            assertEquals(103, sim.peek("slow_count"), "edges at 35, 65, 95 ns");
            assertEquals(95_000, sim.timePs());
            sim.poke("rst_slow_n", 0);
            assertEquals(100, sim.peek("slow_count"), "asserting an async reset acts without a clock edge");
            assertEquals(9, sim.peek("fast_count"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void randomInitialStateIsSeededAndResetClearsIt(SimulatorBackend b) {
        var design = Elaborator.elaborate(new Counter(16)).design();
        long a;
        try (Simulator sim = b.open(design, SimulationOptions.defaults())) {
            assertEquals(0, sim.peek("count"));
        }
        try (Simulator sim = b.open(design, SimulationOptions.defaults().withRandomInit(1))) {
            a = sim.peek("count");
            sim.reset(1);
            assertEquals(0, sim.peek("count"));
        }
        try (Simulator sim = b.open(design, SimulationOptions.defaults().withRandomInit(1))) {
            assertEquals(a, sim.peek("count"));
        }
        try (Simulator sim = b.open(design, SimulationOptions.defaults().withRandomInit(2))) {
            assertNotEquals(a, sim.peek("count"));
        }
    }
}
