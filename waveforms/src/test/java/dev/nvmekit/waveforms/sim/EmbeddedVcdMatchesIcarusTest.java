package dev.nvmekit.waveforms.sim;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogLint;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.waveforms.VcdReader;
import dev.nvmekit.waveforms.Waveform;
import dev.nvmekit.waveforms.diff.DiffOptions;
import dev.nvmekit.waveforms.diff.DiffReport;
import dev.nvmekit.waveforms.diff.SignalMapping;
import dev.nvmekit.waveforms.diff.WaveformDiff;
import dev.nvmekit.waveforms.diff.XzPolicy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The VCD the embedded simulator writes matches, signal for signal at every rising clock edge,
 * the VCD Icarus writes for the same design and stimulus (its x before reset counts as 0, since
 * the embedded simulator is two-state and starts at zero).
 */
class EmbeddedVcdMatchesIcarusTest {
    private static final int CYCLES = 40;

    /** A counter that also writes and reads back a small memory: registers, memory, logic, hierarchy-free. */
    static final class Accumulator extends Component {
        Accumulator() {
            Signal enable = in("enable", 1);
            Signal data = in("data", 8);
            Signal count = out("count", 8);
            Signal total = out("total", 12);
            Signal seen = out("seen", 8);
            Reg value = reg("value", 8).init(0);
            Reg sum = reg("sum", 12).init(0);
            Mem history = mem("history", 8, 16);
            when(enable, () -> {
                value.set(value.add(1));
                sum.set(sum.add(data.resize(12)));
                history.write(value.slice(3, 0), data);
            });
            count.set(value);
            total.set(sum);
            seen.set(history.read(value.slice(3, 0).sub(1)));
        }
    }

    @TempDir
    Path dir;

    @Test
    void sameSignalsSameValuesAtEveryEdge() throws Exception {
        Assumptions.assumeTrue(onPath("iverilog") || "true".equals(System.getenv("CI")), "iverilog is not installed");
        Design design = Elaborator.elaborate(new Accumulator()).design();
        Random random = new Random(7);
        List<int[]> stimulus = new ArrayList<>(); // rst, enable, data per cycle
        for (int k = 0; k < CYCLES; k++) stimulus.add(new int[] {k < 2 ? 1 : 0, random.nextInt(4) == 0 ? 0 : 1, random.nextInt(256)});

        Path ours = dir.resolve("embedded.vcd");
        try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults().withVcd(ours))) {
            for (int[] s : stimulus) {
                sim.poke("rst", s[0]);
                sim.poke("enable", s[1]);
                sim.poke("data", s[2]);
                sim.step(1);
            }
        }

        List<Path> files = VerilogLint.write(design, dir.resolve("rtl"));
        StringBuilder tb = new StringBuilder("`timescale 1ps/1ps\nmodule tb;\n  reg clk = 1'b0, rst = 1'b1, enable = 1'b0;\n  reg [7:0] data = 8'd0;\n"
                + "  wire [7:0] count, seen;\n  wire [11:0] total;\n"
                + "  accumulator dut (.clk(clk), .rst(rst), .enable(enable), .data(data), .count(count), .total(total), .seen(seen));\n"
                + "  initial begin $dumpfile(\"" + dir.resolve("icarus.vcd") + "\"); $dumpvars(0, tb); end\n"
                + "  always #5000 clk = ~clk;\n  initial begin\n");
        for (int[] s : stimulus) {
            // inputs change where the embedded run pokes them: between edges (clk rises at 5 ns, 15 ns, ...)
            tb.append("    rst = ").append(s[0]).append("; enable = ").append(s[1]).append("; data = ").append(s[2]).append(";\n    #10000;\n");
        }
        tb.append("    $finish;\n  end\nendmodule\n");
        Path tbFile = dir.resolve("tb.v");
        Files.writeString(tbFile, tb);
        List<String> compile = new ArrayList<>(List.of("iverilog", "-g2005", "-o", dir.resolve("tb.vvp").toString(), tbFile.toString()));
        files.forEach(f -> compile.add(f.toString()));
        run(compile);
        run(List.of("vvp", "-n", dir.resolve("tb.vvp").toString()));

        Waveform left = VcdReader.read(ours);
        Waveform right = VcdReader.read(dir.resolve("icarus.vcd"));
        Set<String> compared = Set.of("clk", "rst", "enable", "data", "count", "total", "seen", "value", "sum");
        DiffReport report = WaveformDiff.compare(left, right, DiffOptions.defaults()
                .mapLeft(SignalMapping.stripPrefix("accumulator."))
                .mapRight(SignalMapping.stripPrefix("tb.dut."))
                .atRisingEdges("clk")
                .xz(XzPolicy.X_EQUALS_ZERO)
                .only(compared));
        assertTrue(report.compared().containsAll(compared), "compared " + report.compared() + "\n" + report.summary());
        assertEquals(0, report.differenceCount(), report.summary());
        assertTrue(report.leftEdges() >= CYCLES - 1, report.summary());
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + " failed:\n" + out);
    }
}
