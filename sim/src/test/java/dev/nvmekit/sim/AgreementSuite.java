package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The backend under test agrees with a reference backend on every signal (internal ones too)
 * of the suite's designs, cycle for cycle, on the same random stimulus.
 */
public abstract class AgreementSuite extends BackendSuite {
    /** The backend the one under test is compared with. */
    protected abstract SimulatorBackend reference();

    private void agree(Design design, int cycles) {
        assertNull(Lockstep.run(design, List.of(reference(), backend()), SimulationOptions.defaults(), 7, cycles));
    }

    @Test
    public void counter() {
        agree(SuiteDesigns.COUNTER, 300);
    }

    @Test
    public void fifoPairWithHierarchyAndMemories() {
        agree(SuiteDesigns.FIFO_PAIR, 300);
    }

    @Test
    public void wideArithmetic() {
        agree(SuiteDesigns.WIDE_ALU, 300);
    }

    @Test
    public void twoClockDomains() {
        agree(SuiteDesigns.TWO_CLOCKS, 100);
    }

    @Test
    public void randomDesignsWithInstancesMemoriesAndSignedValues() {
        agree(SuiteDesigns.RANDOM_WIDENING, 100);
        agree(SuiteDesigns.RANDOM_SYNC_READ, 100);
    }

    @Test
    public void counterCountsAndWraps() {
        try (Simulator sim = open(SuiteDesigns.COUNTER)) {
            sim.reset(2);
            sim.poke("enable", 1);
            for (int i = 0; i < 255; i++) {
                assertEquals(i, sim.peek("count"));
                assertEquals(0, sim.peek("wrap"));
                sim.step();
            }
            assertEquals(255, sim.peek("count"));
            assertEquals(1, sim.peek("wrap"));
            sim.step();
            assertEquals(0, sim.peek("count"));
            assertEquals(258, sim.cycle());
            assertEquals(5_000 + 257 * 10_000, sim.timePs());
        }
    }
}
