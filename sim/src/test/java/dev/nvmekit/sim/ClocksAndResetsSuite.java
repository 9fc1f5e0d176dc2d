package dev.nvmekit.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Several clocks with their own periods, asynchronous resets, and the seeded initial state. */
public abstract class ClocksAndResetsSuite extends BackendSuite {
    @Test
    public void secondClockTicksAtItsOwnPeriodAndAsyncResetActsAtOnce() {
        SimulationOptions o = SimulationOptions.defaults().withClocks(new ClockSpec("clk", 10_000, 5_000), new ClockSpec("clk_slow", 30_000, 5_000));
        try (Simulator sim = backend().open(SuiteDesigns.TWO_CLOCKS, o)) {
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

    @Test
    public void randomInitialStateIsSeededAndResetClearsIt() {
        long a;
        try (Simulator sim = open(SuiteDesigns.COUNTER)) {
            assertEquals(0, sim.peek("count"), "zero initial state by default");
        }
        try (Simulator sim = backend().open(SuiteDesigns.COUNTER, SimulationOptions.defaults().withRandomInit(1))) {
            a = sim.peek("count");
            sim.reset(1);
            assertEquals(0, sim.peek("count"));
        }
        try (Simulator sim = backend().open(SuiteDesigns.COUNTER, SimulationOptions.defaults().withRandomInit(1))) {
            assertEquals(a, sim.peek("count"), "the same seed gives the same power-up state");
        }
        // The values themselves are the backend's own (Verilator draws them with its own generator).
        try (Simulator sim = backend().open(SuiteDesigns.COUNTER, SimulationOptions.defaults().withRandomInit(2))) {
            assertNotEquals(a, sim.peek("count"), "another seed, another power-up state");
        }
    }
}
