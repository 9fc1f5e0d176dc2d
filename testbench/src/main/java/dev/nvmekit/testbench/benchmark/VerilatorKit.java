package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.verilator.ModelCache;
import dev.nvmekit.verilator.ModelSource;
import dev.nvmekit.verilator.VerilatorBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Verilator side of one benchmark run: a backend whose model cache is a fresh temporary
 * directory (so the first build of each design is really cold, Verilator runtime included for
 * the first one), the native C++ loop, and the build times observed. Absent tools leave
 * {@link #unavailable()} saying why, and every Verilator figure is reported as skipped.
 */
final class VerilatorKit implements AutoCloseable {
    /** Build time of a design: the cold build, and a second open of the same design (cache hit). */
    record BuildTimes(double coldMs, double hitMs, int verilatorRunsOnHit) {
    }

    private final Path cacheRoot;
    private final VerilatorBackend backend;
    private final NativeVerilatorLoop loop;
    private final String unavailable;

    private VerilatorKit(Path cacheRoot, VerilatorBackend backend, NativeVerilatorLoop loop, String unavailable) {
        this.cacheRoot = cacheRoot;
        this.backend = backend;
        this.loop = loop;
        this.unavailable = unavailable;
    }

    static VerilatorKit open(BenchSettings settings) {
        if (!settings.verilator()) return new VerilatorKit(null, null, null, "skipped by --quick (Verilator builds take minutes)");
        try {
            Path root = Files.createTempDirectory("nvmekit-bench-verilator");
            VerilatorBackend b = new VerilatorBackend(new ModelCache(root));
            if (!b.available()) {
                ExternalTool.delete(root);
                return new VerilatorKit(null, null, null, b.unavailableReason());
            }
            NativeVerilatorLoop l;
            try {
                l = NativeVerilatorLoop.compile();
            } catch (IOException e) {
                return new VerilatorKit(root, b, null, null);
            }
            return new VerilatorKit(root, b, l, null);
        } catch (IOException e) {
            return new VerilatorKit(null, null, null, "cannot create a temporary model cache: " + e.getMessage());
        }
    }

    /** Why Verilator figures are missing, or null when Verilator is usable. */
    String unavailable() {
        return unavailable;
    }

    VerilatorBackend backend() {
        return backend;
    }

    /** The native loop, or null when it could not be compiled. */
    NativeVerilatorLoop loop() {
        return loop;
    }

    /** Builds {@code design} (cold in this run's cache, unless built before in it) and opens it a second time. */
    BuildTimes build(Design design) {
        long t0 = System.nanoTime();
        backend.open(design, SimulationOptions.defaults()).close();
        double cold = (System.nanoTime() - t0) / 1e6;
        VerilatorBackend again = new VerilatorBackend(new ModelCache(cacheRoot));
        t0 = System.nanoTime();
        again.open(design, SimulationOptions.defaults()).close();
        double hit = (System.nanoTime() - t0) / 1e6;
        return new BuildTimes(cold, hit, again.cache().verilatorRuns());
    }

    /** The shared library of {@code design}'s model (built if needed). */
    Path library(Design design) {
        return backend.cache().library(ModelSource.of(design), backend.installation());
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
        ExternalTool.delete(cacheRoot);
    }
}
