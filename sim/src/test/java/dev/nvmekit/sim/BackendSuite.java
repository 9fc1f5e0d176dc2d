package dev.nvmekit.sim;

import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base of the suites that test the {@link Simulator} API rather than one engine: a subclass
 * names the backend, so the same tests run on the embedded simulator, the interpreter (both in
 * this module) and Verilator (the verilator module binds them through sim's test-jar).
 *
 * <p>The suites use the few designs of {@link SuiteDesigns}, because each distinct design costs
 * a Verilator build on first use.
 */
public abstract class BackendSuite {
    /** The backend under test; return one instance per test class so its per-design work is shared. */
    protected abstract SimulatorBackend backend();

    @BeforeEach
    public void backendIsAvailable() {
        assumeTrue(backend().available(), () -> backend().name() + " backend not available: " + backend().unavailableReason());
    }

    /** Opens {@code design} on the backend under test with default options. */
    protected Simulator open(dev.nvmekit.rtl.ir.Design design) {
        return backend().open(design, SimulationOptions.defaults());
    }
}
