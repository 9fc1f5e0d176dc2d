package dev.nvmekit.nvme;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random traffic from a seed: queue sizes, Arbitration Burst, host-memory stalls and latency,
 * back-end stalls and batch sizes are drawn at random; every SQE must reach {@code cmd_} intact
 * and in order, every CQE come back, and the protocol monitors stay quiet. The trace it returns
 * lets other modules compare simulators cycle for cycle.
 */
class FrontendRandomTrafficTest extends FrontendScenarios {
    static final int QUEUES = 4, ROUNDS = 5;

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103})
    void everySqeArrivesAndEveryCqeReturns(long seed) {
        try (FrontendBench b = bench(SMALL, seed)) {
            traffic(b, seed);
        }
    }

    /** Runs the traffic of {@code seed} on {@code b}, checks it, and returns the bench's trace. */
    static List<String> traffic(FrontendBench b, long seed) {
        Random r = new Random(seed);
        b.memory.stall = 0.1 + 0.5 * r.nextDouble();
        b.memory.readLatency = r.nextInt(30);
        b.cmdStall = 0.5 * r.nextDouble();
        b.autoComplete = true;
        b.enable(ASQ, ACQ, 8);
        int[] size = new int[QUEUES + 1];
        for (int q = 1; q <= QUEUES; q++) {
            size[q] = 2 << r.nextInt(5);
            assertEquals(0, b.createCq(q, 0x30_0000L + 0x1000L * q, 64, q % SMALL.msixVectors()));
            assertEquals(0, b.createSq(q, 0x40_0000L + 0x1000L * q, size[q], q));
        }
        assertEquals(0, b.queueOp(5, 0, 0, 0, 0, 0, 0, r.nextInt(8), 0));
        int[] next = new int[QUEUES + 1];
        int cqes = 0;
        Map<Integer, List<byte[]>> sent = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int q = 1; q <= QUEUES; q++) {
                List<byte[]> e = entries(next[q], 1 + r.nextInt(size[q] - 1), 1000L * q + next[q]);
                next[q] += e.size();
                sent.computeIfAbsent(q, k -> new ArrayList<>()).addAll(e);
                b.submit(q, e);
            }
            int total = sent.values().stream().mapToInt(List::size).sum();
            // Each SQ is fetched empty before the next round, so no batch overruns its queue.
            for (int i = 0; i < 400 && b.commands.size() < total; i++) cqes += reapAll(b);
            assertEquals(total, b.commands.size(), "commands after round " + round);
        }
        Map<Integer, Integer> seen = new HashMap<>();
        for (FrontendBench.Command c : b.commands) {
            int i = seen.merge(c.sqid(), 1, Integer::sum) - 1;
            assertArrayEquals(sent.get(c.sqid()).get(i), c.sqe(), "SQE " + i + " of SQ " + c.sqid());
        }
        for (int i = 0; i < 100 && cqes < b.commands.size(); i++) cqes += reapAll(b);
        assertEquals(b.commands.size(), cqes, "a CQE for every command");
        for (HostMemory.ReadBurst rb : b.memory.readBursts) assertTrue(rb.beats() * SMALL.dmaDataBits() / 8 / 64 <= SMALL.fetchBurst());
        assertTrue(b.violations.isEmpty(), b.violations::toString);
        List<String> trace = new ArrayList<>();
        for (FrontendBench.Command c : b.commands) trace.add("cmd " + c.cycle() + " sq " + c.sqid() + " cid " + c.cid());
        for (HostMemory.ReadBurst rb : b.memory.readBursts) trace.add("ar " + rb.cycle() + " id " + rb.id() + " @" + Long.toHexString(rb.address()) + " x" + rb.beats());
        for (HostMemory.WriteEvent w : b.memory.writes) trace.add("w " + w.cycle() + " @" + Long.toHexString(w.address()));
        for (FrontendBench.Interrupt i : b.interrupts) trace.add("irq " + i.cycle() + " v " + i.vector());
        return trace;
    }

    private static int reapAll(FrontendBench b) {
        b.run(50);
        int n = 0;
        for (int q = 1; q <= QUEUES; q++) n += b.reap(q).size();
        return n;
    }
}
