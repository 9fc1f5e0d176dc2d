package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The backend contract on Verilator, with models from the user's cache (built on first use), and blackboxes. */
class VerilatorBackendTest extends BackendContract {
    private static final VerilatorBackend BACKEND = new VerilatorBackend();

    @Override
    SimulatorBackend backend() {
        return BACKEND;
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
