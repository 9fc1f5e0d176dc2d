package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.testbench.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code nvmekit bench --quick} (tiny designs, no Verilator or Yosys) and checks that the
 * JSON has every section with figures, that the embedded simulator's speeds are real numbers,
 * and that what could not be measured says so.
 */
class BenchSmokeTest {
    @Test
    @SuppressWarnings("unchecked")
    void quickBenchWritesEverySection(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "--quick", "--out", json.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        String table = out.toString();
        Map<String, Object> root = (Map<String, Object>) JsonReader.parse(Files.readString(json));
        assertTrue(root.containsKey("machine"));
        assertTrue(((Map<String, Object>) root.get("machine")).containsKey("load_average_at_start"));
        for (String key : BenchReport.SECTION_KEYS) {
            Map<String, Object> section = (Map<String, Object>) root.get(key);
            assertTrue(section != null, "section " + key + " missing");
            assertFalse(((List<Object>) section.get("rows")).isEmpty(), "section " + key + " has no rows");
            assertTrue(table.contains((String) section.get("title")), "table lacks " + key);
        }

        List<Map<String, Object>> speed = (List<Map<String, Object>>) ((Map<String, Object>) root.get("simulation_speed")).get("rows");
        long embedded = speed.stream().filter(r -> "embedded".equals(r.get("simulator"))).count();
        assertEquals(4, embedded, "small, large, front-end workload, front-end free-running");
        for (Map<String, Object> r : speed) {
            if ("embedded".equals(r.get("simulator"))) assertTrue((Double) r.get("cycles_per_s") > 0, r.toString());
        }
        List<String> notes = (List<String>) ((Map<String, Object>) root.get("simulation_speed")).get("notes");
        assertTrue(notes.stream().anyMatch(n -> n.contains("Verilator") && n.contains("skipped")), notes.toString());
        boolean icarusMeasured = speed.stream().anyMatch(r -> "icarus".equals(r.get("simulator")) && r.get("cycles_per_s") != null);
        assertTrue(icarusMeasured || notes.stream().anyMatch(n -> n.contains("icarus")), "Icarus measured or its absence noted");

        List<Map<String, Object>> hw = (List<Map<String, Object>>) ((Map<String, Object>) root.get("hardware")).get("rows");
        for (Map<String, Object> r : hw) {
            double perCycle = (Double) r.get("commands_per_cycle");
            assertTrue(perCycle > 0 && perCycle <= 1, r.toString());
            assertEquals(perCycle * 250e6, (Double) r.get("commands_per_s_at_250MHz"), 1.0);
        }
        List<String> hwNotes = (List<String>) ((Map<String, Object>) root.get("hardware")).get("notes");
        assertTrue(hwNotes.stream().anyMatch(n -> n.contains("Yosys") && n.contains("skipped")), hwNotes.toString());
    }

    @Test
    void aMissingOutputDirectoryIsAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "--quick", "--out", dir.resolve("no/such/dir/x.json").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(Main.USAGE, code);
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }
}
