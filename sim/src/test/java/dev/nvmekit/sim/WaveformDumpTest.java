package dev.nvmekit.sim;

import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void instanceClockInputsShowTheClockTheyAreWiredTo() throws Exception {
        String vcd = dump(new EmbeddedBackend(), dir.resolve("c.vcd"));
        Map<String, String> ids = variableIds(vcd);
        String top = ids.get("fifo_pair.clk");
        String inner = ids.get("fifo_pair.first.clk");
        assertTrue(top != null && inner != null, "clock variables: " + ids.keySet());
        long rises = vcd.lines().filter(l -> l.equals("1" + top)).count();
        assertTrue(rises >= 30, "top clock rises " + rises);
        assertEquals(rises, vcd.lines().filter(l -> l.equals("1" + inner)).count(), "first.clk rises with clk");
        assertEquals(vcd.lines().filter(l -> l.equals("0" + top)).count(), vcd.lines().filter(l -> l.equals("0" + inner)).count());
    }

    @Test
    void anFstFileNameIsRefusedWithTheWayOut() {
        SimulationException e = assertThrows(SimulationException.class,
                () -> new EmbeddedBackend().open(SuiteDesigns.FIFO_PAIR, SimulationOptions.defaults().withVcd(dir.resolve("w.fst"))));
        assertTrue(e.getMessage().contains("VCD only") && e.getMessage().contains("Verilator"), e.getMessage());
    }

    /** Scalar variable identifiers by hierarchical name, from a VCD header. */
    private static Map<String, String> variableIds(String vcd) {
        Map<String, String> ids = new HashMap<>();
        Deque<String> scopes = new ArrayDeque<>();
        for (String line : vcd.lines().toList()) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("$scope")) scopes.addLast(w[2]);
            else if (w[0].equals("$upscope")) scopes.removeLast();
            else if (w[0].equals("$var")) ids.put(String.join(".", scopes) + "." + w[4], w[3]);
            else if (w[0].equals("$enddefinitions")) break;
        }
        return ids;
    }
}
