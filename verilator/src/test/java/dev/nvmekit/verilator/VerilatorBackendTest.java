package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulatorBackend;

/** The backend contract on Verilator, with models from the user's cache (built on first use). */
class VerilatorBackendTest extends BackendContract {
    private static final VerilatorBackend BACKEND = new VerilatorBackend();

    @Override
    SimulatorBackend backend() {
        return BACKEND;
    }
}
