package dev.nvmekit.testbench.benchmark;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's two renderings and the Yosys statistics parser, without running any measurement. */
class BenchReportTest {
    @Test
    void jsonAndTableCarryTheSameFiguresAndNonFiniteBecomesNull() {
        BenchReport r = new BenchReport();
        r.machine("load", "1.0 2.0 3.0");
        r.section("s", "Title \"quoted\"").row("embedded", "cycles_per_s", 1234.5, "ratio", Double.NaN, "n", 7L)
                .note("skipped: tool\nmissing");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) JsonReader.parse(r.toJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) root.get("s");
        assertEquals("Title \"quoted\"", s.get("title"));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((List<Object>) s.get("rows")).getFirst();
        assertEquals(1234.5, row.get("cycles_per_s"));
        assertNull(row.get("ratio"));
        assertEquals(7.0, row.get("n"));
        assertEquals(List.of("skipped: tool\nmissing"), s.get("notes"));

        StringWriter text = new StringWriter();
        r.printTable(new PrintWriter(text));
        assertTrue(text.toString().contains("1,235"), text.toString());
        assertTrue(text.toString().contains("n/a"), text.toString());
    }

    @Test
    void yosysStatCellsAreReadFromTheLastListing() {
        String stat = """
                === nvme_frontend ===

                   Number of wires:               1200
                   Number of cells:               1000
                     FDRE                          300
                     FDSE                           12
                     LUT2                          100
                     LUT6                           50
                     RAMB36E1                        4
                     RAM64M                          8
                """;
        Map<String, Long> cells = HardwareFigures.cells(stat);
        assertEquals(300L, cells.get("FDRE"));
        assertEquals(4L, cells.get("RAMB36E1"));
        assertTrue(!cells.containsKey("Number"), cells.toString());
    }
}
