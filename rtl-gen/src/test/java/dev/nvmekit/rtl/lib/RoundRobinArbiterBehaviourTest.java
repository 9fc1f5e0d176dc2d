package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Elaborator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arbiter grants the first requester after the last served one, so no pending requester starves. */
class RoundRobinArbiterBehaviourTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} requesters")
    @ValueSource(ints = {1, 3, 4, 7})
    void grantsInRotatingOrder(int n) throws Exception {
        Random random = new Random(n);
        List<Map<String, Long>> stimulus = new ArrayList<>();
        for (int c = 0; c < 500; c++) {
            // First all request (pure rotation), then random requests and advances.
            long request = c < 3 * n ? (1L << n) - 1 : random.nextLong() & ((1L << n) - 1);
            stimulus.add(Map.of("request", request, "advance", c < 3 * n || random.nextBoolean() ? 1L : 0L));
        }
        var trace = IcarusTrace.run(Elaborator.elaborate(new RoundRobinArbiter(n)).design(), dir, stimulus, List.of());

        int lastServed = n - 1; // after reset requester 0 comes first
        for (int c = 0; c < trace.size(); c++) {
            Map<String, Long> t = trace.get(c);
            long request = t.get("request");
            Integer winner = null;
            for (int k = 1; k <= n && winner == null; k++) {
                int i = (lastServed + k) % n;
                if ((request >> i & 1) == 1) winner = i;
            }
            String at = "cycle " + c + " " + t;
            assertEquals(winner == null ? 0L : 1L, t.get("grant_valid"), at);
            assertEquals(winner == null ? 0L : 1L << winner, t.get("grant"), at);
            if (winner != null) {
                assertEquals((long) winner, t.get("grant_index"), at);
                if (t.get("advance") == 1) lastServed = winner;
            }
            if (c < 3 * n) assertEquals(c % n, t.get("grant_index").intValue(), "all requesting: strict rotation, " + at);
        }
    }

    @ParameterizedTest(name = "{0} requesters")
    @ValueSource(ints = {2, 5})
    void aSteadyRequesterWaitsAtMostOneRound(int n) throws Exception {
        Random random = new Random(11);
        List<Map<String, Long>> stimulus = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            long others = random.nextLong() & ((1L << n) - 1);
            stimulus.add(Map.of("request", others | (1L << (n - 1)), "advance", 1L));
        }
        var trace = IcarusTrace.run(Elaborator.elaborate(new RoundRobinArbiter(n)).design(), dir, stimulus, List.of());
        int wait = 0;
        for (Map<String, Long> t : trace) {
            wait = t.get("grant_index") == n - 1 ? 0 : wait + 1;
            assertTrue(wait < n, "requester " + (n - 1) + " waited " + wait + " grants");
        }
    }
}
