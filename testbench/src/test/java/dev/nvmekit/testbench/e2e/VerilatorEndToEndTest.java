package dev.nvmekit.testbench.e2e;

import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import dev.nvmekit.verilator.VerilatorBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The boot, I/O and shutdown scenario of {@link BootAndIoTest} with the front end compiled by
 * Verilator. One model serves the class (and the model cache makes later runs load it at once);
 * without Verilator the test is skipped with the reason.
 */
class VerilatorEndToEndTest {
    private static final VerilatorBackend VERILATOR = new VerilatorBackend();

    @Test
    void bootsMovesDataOverPrpAndSglAndShutsDownOnVerilator() {
        assumeTrue(VERILATOR.available(), () -> "Verilator end-to-end skipped: " + VERILATOR.unavailableReason());
        try (SimulatedSsd s = FirmwareSsd.open(VERILATOR, FirmwareSsd.config().build(), AxiMemoryConfig.stressed(23),
                HostDriverConfig.fastSimulation(2))) {
            BootAndIoTest.bootReadWriteShutdown(s, 9);
        }
    }
}
