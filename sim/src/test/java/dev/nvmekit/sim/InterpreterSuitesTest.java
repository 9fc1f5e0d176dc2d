package dev.nvmekit.sim;

import dev.nvmekit.sim.interp.InterpreterBackend;
import dev.nvmekit.sim.process.TestbenchSuite;
import org.junit.jupiter.api.Nested;

/**
 * The backend suites on the IR interpreter, the reference the compiled backend is checked
 * against (so it has no agreement suite of its own).
 */
class InterpreterSuitesTest {
    private static final SimulatorBackend INTERPRETER = new InterpreterBackend();

    @Nested
    class Contract extends ContractSuite {
        @Override
        protected SimulatorBackend backend() {
            return INTERPRETER;
        }
    }

    @Nested
    class ClocksAndResets extends ClocksAndResetsSuite {
        @Override
        protected SimulatorBackend backend() {
            return INTERPRETER;
        }
    }

    @Nested
    class Errors extends SimulatorErrorsSuite {
        @Override
        protected SimulatorBackend backend() {
            return INTERPRETER;
        }
    }

    @Nested
    class Waveforms extends WaveformDumpSuite {
        @Override
        protected SimulatorBackend backend() {
            return INTERPRETER;
        }
    }

    @Nested
    class Processes extends TestbenchSuite {
        @Override
        protected SimulatorBackend backend() {
            return INTERPRETER;
        }
    }

    @Nested
    class AgreesWithIcarus extends IcarusDifferentialSuite {
        @Override
        protected SimulatorBackend backend() {
            return INTERPRETER;
        }
    }
}
