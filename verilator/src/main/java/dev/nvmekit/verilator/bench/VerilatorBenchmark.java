package dev.nvmekit.verilator.bench;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.Simulator.SignalInfo;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.verilator.ModelCache;
import dev.nvmekit.verilator.VerilatorBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the Verilator backend's figures: nanoseconds per poke, peek and step(1) through FFM,
 * model build time cold (fresh model cache; the Verilator runtime objects already cached) and
 * cached, and simulated cycles per second with a poke and a peek per cycle (a testbench's
 * loop, beside the embedded backend on the same workload as the sim module's SimBenchmark) and
 * free-running. Not a test: figures vary by machine and load. Run with
 * {@code java --enable-native-access=ALL-UNNAMED -cp ... dev.nvmekit.verilator.bench.VerilatorBenchmark [seconds]}.
 */
public final class VerilatorBenchmark {
    private VerilatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path defaultRoot = ModelCache.defaultRoot(System.getenv(), System.getProperty(ModelCache.DIR_PROPERTY));
        Path models = Files.createTempDirectory("verilator-bench");
        try {
            System.out.println("design                 cold build ms   cached open ms   testbench c/s   free-running c/s   embedded testbench c/s");
            for (int cells : new int[] {4, 400}) {
                Design design = Elaborator.elaborate(new LfsrMesh(cells)).design();
                long t0 = System.nanoTime();
                new VerilatorBackend(new ModelCache(models, defaultRoot.resolve("runtime"))).open(design, SimulationOptions.defaults()).close();
                long cold = System.nanoTime() - t0;
                VerilatorBackend cached = new VerilatorBackend(new ModelCache(models, defaultRoot.resolve("runtime")));
                t0 = System.nanoTime();
                cached.open(design, SimulationOptions.defaults()).close();
                long warm = System.nanoTime() - t0;
                if (cached.cache().verilatorRuns() != 0) throw new IllegalStateException("the cached open ran Verilator");
                double embedded;
                try (Simulator sim = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
                    embedded = testbenchCyclesPerSecond(sim, seconds);
                }
                try (Simulator sim = cached.open(design, SimulationOptions.defaults())) {
                    System.out.printf(Locale.ROOT, "lfsr_mesh(%3d cells)   %13.0f   %14.1f   %13.0f   %16.0f   %22.0f%n", cells, cold / 1e6, warm / 1e6,
                            testbenchCyclesPerSecond(sim, seconds), freeRunningCyclesPerSecond(sim, seconds), embedded);
                    if (cells == 4) {
                        PerCall c = perCall(sim);
                        System.out.printf(Locale.ROOT, "per call on lfsr_mesh(4): poke %.1f ns, peek %.1f ns, peek after a poke (eval) %.1f ns, step(1) %.1f ns%n",
                                c.pokeNs(), c.peekNs(), c.peekAfterPokeNs(), c.stepNs());
                    }
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(models)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** A poke, a peek and a step per cycle, as the simulator benchmark's workload. */
    public static double testbenchCyclesPerSecond(Simulator sim, double seconds) {
        SignalInfo seed = sim.signal("seed");
        SignalInfo digest = sim.signal("digest");
        sim.reset(1);
        long sink = 0;
        long cycles = 0;
        long start = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            sim.poke(seed, sim.cycle() & 0xFFFF);
            sink += sim.peek(digest);
            sim.step();
        }
        start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                sim.poke(seed, sim.cycle() & 0xFFFF);
                sink += sim.peek(digest);
                sim.step();
            }
            cycles += 256;
            now = System.nanoTime();
        } while (now < end);
        consume(sink);
        return cycles / ((now - start) / 1e9);
    }

    /** step(10000): the clock runs inside the model, one native call per batch. */
    public static double freeRunningCyclesPerSecond(Simulator sim, double seconds) {
        sim.step(10_000);
        long cycles = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            sim.step(10_000);
            cycles += 10_000;
            now = System.nanoTime();
        } while (now < end);
        return cycles / ((now - start) / 1e9);
    }

    /** Nanoseconds per call of poke, peek (settled), peek right after a poke (one eval), step(1). */
    public static PerCall perCall(Simulator sim) {
        SignalInfo seed = sim.signal("seed");
        SignalInfo digest = sim.signal("digest");
        SignalInfo lfsr = sim.signal("lfsr0");
        long sink = 0;
        int n = 1 << 20;
        double poke = 0, peek = 0, peekAfterPoke = 0, step = 0;
        for (int round = 0; round < 3; round++) {   // the first rounds warm the JIT up; the last one counts
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) sim.poke(seed, i & 0xFFFF);
            long t1 = System.nanoTime();
            sim.peek(digest);
            for (int i = 0; i < n; i++) sink += sim.peek(lfsr);
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sim.poke(seed, i & 0xFFFF);
                sink += sim.peek(digest);
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n / 4; i++) sim.step(1);
            long t4 = System.nanoTime();
            poke = (t1 - t0) / (double) n;
            peek = (t2 - t1) / (double) n;
            peekAfterPoke = (t3 - t2) / (double) n - poke;
            step = (t4 - t3) / (double) (n / 4);
        }
        consume(sink);
        return new PerCall(poke, peek, peekAfterPoke, step);
    }

    /** Nanoseconds per poke, settled peek, peek right after a poke (includes one eval), and step(1). */
    public record PerCall(double pokeNs, double peekNs, double peekAfterPokeNs, double stepNs) {
    }

    private static void consume(long sink) {
        if (sink == 0x5EED_5EEDL) System.out.print("");
    }
}
