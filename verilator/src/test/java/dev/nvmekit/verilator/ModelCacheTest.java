package dev.nvmekit.verilator;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The model cache: hits run no tool, concurrent builders (threads and another JVM) build once,
 * damaged entries are rebuilt. Models go to a fresh directory per test; the Verilator runtime
 * objects come from the user's cache so they are compiled once per machine, not per test.
 */
class ModelCacheTest {
    private static final Design COUNTER = TestDesigns.counter();
    private static final Path RUNTIME = ModelCache.defaultRoot(System.getenv(), System.getProperty(ModelCache.DIR_PROPERTY)).resolve("runtime");

    @TempDir
    Path models;

    private VerilatorInstallation tools;

    @BeforeEach
    void requireVerilator() {
        VerilatorBackend probe = new VerilatorBackend(new ModelCache(models, RUNTIME));
        assumeTrue(probe.available(), () -> "Verilator tests skipped: " + probe.unavailableReason());
        tools = probe.installation();
    }

    private ModelCache cache() {
        return new ModelCache(models, RUNTIME);
    }

    private static void assertCounts(ModelCache cache) {
        try (Simulator sim = new VerilatorBackend(cache).open(COUNTER, SimulationOptions.defaults())) {
            sim.reset(1);
            sim.poke("enable", 1);
            sim.step(3);
            assertEquals(3, sim.peek("count"));
        }
    }

    @Test
    void secondRunLoadsTheModelWithoutRunningVerilator() {
        ModelCache first = cache();
        assertCounts(first);
        assertEquals(1, first.verilatorRuns());
        ModelCache second = cache();   // as a new JVM would: nothing shared but the directory
        assertCounts(second);
        assertEquals(0, second.verilatorRuns(), "a cache hit runs neither Verilator");
        assertEquals(0, second.compilerRuns(), "nor the compiler");
    }

    @Test
    void damagedEntriesAreRebuiltNotLoaded() throws Exception {
        ModelCache cache = cache();
        Path library = cache.library(ModelSource.of(COUNTER), tools);
        assertEquals(1, cache.verilatorRuns());

        byte[] garbled = Files.readAllBytes(library);
        for (int i = garbled.length / 2; i < garbled.length / 2 + 64; i++) garbled[i] ^= 0x5A;
        Files.write(library, garbled);
        assertCounts(cache);
        assertEquals(2, cache.verilatorRuns(), "a garbled library is rebuilt");

        Files.delete(library.resolveSibling(CacheDirectory.MARKER));
        Path crashed = Files.createDirectory(models.resolve(library.getParent().getFileName() + ".tmp-crashed"));
        assertCounts(cache);
        assertEquals(3, cache.verilatorRuns(), "an entry without its completion marker is rebuilt");
        assertTrue(Files.notExists(crashed), "a crashed build's temporary directory is cleaned up");
    }

    @Test
    void concurrentBuildersInThreadsAndAnotherJvmBuildOnce() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CacheBuildChild.class.getName(), models.toString(), RUNTIME.toString())
                .redirectErrorStream(true);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                threads.add(pool.submit(() -> {
                    ModelCache c = cache();
                    start.await();
                    c.library(ModelSource.of(COUNTER), tools);
                    return c.verilatorRuns();
                }));
            }
            Process child = pb.start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, child.exitValue(), out);
            int childRuns = Integer.parseInt(out.lines().filter(l -> l.startsWith("verilator-runs=")).findFirst()
                    .orElseThrow(() -> new AssertionError("child printed no result:\n" + out)).substring("verilator-runs=".length()));
            int total = childRuns;
            for (Future<Integer> f : threads) total += f.get(10, TimeUnit.MINUTES);
            assertEquals(1, total, "two threads and a second JVM share one build");
        } finally {
            pool.shutdownNow();
        }
        assertCounts(cache());
    }

    @Test
    void verilatorErrorsAreQuotedInTheException() {
        ModelSource broken = new ModelSource(COUNTER.top(), "module wide_counter(input clk);\n  assign nothing = undefined_thing;\nendmodule\n", List.of());
        ModelCache cache = cache();
        SimulationException e = assertThrows(SimulationException.class,
                () -> new VerilatorBackend(cache).open(COUNTER, broken, SimulationOptions.defaults()));
        assertTrue(e.getMessage().contains("Verilator") && e.getMessage().contains("%Error"), e.getMessage());
        assertTrue(e.getMessage().contains("undefined_thing"), "the offending line is quoted: " + e.getMessage());
        assertEquals(0, cache.compilerRuns(), "no compile after a failed verilation");
    }

    @Test
    void keyDependsOnTheVerilog() {
        ModelCache cache = cache();
        ModelSource a = ModelSource.of(COUNTER);
        ModelSource b = new ModelSource(a.top(), a.verilog() + "\n// changed\n", a.blackBoxFiles());
        assertEquals(cache.key(a, tools), cache.key(ModelSource.of(TestDesigns.counter()), tools));
        assertNotEquals(cache.key(a, tools), cache.key(b, tools));
    }

    @Test
    void missingVerilatorSaysHowToInstallIt(@TempDir Path emptyPath) {
        SimulationException e = assertThrows(SimulationException.class,
                () -> VerilatorInstallation.locate(Map.of("PATH", emptyPath.toString())));
        assertTrue(e.getMessage().contains("apt-get install -y verilator"), e.getMessage());
    }
}
