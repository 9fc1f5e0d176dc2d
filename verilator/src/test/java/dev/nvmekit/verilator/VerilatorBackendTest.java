package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What only Verilator does: blackboxes from their Verilog source. (The backend contract and the
 * other suites run on Verilator in {@link VerilatorSuitesTest}.)
 */
class VerilatorBackendTest {
    private static final VerilatorBackend BACKEND = new VerilatorBackend();

    @BeforeEach
    void requireVerilator() {
        assumeTrue(BACKEND.available(), () -> "Verilator tests skipped: " + BACKEND.unavailableReason());
    }

    @Test
    void blackBoxesRunFromTheirVerilogSource() {
        try (Simulator sim = BACKEND.open(TestDesigns.blackBoxTop(), SimulationOptions.defaults())) {
            sim.reset(1);
            sim.step(5);
            assertEquals(5, sim.peek("ext_out"));
            assertEquals(5, sim.peek("ext.count"), "a blackbox instance's ports by path");
            sim.poke("hold", 1);
            sim.step(2);
            assertEquals(5, sim.peek("ext_out"), "enable = !hold");
        }
    }
}
