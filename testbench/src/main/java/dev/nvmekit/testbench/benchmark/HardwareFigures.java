package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.sim.compiled.EmbeddedBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section 4: the generated hardware — Yosys {@code synth_xilinx} cell counts (LUTs, flip-flops,
 * block RAMs, LUT RAMs) of the front end at default parameters and at ioQueues = 1024, and the
 * sustained command rate of the front end with 1/4/16 active queues measured at its ports on
 * the embedded simulator (back end always ready, host memory at a fixed 20-cycle read latency),
 * with the commands per second that gives at 250 MHz.
 */
final class HardwareFigures {
    static final double CLOCK_HZ = 250e6;
    static final int READ_LATENCY = 20;
    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    private HardwareFigures() {
    }

    static void synthesis(String label, Design design, BenchSettings settings, BenchReport.Section section) {
        if (!settings.yosys()) {
            section.note("Yosys synthesis of " + label + " skipped by --quick (minutes per run)");
            return;
        }
        if (!ExternalTool.installed("yosys")) {
            section.note("Yosys synthesis of " + label + " skipped: yosys is not installed (apt-get install -y yosys)");
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nvmekit-bench-yosys");
            Files.writeString(dir.resolve("design.v"), VerilogEmitter.emit(design));
            ExternalTool r = ExternalTool.run(dir, settings.toolTimeoutSeconds(), "yosys", "-q", "-p",
                    "read_verilog design.v; synth_xilinx -top " + design.top() + "; tee -o stat.txt stat");
            if (!r.ok()) {
                section.note("Yosys synthesis of " + label + ": " + r.failure());
                return;
            }
            Map<String, Long> cells = cells(Files.readString(dir.resolve("stat.txt")));
            long luts = sum(cells, "LUT");
            long ffs = sum(cells, "FD");
            long ramb36 = sum(cells, "RAMB36");
            long ramb18 = sum(cells, "RAMB18");
            long lutram = sum(cells, "RAM32") + sum(cells, "RAM64") + sum(cells, "RAM128") + sum(cells, "RAM256");
            section.row("synth_xilinx " + label, "lut", luts, "ff", ffs, "ramb36", ramb36, "ramb18", ramb18, "lutram_cells", lutram,
                    "seconds", r.seconds());
        } catch (IOException e) {
            section.note("Yosys synthesis of " + label + " failed: " + e.getMessage());
        } finally {
            ExternalTool.delete(dir);
        }
    }

    /** Cell name to count from Yosys {@code stat} output (the last listing wins: it is the flattened top). */
    static Map<String, Long> cells(String stat) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (String line : stat.lines().toList()) {
            Matcher m = CELL.matcher(line);
            if (m.matches() && !m.group(1).startsWith("Number")) cells.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return cells;
    }

    private static long sum(Map<String, Long> cells, String prefix) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    /** Sustained commands per cycle with {@code queues} active; also cycles/s of the embedded run. */
    static double[] throughput(Design design, int queues, int perQueue) {
        try (FrontendPortBench b = new FrontendPortBench(design, new EmbeddedBackend(), READ_LATENCY)) {
            b.enable(queues);
            long c0 = b.loop().cycle();
            long t0 = System.nanoTime();
            double rate = b.sustained(queues, perQueue);
            double cps = (b.loop().cycle() - c0) / ((System.nanoTime() - t0) / 1e9);
            return new double[] {rate, cps};
        }
    }

    static void throughputRows(Design design, BenchSettings settings, FrontendParameters p, BenchReport.Section section) {
        for (int q : settings.throughputQueues()) {
            if (q > p.ioQueues()) continue;
            double[] r = throughput(design, q, settings.perQueue());
            section.row("front end sustained rate, " + q + " queue(s) x " + settings.perQueue() + " commands",
                    "commands_per_cycle", r[0], "cycles_per_command", 1 / r[0], "commands_per_s_at_250MHz", r[0] * CLOCK_HZ);
        }
        section.note("throughput: back end always ready, host memory read latency " + READ_LATENCY
                + " cycles, measured from the first tail doorbell write to the last CQE write, embedded simulator");
    }
}
