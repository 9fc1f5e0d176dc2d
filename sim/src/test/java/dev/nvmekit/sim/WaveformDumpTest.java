package dev.nvmekit.sim;

import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two embedded backends share one waveform writer, so their dumps of a run are the same
 * text. (What every backend's VCD holds is {@link WaveformDumpSuite}; that Verilator's VCD has
 * the same values is the verilator module's VcdAgreementTest.)
 */
class WaveformDumpTest {
    @TempDir
    Path dir;

    private String dump(SimulatorBackend backend, Path file) throws Exception {
        WaveformDumpSuite run = new WaveformDumpSuite() {
            @Override
            protected SimulatorBackend backend() {
                return backend;
            }
        };
        return run.dump(SimulationOptions.defaults().withVcd(file));
    }

    @Test
    void bothEmbeddedBackendsWriteTheSameDump() throws Exception {
        String a = dump(new EmbeddedBackend(), dir.resolve("a.vcd"));
        String b = dump(new InterpreterBackend(), dir.resolve("b.vcd"));
        assertEquals(a.replaceAll("\\$date[^$]*\\$end", ""), b.replaceAll("\\$date[^$]*\\$end", ""));
    }
}
