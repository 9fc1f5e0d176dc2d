package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.bench.SimBenchmark;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.verilator.bench.VerilatorBenchmark;

/**
 * Section 2: what a call costs — nanoseconds per poke, peek, peek right after a poke (one
 * evaluation) and step(1), through FFM into Verilator and, for scale, on the embedded backend;
 * and what a testbench process adds to a clock edge, for the sim module's {@code Testbench} and
 * the test bench's {@link BenchLoop} (an agent called every cycle, a process resumed every
 * cycle, a process waiting on a condition).
 */
final class CallOverhead {
    private CallOverhead() {
    }

    static void run(BenchSettings settings, VerilatorKit verilator, Design small, BenchReport.Section section) {
        perCall(section, "embedded", new EmbeddedBackend(), small);
        if (verilator.unavailable() == null) perCall(section, "verilator-ffm", verilator.backend(), small);
        else section.note("FFM per-call figures skipped: " + verilator.unavailable());

        int cycles = settings.quick() ? 5_000 : 200_000;
        SimBenchmark.ProcessCost tb = SimBenchmark.processSwitchCost(cycles);
        section.row("sim.process.Testbench: plain poke+step loop", "ns", tb.plainNs(), "added_ns_per_edge", 0.0);
        section.row("sim.process.Testbench: process resumed every edge", "ns", tb.everyCycleNs(), "added_ns_per_edge", tb.switchNs());
        section.row("sim.process.Testbench: processes only waiting", "ns", tb.waitingOnlyNs(), "added_ns_per_edge", tb.waitingOnlyNs() - tb.plainNs());
        benchLoop(small, cycles, section);
        section.note("per-call figures are on " + small.top() + "; Verilator goal: poke/peek <= 50 ns per call");
    }

    private static void perCall(BenchReport.Section section, String name, SimulatorBackend backend, Design design) {
        try (Simulator sim = backend.open(design, SimulationOptions.defaults())) {
            VerilatorBenchmark.PerCall c = VerilatorBenchmark.perCall(sim);
            section.row(name + ": poke", "ns", c.pokeNs());
            section.row(name + ": peek (settled)", "ns", c.peekNs());
            section.row(name + ": peek after a poke (one eval)", "ns", c.peekAfterPokeNs());
            section.row(name + ": step(1)", "ns", c.stepNs());
        }
    }

    /** The same comparison as for Testbench, on BenchLoop (what the NVMe test bench runs on). */
    private static void benchLoop(Design design, int cycles, BenchReport.Section section) {
        double plain = 0, agent = 0, process = 0, waiting = 0;
        for (int round = 0; round < 2; round++) {   // the first round warms up
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
                Simulator.SignalInfo seed = sim.signal("seed");
                long t0 = System.nanoTime();
                for (int i = 0; i < cycles; i++) {
                    sim.poke(seed, i & 0xFFFF);
                    sim.step(1);
                }
                plain = (System.nanoTime() - t0) / (double) cycles;
            }
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
                Simulator.SignalInfo seed = sim.signal("seed");
                BenchLoop loop = new BenchLoop(sim);
                loop.add(new CycleAgent() {
                    @Override
                    public void drive(Simulator s) {
                        s.poke(seed, loop.cycle() & 0xFFFF);
                    }

                    @Override
                    public void sample(Simulator s) {
                    }
                });
                long t0 = System.nanoTime();
                loop.runUntil(() -> loop.cycle() >= cycles, cycles + 1, "cycles");
                agent = (System.nanoTime() - t0) / (double) cycles;
            }
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
                Simulator.SignalInfo seed = sim.signal("seed");
                BenchLoop loop = new BenchLoop(sim);
                loop.start("driver", ctx -> {
                    for (int i = 0; i < cycles; i++) {
                        sim.poke(seed, i & 0xFFFF);
                        ctx.waitCycles(1);
                    }
                });
                long t0 = System.nanoTime();
                loop.runProcesses(cycles + 10L);
                process = (System.nanoTime() - t0) / (double) cycles;
            }
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
                Simulator.SignalInfo seed = sim.signal("seed");
                Simulator.SignalInfo digest = sim.signal("digest");
                BenchLoop loop = new BenchLoop(sim);
                loop.start("watcher", ctx -> ctx.waitUntil(() -> sim.peek(digest) == 0x1234_5678L && loop.cycle() < 0));
                long t0 = System.nanoTime();
                for (int i = 0; i < cycles; i++) {
                    sim.poke(seed, i & 0xFFFF);
                    loop.step();
                }
                waiting = (System.nanoTime() - t0) / (double) cycles;
            }
        }
        section.row("BenchLoop: plain poke+step loop", "ns", plain, "added_ns_per_edge", 0.0);
        section.row("BenchLoop: agent driving every edge (no thread)", "ns", agent, "added_ns_per_edge", agent - plain);
        section.row("BenchLoop: process resumed every edge", "ns", process, "added_ns_per_edge", process - plain);
        section.row("BenchLoop: process waiting on a condition", "ns", waiting, "added_ns_per_edge", waiting - plain);
    }
}
