package dev.nvmekit.nvme;

import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.api.TestInstance;

/** The scenarios of {@link FrontendFaultsAndFetchTest} on the embedded simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedFrontendFaultsAndFetchTest extends FrontendFaultsAndFetchTest {
    private final FrontendModels models = new FrontendModels(new EmbeddedBackend());

    @Override
    Dut open(FrontendParameters p) {
        return models.open(p);
    }
}
