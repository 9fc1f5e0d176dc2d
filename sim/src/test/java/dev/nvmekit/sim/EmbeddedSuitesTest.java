package dev.nvmekit.sim;

import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import dev.nvmekit.sim.process.TestbenchSuite;
import org.junit.jupiter.api.Nested;

/** The backend suites on the compiled embedded backend (the verilator module runs them on Verilator). */
class EmbeddedSuitesTest {
    private static final SimulatorBackend EMBEDDED = new EmbeddedBackend();

    @Nested
    class Contract extends ContractSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }
    }

    @Nested
    class ClocksAndResets extends ClocksAndResetsSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }
    }

    @Nested
    class Errors extends SimulatorErrorsSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }
    }

    @Nested
    class Waveforms extends WaveformDumpSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }
    }

    @Nested
    class Processes extends TestbenchSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }
    }

    @Nested
    class AgreesWithTheInterpreter extends AgreementSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }

        @Override
        protected SimulatorBackend reference() {
            return new InterpreterBackend();
        }
    }

    @Nested
    class AgreesWithIcarus extends IcarusDifferentialSuite {
        @Override
        protected SimulatorBackend backend() {
            return EMBEDDED;
        }
    }
}
