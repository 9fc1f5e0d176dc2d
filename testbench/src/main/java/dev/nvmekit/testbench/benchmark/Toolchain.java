package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.check.DesignChecks;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogEmitter;

/**
 * Section 3: how long the toolchain takes on the front end — elaboration (which runs the design
 * checks), the checks once more on their own, Verilog emission — at the default parameters and
 * at ioQueues = 1024; and Verilator's build, cold (fresh model cache) versus a cache hit.
 */
final class Toolchain {
    private Toolchain() {
    }

    /** Times elaborate + check + emit; the best of {@code rounds} (the first round also loads and JITs the code). */
    static Design elaborateCheckEmit(String label, FrontendParameters p, int rounds, BenchReport.Section section) {
        double best = Double.MAX_VALUE, elab = 0, check = 0, emit = 0;
        Design design = null;
        long chars = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            design = Elaborator.elaborate(new NvmeFrontend(p)).design();
            long t1 = System.nanoTime();
            int diagnostics = DesignChecks.run(design).size();
            long t2 = System.nanoTime();
            chars = VerilogEmitter.emit(design).length() + diagnostics * 0L;
            long t3 = System.nanoTime();
            if (t3 - t0 < best) {
                best = t3 - t0;
                elab = (t1 - t0) / 1e6;
                check = (t2 - t1) / 1e6;
                emit = (t3 - t2) / 1e6;
            }
        }
        section.row("front end " + label + ": elaborate (with checks) + checks + emit", "elaborate_ms", elab, "checks_ms", check,
                "emit_ms", emit, "total_ms", best / 1e6, "verilog_chars", chars);
        return design;
    }

    static void verilatorBuild(String label, Design design, VerilatorKit verilator, BenchReport.Section section) {
        if (verilator.unavailable() != null) {
            section.note("Verilator build of " + label + " skipped: " + verilator.unavailable());
            return;
        }
        try {
            VerilatorKit.BuildTimes t = verilator.build(design);
            section.row("Verilator build, " + label, "cold_ms", t.coldMs(), "cache_hit_ms", t.hitMs(),
                    "verilator_runs_on_hit", (long) t.verilatorRunsOnHit());
        } catch (RuntimeException e) {
            section.note("Verilator build of " + label + " failed: " + e.getMessage());
        }
    }
}
