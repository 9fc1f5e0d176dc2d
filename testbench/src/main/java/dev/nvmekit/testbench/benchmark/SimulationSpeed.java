package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.bench.SimBenchmark;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import dev.nvmekit.sim.netlist.Flattener;
import dev.nvmekit.verilator.bench.VerilatorBenchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Section 1: simulated cycles per second of every simulator on the same designs in the same
 * run — a small and a large LFSR mesh under a testbench workload (a poke, a peek and a clock edge
 * per cycle), and the NVMe front end both under the random-I/O workload of the whole simulated
 * SSD and free-running — as ratios to Verilator's own C++ loop doing the same work.
 */
final class SimulationSpeed {
    private final BenchSettings settings;
    private final VerilatorKit verilator;
    private final BenchReport.Section section;

    SimulationSpeed(BenchSettings settings, VerilatorKit verilator, BenchReport.Section section) {
        this.settings = settings;
        this.verilator = verilator;
        this.section = section;
    }

    /** The LFSR-mesh workload on every simulator; returns cycles/s by simulator name. */
    Map<String, Double> mesh(String label, Design design, int icarusCycles) {
        int nodes = Flattener.flatten(design).exprNodes();
        String item = label + " " + design.top() + " (" + nodes + " IR nodes), poke+peek+step";
        Map<String, Double> cps = new LinkedHashMap<>();
        cps.put("embedded", SimBenchmark.cyclesPerSecond(new EmbeddedBackend(), design, settings.seconds()));
        cps.put("interpreter", SimBenchmark.cyclesPerSecond(new InterpreterBackend(), design, settings.seconds()));
        if (verilator.unavailable() == null) {
            cps.put("verilator-ffm", SimBenchmark.cyclesPerSecond(verilator.backend(), design, settings.seconds()));
            if (verilator.loop() != null) {
                long cycles = (long) Math.max(20_000, cps.get("verilator-ffm") * settings.seconds() * 3);
                cps.put("verilator-cpp", attempt(() -> verilator.loop().workload(verilator.library(design), cycles, "seed", "digest"),
                        "verilator-cpp on " + design.top()));
            }
        }
        cps.put("icarus", attempt(() -> {
            double r = SimBenchmark.icarusCyclesPerSecond(design, icarusCycles);
            if (r <= 0) throw new java.io.IOException("iverilog/vvp missing or failed");
            return r;
        }, "icarus on " + design.top()));
        rows(item, cps);
        return cps;
    }

    /**
     * The front end: the whole simulated SSD under random I/O on 4 queues (embedded and Verilator
     * through FFM, the same Java testbench), and free-running after reset on every simulator.
     */
    void frontEnd(Design design, int queues) {
        int nodes = Flattener.flatten(design).exprNodes();
        String name = design.top() + " (" + nodes + " IR nodes)";
        Map<String, Double> workload = new LinkedHashMap<>();
        workload.put("embedded", workload(design, new EmbeddedBackend(), queues));
        if (verilator.unavailable() == null) workload.put("verilator-ffm", workload(design, verilator.backend(), queues));
        Double vff = workload.get("verilator-ffm");
        for (var e : workload.entrySet()) {
            section.row(name + ", random 4 KiB I/O on " + queues + " queues (whole SSD model)", "simulator", e.getKey(),
                    "cycles_per_s", e.getValue(), "vs_verilator_cpp", null,
                    "vs_verilator_ffm", vff == null || e.getValue() == null ? null : e.getValue() / vff);
        }
        Map<String, Double> free = new LinkedHashMap<>();
        free.put("embedded", freeRunning(new EmbeddedBackend(), design));
        free.put("interpreter", freeRunning(new InterpreterBackend(), design));
        if (verilator.unavailable() == null) {
            free.put("verilator-ffm", freeRunning(verilator.backend(), design));
            if (verilator.loop() != null) {
                long cycles = (long) Math.max(20_000, free.get("verilator-ffm") * settings.seconds() * 2);
                free.put("verilator-cpp", attempt(() -> verilator.loop().freeRunning(verilator.library(design), cycles), "verilator-cpp free-running"));
            }
        }
        long icarusCycles = Math.max(200, settings.icarusCycles() / 50);
        free.put("icarus", attempt(() -> IcarusFreeRun.cyclesPerSecond(design, icarusCycles, settings.toolTimeoutSeconds()), "icarus free-running"));
        rows(name + ", free-running after reset (inputs idle)", free);
        Double cpp = free.get("verilator-cpp");
        Double emb = workload.get("embedded");
        if (vff != null && emb != null) {
            section.note(String.format(java.util.Locale.ROOT,
                    "goal embedded >= 0.5x Verilator single-threaded on the front end: random I/O %.2fx of Verilator through the same Java bench%s",
                    emb / vff, cpp == null || free.get("embedded") == null ? "" : String.format(java.util.Locale.ROOT,
                            ", free-running %.2fx of Verilator's C++ loop", free.get("embedded") / cpp)));
        }
    }

    private Double workload(Design design, SimulatorBackend backend, int queues) {
        return attempt(() -> RandomIoWorkload.best(design, backend, queues, 4, settings.workloadCommands()).cyclesPerSecond(),
                backend.name() + " random I/O");
    }

    private Double freeRunning(SimulatorBackend backend, Design design) {
        return attempt(() -> {
            try (Simulator sim = backend.open(design, SimulationOptions.defaults())) {
                sim.reset(2);
                return VerilatorBenchmark.freeRunningCyclesPerSecond(sim, settings.seconds());
            }
        }, backend.name() + " free-running");
    }

    private void rows(String item, Map<String, Double> cps) {
        Double cpp = cps.get("verilator-cpp");
        for (var e : cps.entrySet()) {
            section.row(item, "simulator", e.getKey(), "cycles_per_s", e.getValue(),
                    "vs_verilator_cpp", cpp == null || e.getValue() == null ? null : e.getValue() / cpp, "vs_verilator_ffm", null);
        }
        if (verilator.unavailable() != null) section.note("Verilator rows of " + item + " skipped: " + verilator.unavailable());
    }

    /** A measurement that may fail for reasons outside the design (a tool missing, a timeout): null and a note. */
    Double attempt(Measurement m, String what) {
        try {
            return m.run();
        } catch (Exception | StackOverflowError e) {
            section.note(what + " not measured: " + e.getMessage());
            return null;
        }
    }

    @FunctionalInterface
    interface Measurement {
        double run() throws Exception;
    }
}
