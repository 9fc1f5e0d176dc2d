package dev.nvmekit.nvme;

import dev.nvmekit.verilator.VerilatorBackend;
import org.junit.jupiter.api.TestInstance;

/** The scenarios of {@link FrontendLifecycleAndArbitrationTest} on Verilator (skipped when it is not installed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerilatorFrontendLifecycleAndArbitrationTest extends FrontendLifecycleAndArbitrationTest {
    private final FrontendModels models = new FrontendModels(new VerilatorBackend());

    @Override
    Dut open(FrontendParameters p) {
        return models.open(p);
    }
}
