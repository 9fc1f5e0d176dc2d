package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.bench.SimBenchmark;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.netlist.Flattener;
import dev.nvmekit.verilator.bench.VerilatorBenchmark;

import java.io.PrintWriter;
import java.util.List;

/**
 * The part of the benchmark that tracks the embedded backend against Verilator — the front end
 * under random I/O (same Java bench on both) and free-running (against Verilator's C++ loop),
 * and the LFSR-mesh design-size scaling — in about a minute instead of the whole
 * {@link Benchmark}'s many. For checking a change to the simulator's speed before and after on
 * the same machine load: {@code java -cp ... dev.nvmekit.testbench.benchmark.EmbeddedSpeedCheck
 * [seconds] [mesh cells...]}.
 */
public final class EmbeddedSpeedCheck {
    private EmbeddedSpeedCheck() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        List<Integer> cells = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).map(Integer::parseInt).toList() : List.of(13, 133, 1333);
        BenchSettings full = BenchSettings.full();
        BenchSettings settings = new BenchSettings(false, seconds, full.smallCells(), full.largeCells(), cells, full.workloadCommands(),
                full.throughputQueues(), full.perQueue(), full.icarusCycles(), full.toolTimeoutSeconds(), true, false);
        BenchReport report = new BenchReport();
        report.machine("load_average_at_start", Benchmark.loadAverage());
        BenchReport.Section speed = report.section("simulation_speed", "Front end: embedded vs Verilator");
        BenchReport.Section scaling = report.section("scaling", "Embedded backend by design size");
        Design frontEnd = Elaborator.elaborate(new NvmeFrontend(FrontendParameters.DEFAULT)).design();
        try (VerilatorKit verilator = VerilatorKit.open(settings)) {
            SimulationSpeed sim = new SimulationSpeed(settings, verilator, speed);
            Double embedded = sim.attempt(() -> RandomIoWorkload.best(frontEnd, new EmbeddedBackend(), 4, 4, settings.workloadCommands())
                    .cyclesPerSecond(), "embedded random I/O");
            Double ffm = verilator.unavailable() != null ? null : sim.attempt(() -> RandomIoWorkload.best(frontEnd, verilator.backend(), 4, 4,
                    settings.workloadCommands()).cyclesPerSecond(), "verilator random I/O");
            speed.row("random 4 KiB I/O, 4 queues, whole SSD: embedded", "cycles_per_s", embedded, "ratio", ratio(embedded, ffm));
            speed.row("random 4 KiB I/O, 4 queues, whole SSD: verilator-ffm", "cycles_per_s", ffm, "ratio", 1.0);
            Double free = sim.attempt(() -> freeRunning(new EmbeddedBackend(), frontEnd, seconds), "embedded free-running");
            Double cpp = verilator.loop() == null ? null : sim.attempt(() -> verilator.loop().freeRunning(verilator.library(frontEnd),
                    (long) Math.max(20_000, 2e5 * seconds)), "verilator-cpp free-running");
            speed.row("free-running after reset: embedded", "cycles_per_s", free, "ratio", ratio(free, cpp));
            speed.row("free-running after reset: verilator-cpp", "cycles_per_s", cpp, "ratio", 1.0);
        }
        report.machine("nodes_front_end", Flattener.flatten(frontEnd).exprNodes());
        for (int c : cells) {
            long t0 = System.nanoTime();
            Design d = Elaborator.elaborate(new LfsrMesh(c)).design();
            SimBenchmark.Speed steady = SimBenchmark.measure(new EmbeddedBackend(), d, seconds);
            scaling.row("embedded, lfsr_mesh(" + c + " cells)", "ir_nodes", (long) Flattener.flatten(d).exprNodes(),
                    "cycles_per_s", steady.cyclesPerSecond(), "jit_warmup_s", steady.warmupSeconds(), "setup_and_run_s", (System.nanoTime() - t0) / 1e9);
        }
        report.machine("load_average_at_end", Benchmark.loadAverage());
        report.printTable(new PrintWriter(System.out));
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null ? null : a / b;
    }

    private static double freeRunning(SimulatorBackend backend, Design design, double seconds) {
        try (Simulator sim = backend.open(design, SimulationOptions.defaults())) {
            sim.reset(2);
            return VerilatorBenchmark.freeRunningCyclesPerSecond(sim, seconds);
        }
    }
}
