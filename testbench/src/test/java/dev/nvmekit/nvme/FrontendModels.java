package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.SimulatorBackend;
import org.junit.jupiter.api.Assumptions;

import java.util.HashMap;
import java.util.Map;

/**
 * Opens simulations of the front end on one backend for one test class, elaborating each
 * parameter set once (a Verilator backend also builds each once and then loads the cached model).
 * A backend that cannot run here skips the test with its reason.
 */
final class FrontendModels {
    private final SimulatorBackend backend;
    private final Map<FrontendParameters, Design> designs = new HashMap<>();

    FrontendModels(SimulatorBackend backend) {
        this.backend = backend;
    }

    Dut open(FrontendParameters p) {
        Assumptions.assumeTrue(backend.available(), () -> backend.name() + " backend skipped: " + backend.unavailableReason());
        Design design = designs.computeIfAbsent(p, q -> Elaborator.elaborate(new NvmeFrontend(q)).design());
        return new SimulatorDut(backend.open(design, SimulationOptions.defaults()));
    }
}
