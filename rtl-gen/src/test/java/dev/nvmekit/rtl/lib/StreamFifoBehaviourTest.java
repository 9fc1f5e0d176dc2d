package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FIFO against a queue model under random push and pop, through full and empty. */
class StreamFifoBehaviourTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 3, 4, 16})
    void keepsOrderAndReportsFullAndEmpty(int depth) throws Exception {
        Design d = Elaborator.elaborate(new StreamFifo<>(PayloadType.bundle(BundleSpec.word("data", 8)), depth)).design();
        Random random = new Random(depth);
        List<Map<String, Long>> stimulus = new ArrayList<>();
        for (int c = 0; c < 600; c++) {
            // Phases biased towards filling, then draining, then even.
            double pushRate = c < 200 ? 0.8 : c < 400 ? 0.2 : 0.5;
            stimulus.add(Map.of("push_valid", random.nextDouble() < pushRate ? 1L : 0L,
                    "push_data", (long) random.nextInt(256),
                    "pop_ready", random.nextDouble() < 1 - pushRate ? 1L : 0L));
        }
        List<Map<String, Long>> trace = IcarusTrace.run(d, dir, stimulus,
                List.of(new IcarusTrace.Hold("push", List.of("push_valid", "push_data"))));

        Deque<Long> model = new ArrayDeque<>();
        int pushes = 0;
        int pops = 0;
        boolean sawFull = false;
        boolean sawEmpty = false;
        for (int c = 0; c < trace.size(); c++) {
            Map<String, Long> t = trace.get(c);
            String at = "cycle " + c + " " + t;
            assertEquals(model.size(), t.get("occupancy"), at);
            assertEquals(model.size() < depth ? 1L : 0L, t.get("push_ready"), at);
            assertEquals(model.isEmpty() ? 0L : 1L, t.get("pop_valid"), at);
            sawFull |= model.size() == depth;
            sawEmpty |= model.isEmpty() && c > 0;
            if (t.get("pop_valid") == 1) assertEquals(model.peekFirst(), t.get("pop_data"), at);
            if (t.get("pop_valid") == 1 && t.get("pop_ready") == 1) {
                model.removeFirst();
                pops++;
            }
            if (t.get("push_valid") == 1 && t.get("push_ready") == 1) {
                model.addLast(t.get("push_data"));
                pushes++;
            }
        }
        assertTrue(sawFull && sawEmpty, "the run reaches both full and empty");
        assertTrue(pushes > 100 && pops > 100, "pushes " + pushes + ", pops " + pops);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {2, 5})
    void streamsAtFullRateWhenBothSidesAreAlwaysReady(int depth) throws Exception {
        Design d = Elaborator.elaborate(new StreamFifo<>(PayloadType.bundle(BundleSpec.word("data", 8)), depth)).design();
        List<Map<String, Long>> stimulus = new ArrayList<>();
        for (int c = 0; c < 50; c++) stimulus.add(Map.of("push_valid", 1L, "push_data", (long) c, "pop_ready", 1L));
        List<Map<String, Long>> trace = IcarusTrace.run(d, dir, stimulus, List.of());
        long expected = 0;
        for (int c = 1; c < trace.size(); c++) {
            Map<String, Long> t = trace.get(c);
            assertEquals(1L, t.get("pop_valid") & t.get("pop_ready") & t.get("push_ready"), "a transfer each cycle, cycle " + c + " " + t);
            assertEquals(expected++, t.get("pop_data"), "cycle " + c);
        }
    }
}
