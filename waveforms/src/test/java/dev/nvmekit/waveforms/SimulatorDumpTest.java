package dev.nvmekit.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nvmekit.waveforms.diff.DiffOptions;
import dev.nvmekit.waveforms.diff.DiffReport;
import dev.nvmekit.waveforms.diff.Difference;
import dev.nvmekit.waveforms.diff.SignalMapping;
import dev.nvmekit.waveforms.diff.WaveformDiff;
import dev.nvmekit.waveforms.diff.XzPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads dumps from real simulators and compares them. Icarus and Verilator disagree on naming
 * (Verilator adds a TOP scope) and on initial state (x versus 0), which is what the name
 * mapping and the x/z policy are for.
 */
class SimulatorDumpTest {
    static final String COUNTER = """
            module counter(input clk, input rst, output reg [7:0] count, output wire [71:0] wide);
              assign wide = {count, 64'hDEADBEEF00000000 | {56'b0, count}};
              always @(posedge clk) if (rst) count <= 8'd0; else count <= count + 8'd1;
            endmodule
            """;
    static final String TESTBENCH = """
            `timescale 1ns/1ps
            module tb;
              reg clk = 0;
              reg rst = 1;
              wire [7:0] count;
              wire [71:0] wide;
              counter dut(.clk(clk), .rst(rst), .count(count), .wide(wide));
              always #5 clk = ~clk;
              initial begin
                $dumpfile("dump.vcd");
                $dumpvars(0, tb);
                #12 rst = 0;
                #100 $finish;
              end
            endmodule
            """;

    @TempDir
    Path dir;

    static Waveform icarus(Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("icarus"));
        Files.writeString(work.resolve("counter.v"), COUNTER);
        Files.writeString(work.resolve("tb.v"), TESTBENCH);
        ExternalTool.run(work, 60, "iverilog", "-g2005", "-o", "sim.vvp", "tb.v", "counter.v");
        ExternalTool.run(work, 60, "vvp", "-n", "sim.vvp");
        return VcdReader.read(work.resolve("dump.vcd"));
    }

    static Waveform verilator(Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("verilator"));
        Files.writeString(work.resolve("counter.v"), COUNTER);
        Files.writeString(work.resolve("tb.v"), TESTBENCH);
        ExternalTool.run(work, 300, "verilator", "--binary", "--trace", "-j", "1", "-Wno-fatal", "--top-module", "tb",
                "--Mdir", "obj", "tb.v", "counter.v");
        ExternalTool.run(work, 60, work.resolve("obj/Vtb").toString());
        return VcdReader.read(work.resolve("dump.vcd"));
    }

    @Test
    void readsIcarusDump() throws Exception {
        assumeTrue(ExternalTool.onPath("iverilog") && ExternalTool.onPath("vvp"),
                () -> ExternalTool.skipped("Icarus Verilog (iverilog, vvp) is not on PATH"));
        Waveform w = icarus(dir);
        assertEquals(new Timescale(1, "ps"), w.timescale());
        assertEquals(112_000, w.endTime());
        Signal count = w.require("tb.dut.count");
        assertEquals(8, count.width());
        assertEquals(LogicValue.unknown(8), count.valueAt(0), "Icarus starts 4-state registers at x");
        assertEquals(LogicValue.of(10, 8), count.valueAt(w.endTime()));
        // Icarus writes this as "bx1101...", relying on x left-extension for the top byte.
        assertEquals(LogicValue.parse("x".repeat(8) + "11011110101011011011111011101111" + "0".repeat(24) + "x".repeat(8), 72),
                w.require("tb.dut.wide").valueAt(0));
        assertEquals(11, ClockEdges.rising(w.require("tb.clk")).length);
    }

    @Test
    void icarusAndVerilatorAgreeOnceNamesAndInitialStateAreMapped() throws Exception {
        assumeTrue(ExternalTool.onPath("iverilog") && ExternalTool.onPath("vvp"),
                () -> ExternalTool.skipped("Icarus Verilog (iverilog, vvp) is not on PATH"));
        assumeTrue(ExternalTool.onPath("verilator"), () -> ExternalTool.skipped("verilator is not on PATH"));
        Waveform icarus = icarus(dir);
        Waveform verilator = verilator(dir);
        assertTrue(verilator.signal("TOP.tb.dut.count").isPresent(), "Verilator wraps the design in TOP");

        DiffOptions mapped = DiffOptions.defaults().mapRight(SignalMapping.stripPrefix("TOP.")).xz(XzPolicy.X_EQUALS_ZERO);
        DiffReport atEdges = WaveformDiff.compare(icarus, verilator, mapped.atRisingEdges("tb.clk"));
        assertTrue(atEdges.identical(), atEdges.summary());
        assertEquals(List.of("tb.clk", "tb.count", "tb.dut.clk", "tb.dut.count", "tb.dut.rst", "tb.dut.wide", "tb.rst",
                "tb.wide"), atEdges.compared());
        assertEquals(11, atEdges.leftEdges());

        DiffReport atChanges = WaveformDiff.compare(icarus, verilator, mapped);
        assertTrue(atChanges.identical(), atChanges.summary());

        DiffReport exact = WaveformDiff.compare(icarus, verilator, mapped.xz(XzPolicy.EXACT));
        assertFalse(exact.identical(), "x versus 0 at time 0 must show without the x/z policy");
        assertEquals(0, exact.firstDifference().orElseThrow().timeFs());
    }

    @Test
    void injectedChangeIsTheExactFirstDifference() throws Exception {
        assumeTrue(ExternalTool.onPath("iverilog") && ExternalTool.onPath("vvp"),
                () -> ExternalTool.skipped("Icarus Verilog (iverilog, vvp) is not on PATH"));
        icarus(dir);
        Path original = dir.resolve("icarus/dump.vcd");
        Waveform good = VcdReader.read(original);
        String code = good.require("tb.dut.count").idCode();
        // Corrupt count at 65 ns (cycle 6 is sampled at the edge of 75 ns), as a buggy model would.
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        int at = lines.indexOf("#65000");
        boolean replaced = false;
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            if (lines.get(i).endsWith(" " + code)) {
                lines.set(i, "b11111111 " + code);
                replaced = true;
            }
        }
        assertTrue(replaced, "the dump has a change of count at 65 ns");
        Path bad = dir.resolve("bad.vcd");
        Files.write(bad, lines);
        Waveform corrupted = VcdReader.read(bad);

        DiffReport report = WaveformDiff.compare(good, corrupted, DiffOptions.defaults().atRisingEdges("tb.clk"));
        assertFalse(report.identical());
        Difference first = report.firstDifference().orElseThrow();
        assertEquals("tb.dut.count", first.signal());
        assertEquals(75_000_000L, first.timeFs());
        assertEquals(7, first.cycle());
        assertEquals(LogicValue.of(6, 8), first.left());
        assertEquals(LogicValue.of(255, 8), first.right());
        assertEquals(1, report.differenceCount(), report.summary());

        DiffReport everyChange = WaveformDiff.compare(good, corrupted, DiffOptions.defaults());
        assertEquals(65_000_000L, everyChange.firstDifference().orElseThrow().timeFs());
        assertEquals("tb.dut.count", everyChange.firstDifference().orElseThrow().signal());
        assertEquals(1, everyChange.differenceCount(), everyChange.summary());
    }

}
