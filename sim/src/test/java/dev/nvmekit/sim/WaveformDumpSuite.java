package dev.nvmekit.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VCD dumping: hierarchy by instance with the source's names, a scope and depth filter, a window of cycles. */
public abstract class WaveformDumpSuite extends BackendSuite {
    @TempDir
    public Path dir;

    /** Runs a fixed stimulus on the FIFO pair with {@code options}; returns the VCD's text. */
    protected String dump(SimulationOptions options) throws Exception {
        try (Simulator sim = backend().open(SuiteDesigns.FIFO_PAIR, options)) {
            sim.reset(1);
            for (int i = 0; i < 30; i++) {
                sim.poke("push", i % 3 == 0 ? 1 : 0);
                sim.poke("in_data", i);
                sim.poke("pop", i % 4 == 0 ? 1 : 0);
                sim.step();
            }
        }
        return Files.readString(options.vcd().orElseThrow());
    }

    @Test
    public void hierarchyByInstanceWithSourceNames() throws Exception {
        Path file = dir.resolve("full.vcd");
        String vcd = dump(SimulationOptions.defaults().withVcd(file));
        assertTrue(vcd.contains("$scope module fifo_pair $end"), vcd);
        assertTrue(vcd.contains("$scope module first $end") && vcd.contains("$scope module second $end"));
        assertTrue(vcd.matches("(?s).*\\$var wire\\s+4 \\S+ count(?: \\[3:0\\])? \\$end.*"), "fifo count of depth-8 instance");
        assertTrue(vcd.contains(" clk "), "clock is drawn");
        assertFalse(vcd.contains("module TOP"), "no scope above the top module:\n" + vcd);
        if (Files.exists(Path.of("/usr/bin/vcd2fst"))) {
            Process p = new ProcessBuilder("vcd2fst", file.toString(), dir.resolve("full.fst").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(Files.size(dir.resolve("full.fst")) > 0);
        }
    }

    @Test
    public void scopeFilterAndWindowKeepDumpsSmall() throws Exception {
        String full = dump(SimulationOptions.defaults().withVcd(dir.resolve("all.vcd")));
        String scoped = dump(SimulationOptions.defaults().withVcd(dir.resolve("s.vcd")).withVcdScopes(Set.of("second"), 0));
        assertFalse(scoped.contains("module first"), scoped);
        assertTrue(scoped.contains("module second"));
        String topOnly = dump(SimulationOptions.defaults().withVcd(dir.resolve("t.vcd")).withVcdScopes(Set.of(), 1));
        assertFalse(topOnly.contains("module second"));
        assertTrue(topOnly.contains(" move "));
        String windowed = dump(SimulationOptions.defaults().withVcd(dir.resolve("w.vcd")).withVcdWindow(10, 12));
        List<Long> times = windowed.lines().filter(l -> l.startsWith("#")).map(l -> Long.parseLong(l.substring(1)))
                .filter(t -> t > 0).toList(); // a backend may write initial (or unknown) values at #0, before the window
        assertTrue(times.getFirst() >= 95_000 && times.getLast() <= 135_000, times.toString());
        assertTrue(windowed.length() < full.length() / 2);
    }
}
