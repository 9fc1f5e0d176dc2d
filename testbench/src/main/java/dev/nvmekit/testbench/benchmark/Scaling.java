package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.bench.SimBenchmark;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.netlist.Flattener;

/**
 * Section 5: how the embedded backend's speed falls as the design grows (LFSR meshes of about
 * 1 k, 10 k and 100 k IR nodes, the testbench workload) and as more queues are active on the
 * front end (the whole-SSD random-I/O workload with 1, 4, 16 queues). Design-size figures are
 * steady speeds; the time HotSpot took to compile the model before it got there is reported
 * beside them ({@code jit_warmup_s}), since a short run of a large design pays it.
 */
final class Scaling {
    private Scaling() {
    }

    static void designSize(BenchSettings settings, BenchReport.Section section) {
        for (int cells : settings.scalingCells()) {
            long t0 = System.nanoTime();
            Design d = Elaborator.elaborate(new LfsrMesh(cells)).design();
            int nodes = Flattener.flatten(d).exprNodes();
            SimBenchmark.Speed speed = SimBenchmark.measure(new EmbeddedBackend(), d, settings.seconds());
            double cps = speed.cyclesPerSecond();
            section.row("embedded, lfsr_mesh(" + cells + " cells)", "ir_nodes", (long) nodes, "cycles_per_s", cps,
                    "node_evals_per_s", cps * nodes, "jit_warmup_s", speed.warmupSeconds(), "setup_and_run_s", (System.nanoTime() - t0) / 1e9);
        }
    }

    static void queues(Design frontEnd, int maxQueues, BenchSettings settings, BenchReport.Section section) {
        for (int q : settings.throughputQueues()) {
            if (q > maxQueues) continue;
            RandomIoWorkload.Result r = RandomIoWorkload.best(frontEnd, new EmbeddedBackend(), q, 4, settings.workloadCommands());
            section.row("embedded, front end random I/O, " + q + " active queue(s)", "cycles_per_s", r.cyclesPerSecond(),
                    "commands_per_cycle", (double) r.commands() / r.cycles());
        }
    }
}
