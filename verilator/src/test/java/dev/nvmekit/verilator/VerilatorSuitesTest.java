package dev.nvmekit.verilator;

import dev.nvmekit.sim.AgreementSuite;
import dev.nvmekit.sim.ClocksAndResetsSuite;
import dev.nvmekit.sim.ContractSuite;
import dev.nvmekit.sim.IcarusDifferentialSuite;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.SimulatorErrorsSuite;
import dev.nvmekit.sim.WaveformDumpSuite;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.process.TestbenchSuite;
import org.junit.jupiter.api.Nested;

/**
 * The sim module's backend suites, unchanged, on Verilator: the same test code passes on the
 * embedded simulator and on a Verilator model, and Verilator agrees with the embedded backend
 * on every signal, cycle for cycle. Models come from the user's cache (six small designs, built
 * on first use).
 */
class VerilatorSuitesTest {
    private static final VerilatorBackend VERILATOR = new VerilatorBackend();

    @Nested
    class Contract extends ContractSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }
    }

    @Nested
    class ClocksAndResets extends ClocksAndResetsSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }
    }

    @Nested
    class Errors extends SimulatorErrorsSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }
    }

    @Nested
    class Waveforms extends WaveformDumpSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }
    }

    @Nested
    class Processes extends TestbenchSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }
    }

    @Nested
    class AgreesWithTheEmbeddedBackend extends AgreementSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }

        @Override
        protected SimulatorBackend reference() {
            return new EmbeddedBackend();
        }
    }

    @Nested
    class AgreesWithIcarus extends IcarusDifferentialSuite {
        @Override
        protected SimulatorBackend backend() {
            return VERILATOR;
        }
    }
}
