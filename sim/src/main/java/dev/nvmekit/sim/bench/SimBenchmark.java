package dev.nvmekit.sim.bench;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import dev.nvmekit.sim.netlist.Flattener;
import dev.nvmekit.sim.process.Testbench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Prints simulated cycles per second of the compiled backend, the interpreter and Icarus
 * Verilog on a small and a large generated design (ratios against Icarus in the same run), and
 * the cost of a testbench process switch per clock edge. Not a test: figures vary by machine.
 * Run with {@code java -cp ... dev.nvmekit.sim.bench.SimBenchmark [seconds-per-measurement]}.
 */
public final class SimBenchmark {
    private SimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        System.out.println("design                     IR nodes   embedded c/s   interpreter c/s   icarus c/s   embedded/icarus  interp/icarus");
        for (int cells : new int[] {4, 400}) {
            Design design = Elaborator.elaborate(new LfsrMesh(cells)).design();
            int nodes = Flattener.flatten(design).exprNodes();
            double compiled = cyclesPerSecond(new EmbeddedBackend(), design, seconds);
            double interpreted = cyclesPerSecond(new InterpreterBackend(), design, seconds);
            double icarus = icarusCyclesPerSecond(design, cells < 100 ? 200_000 : 2_000);
            System.out.printf(Locale.ROOT, "lfsr_mesh(%3d cells)       %8d   %12.0f   %15.0f   %10s   %15s  %13s%n", cells, nodes, compiled, interpreted,
                    icarus > 0 ? String.format(Locale.ROOT, "%.0f", icarus) : "n/a",
                    icarus > 0 ? String.format(Locale.ROOT, "%.1fx", compiled / icarus) : "n/a",
                    icarus > 0 ? String.format(Locale.ROOT, "%.2fx", interpreted / icarus) : "n/a");
        }
        ProcessCost cost = processSwitchCost(200_000);
        System.out.printf(Locale.ROOT, "%nprocess cost per clock edge (lfsr_mesh(4), %d cycles):%n", cost.cycles());
        System.out.printf(Locale.ROOT, "  plain poke+step loop                  %8.0f ns/cycle%n", cost.plainNs());
        System.out.printf(Locale.ROOT, "  process resumed every edge            %8.0f ns/cycle  (+%.0f ns per switch)%n", cost.everyCycleNs(), cost.switchNs());
        System.out.printf(Locale.ROOT, "  processes only waiting (cycles/cond.) %8.0f ns/cycle  (+%.0f ns, no switch)%n", cost.waitingOnlyNs(), cost.waitingOnlyNs() - cost.plainNs());
    }

    /** Steps with a poke and a peek per cycle (what a testbench does), after a warm-up; see {@link #measure}. */
    public static double cyclesPerSecond(SimulatorBackend backend, Design design, double seconds) {
        return measure(backend, design, seconds).cyclesPerSecond();
    }

    /**
     * Cycles per second once the simulator runs at its steady speed, and how long it took to get
     * there. A compiled model starts interpreted and reaches machine code only after HotSpot has
     * compiled its methods, which for a large design takes seconds; so the warm-up runs in windows
     * of a quarter of {@code seconds} (at least half of {@code seconds} in all) until the JIT
     * compilers have been quiet for two windows in a row (where the JVM reports compilation time;
     * else until three windows are no more than 10 % faster than the best before them), for at
     * most 20 times {@code seconds}. Then {@code seconds} are measured.
     */
    public static Speed measure(SimulatorBackend backend, Design design, double seconds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        try (Simulator sim = backend.open(design, SimulationOptions.defaults())) {
            Simulator.SignalInfo seed = sim.signal("seed");
            Simulator.SignalInfo digest = sim.signal("digest");
            sim.reset(1);
            long[] sink = new long[1];
            long start = System.nanoTime();
            long window = (long) (seconds * 0.25e9);
            long minWarm = start + (long) (seconds * 0.5e9);
            long maxWarm = start + (long) (seconds * 20e9);
            double best = 0;
            int settled = 0;
            long compiled = jitTimed ? jit.getTotalCompilationTime() : 0;
            long now = start;
            while (now < maxWarm && (now < minWarm || settled < (jitTimed ? 2 : 3))) {
                double rate = run(sim, seed, digest, window, sink);
                if (jitTimed) {
                    long c = jit.getTotalCompilationTime();
                    settled = c - compiled <= 10 ? settled + 1 : 0; // ms of compilation in the window: a little is the bench itself
                    compiled = c;
                } else {
                    settled = rate > best * 1.1 ? 0 : settled + 1;
                }
                best = Math.max(best, rate);
                now = System.nanoTime();
            }
            double warmup = (now - start) / 1e9;
            double rate = run(sim, seed, digest, (long) (seconds * 1e9), sink);
            if (sink[0] == 42) System.out.print("");
            return new Speed(rate, warmup);
        }
    }

    /** Cycles per second of the workload for about {@code nanos}. */
    private static double run(Simulator sim, Simulator.SignalInfo seed, Simulator.SignalInfo digest, long nanos, long[] sink) {
        long cycles = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                sim.poke(seed, sim.cycle() & 0xFFFF);
                sink[0] += sim.peek(digest);
                sim.step();
            }
            cycles += 64;
            now = System.nanoTime();
        } while (now < end);
        return cycles / ((now - start) / 1e9);
    }

    /** A steady speed and the warm-up it took (JIT compilation of the model, for the embedded backend). */
    public record Speed(double cyclesPerSecond, double warmupSeconds) {
    }

    /** Icarus on the emitted Verilog with a bench that pokes the seed every cycle; 0 when iverilog is missing. */
    public static double icarusCyclesPerSecond(Design design, int cycles) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("simbench");
        try {
            Files.writeString(dir.resolve("design.v"), VerilogEmitter.emit(design));
            String tb = """
                    `timescale 1ps/1ps
                    module tb;
                      reg clk = 0; reg rst = 1; reg [31:0] seed = 0; wire [31:0] digest; integer i;
                      %s dut (.clk(clk), .rst(rst), .seed(seed), .digest(digest));
                      initial begin
                        #5000 clk = 1; #5000 clk = 0; rst = 0;
                        for (i = 0; i < %d; i = i + 1) begin
                          seed = i; #5000 clk = 1; #5000 clk = 0;
                        end
                        $display("%%h", digest);
                        $finish;
                      end
                    endmodule
                    """.formatted(design.top(), cycles);
            Files.writeString(dir.resolve("tb.v"), tb);
            if (run(dir, "iverilog", "-g2005", "-o", "sim.vvp", "-s", "tb", "tb.v", "design.v") < 0) return 0;
            long start = System.nanoTime();
            if (run(dir, "vvp", "-n", "sim.vvp") < 0) return 0;
            return cycles / ((System.nanoTime() - start) / 1e9);
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static int run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) return -1;
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Cost per clock edge of a process that runs every cycle (one hand-off to its virtual thread
     * and back), and of one that only waits (no hand-off), against the same loop without processes.
     */
    public static ProcessCost processSwitchCost(int cycles) {
        Design design = Elaborator.elaborate(new LfsrMesh(4)).design();
        ProcessCost result = null;
        for (int round = 0; round < 2; round++) { // the first round warms up
            double plain;
            double everyCycle;
            double waitingOnly;
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
                long t0 = System.nanoTime();
                for (int i = 0; i < cycles; i++) {
                    sim.poke("seed", i & 0xFFFF);
                    sim.step();
                }
                plain = (System.nanoTime() - t0) / (double) cycles;
            }
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults()); Testbench tb = new Testbench(sim, 1)) {
                tb.fork("driver", ctx -> {
                    for (int i = 0; i < cycles; i++) {
                        ctx.poke("seed", i & 0xFFFF);
                        ctx.waitCycles(1);
                    }
                });
                long t0 = System.nanoTime();
                tb.run(cycles + 10);
                everyCycle = (System.nanoTime() - t0) / (double) cycles;
            }
            try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults()); Testbench tb = new Testbench(sim, 1)) {
                tb.fork("driver", ctx -> {
                    for (int i = 0; i < cycles; i += 1000) {
                        ctx.poke("seed", i & 0xFFFF);
                        ctx.waitCycles(1000);
                    }
                });
                tb.fork("watcher", ctx -> ctx.waitUntil(() -> ctx.sim().peek("digest") == 0x1234_5678L && ctx.cycle() < 0));
                long t0 = System.nanoTime();
                tb.runCycles(cycles);
                waitingOnly = (System.nanoTime() - t0) / (double) cycles;
            }
            result = new ProcessCost(cycles, plain, everyCycle, waitingOnly);
        }
        return result;
    }

    /**
     * Nanoseconds per cycle of a plain poke+step loop, of the same loop in a process resumed on
     * every edge, and of processes that only wait (for many cycles or for a condition).
     */
    public record ProcessCost(int cycles, double plainNs, double everyCycleNs, double waitingOnlyNs) {
        /** What one hand-off to a process and back adds to a clock edge. */
        public double switchNs() {
            return everyCycleNs - plainNs;
        }
    }
}
