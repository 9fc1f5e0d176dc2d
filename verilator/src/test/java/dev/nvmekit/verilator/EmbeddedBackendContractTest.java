package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.compiled.EmbeddedBackend;

/** The same contract on the embedded compiled simulator: both backends answer alike. */
class EmbeddedBackendContractTest extends BackendContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend();

    @Override
    SimulatorBackend backend() {
        return BACKEND;
    }
}
