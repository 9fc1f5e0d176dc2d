package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.bench.LfsrMesh;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The whole benchmark in one run: simulation speed of every simulator, call overheads, toolchain
 * times, hardware figures, scaling — collected into one {@link BenchReport}. Progress goes to
 * {@code log} as each measurement starts, since a full run takes minutes.
 */
public final class Benchmark {
    private final BenchSettings settings;
    private final PrintWriter log;

    public Benchmark(BenchSettings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public BenchReport run() {
        BenchReport report = new BenchReport();
        report.machine("started", Instant.now().toString());
        report.machine("load_average_at_start", loadAverage());
        report.machine("cores", Runtime.getRuntime().availableProcessors());
        report.machine("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.machine("configuration", settings.quick() ? "quick" : "full");
        BenchReport.Section speed = report.section("simulation_speed", "1. Simulation speed (cycles/s; ratios to Verilator's C++ loop on the same work)");
        BenchReport.Section calls = report.section("call_overhead", "2. Call overhead (ns per call / per clock edge)");
        BenchReport.Section tools = report.section("toolchain", "3. Toolchain (front end elaborate/check/emit; Verilator build cold vs cache hit)");
        BenchReport.Section hardware = report.section("hardware", "4. Hardware (Yosys synth_xilinx cells; sustained front-end command rate)");
        BenchReport.Section scaling = report.section("scaling", "5. Scaling of the embedded backend (design size, active queues)");

        FrontendParameters defaults = FrontendParameters.DEFAULT;
        FrontendParameters wide = defaults.withIoQueues(1024);
        int rounds = settings.quick() ? 1 : 3;
        progress("toolchain: elaborate + check + emit");
        Design frontEnd = Toolchain.elaborateCheckEmit("default (16 I/O queues)", defaults, rounds, tools);
        Design frontEnd1024 = Toolchain.elaborateCheckEmit("ioQueues=1024", wide, rounds, tools);
        Design small = Elaborator.elaborate(new LfsrMesh(settings.smallCells())).design();
        Design large = Elaborator.elaborate(new LfsrMesh(settings.largeCells())).design();

        try (VerilatorKit verilator = VerilatorKit.open(settings)) {
            progress("toolchain: Verilator builds (fresh cache: " + (verilator.unavailable() == null ? "yes" : verilator.unavailable()) + ")");
            Toolchain.verilatorBuild("small design lfsr_mesh(" + settings.smallCells() + "), runtime included (first build in a fresh cache)", small, verilator, tools);
            Toolchain.verilatorBuild("front end default, model only (runtime cached)", frontEnd, verilator, tools);
            Toolchain.verilatorBuild("large design lfsr_mesh(" + settings.largeCells() + "), model only", large, verilator, tools);

            SimulationSpeed sim = new SimulationSpeed(settings, verilator, speed);
            progress("simulation speed: small design");
            sim.mesh("(c) small", small, settings.icarusCycles());
            progress("simulation speed: large design");
            sim.mesh("(b) large", large, Math.max(200, settings.icarusCycles() / 100));
            progress("simulation speed: front end");
            sim.frontEnd(frontEnd, 4);

            progress("call overhead");
            CallOverhead.run(settings, verilator, small, calls);
        }

        progress("hardware: front-end throughput");
        HardwareFigures.throughputRows(frontEnd, settings, defaults, hardware);
        progress("scaling");
        Scaling.designSize(settings, scaling);
        Scaling.queues(frontEnd, defaults.ioQueues(), settings, scaling);
        progress("hardware: Yosys synthesis");
        HardwareFigures.synthesis("default (16 I/O queues)", frontEnd, settings, hardware);
        HardwareFigures.synthesis("ioQueues=1024", frontEnd1024, settings, hardware);
        report.machine("load_average_at_end", loadAverage());
        return report;
    }

    private void progress(String what) {
        log.println("bench: " + what + " ...");
        log.flush();
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown": others may share the machine. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.format(Locale.ROOT, "%s %s %s", f[0], f[1], f[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
