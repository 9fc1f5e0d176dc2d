package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.designs.FifoPair;
import dev.nvmekit.sim.interp.InterpreterBackend;
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

class WaveformDumpTest {
    @TempDir
    Path dir;

    private String dump(SimulatorBackend b, SimulationOptions options) throws Exception {
        try (Simulator sim = b.open(Elaborator.elaborate(new FifoPair()).design(), options)) {
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
    void hierarchyByInstanceWithSourceNames() throws Exception {
        Path file = dir.resolve("full.vcd");
        String vcd = dump(new EmbeddedBackend(), SimulationOptions.defaults().withVcd(file));
        assertTrue(vcd.contains("$scope module fifo_pair $end"), vcd);
        assertTrue(vcd.contains("$scope module first $end") && vcd.contains("$scope module second $end"));
        assertTrue(vcd.matches("(?s).*\\$var wire 4 \\S+ count(?: \\[3:0\\])? \\$end.*"), "fifo count of depth-8 instance");
        assertTrue(vcd.contains(" clk "), "clock is drawn");
        if (Files.exists(Path.of("/usr/bin/vcd2fst"))) {
            Process p = new ProcessBuilder("vcd2fst", file.toString(), dir.resolve("full.fst").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(Files.size(dir.resolve("full.fst")) > 0);
        }
    }

    @Test
    void bothBackendsWriteTheSameDump() throws Exception {
        String a = dump(new EmbeddedBackend(), SimulationOptions.defaults().withVcd(dir.resolve("a.vcd")));
        String b = dump(new InterpreterBackend(), SimulationOptions.defaults().withVcd(dir.resolve("b.vcd")));
        assertEquals(a.replaceAll("\\$date[^$]*\\$end", ""), b.replaceAll("\\$date[^$]*\\$end", ""));
    }

    @Test
    void scopeFilterAndWindowKeepDumpsSmall() throws Exception {
        String full = dump(new EmbeddedBackend(), SimulationOptions.defaults().withVcd(dir.resolve("all.vcd")));
        String scoped = dump(new EmbeddedBackend(), SimulationOptions.defaults().withVcd(dir.resolve("s.vcd")).withVcdScopes(Set.of("second"), 0));
        assertFalse(scoped.contains("module first"), scoped);
        assertTrue(scoped.contains("module second"));
        String topOnly = dump(new EmbeddedBackend(), SimulationOptions.defaults().withVcd(dir.resolve("t.vcd")).withVcdScopes(Set.of(), 1));
        assertFalse(topOnly.contains("module second"));
        assertTrue(topOnly.contains(" move "));
        String windowed = dump(new EmbeddedBackend(), SimulationOptions.defaults().withVcd(dir.resolve("w.vcd")).withVcdWindow(10, 12));
        List<Long> times = windowed.lines().filter(l -> l.startsWith("#")).map(l -> Long.parseLong(l.substring(1)))
                .filter(t -> t > 0).toList(); // #0 holds the writer's $dumpvars of unknown values before the window
        assertTrue(times.getFirst() >= 95_000 && times.getLast() <= 135_000, times.toString());
        assertTrue(windowed.length() < full.length() / 2);
    }
}
