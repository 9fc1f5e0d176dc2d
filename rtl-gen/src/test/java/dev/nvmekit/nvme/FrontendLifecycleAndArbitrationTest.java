package dev.nvmekit.nvme;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §4.1 (CC.EN 1→0 with reads in flight), §4.6 (no interrupt with IEN clear) and §4.7 (the admin
 * SQ in the round like any other, at most 2^AB SQEs per turn), checked on the read bursts the
 * block issues: their order is the arbitration order.
 */
class FrontendLifecycleAndArbitrationTest extends FrontendScenarios {

    @Test
    void disableWaitsForReadsInFlightThenDeletesEveryQueue() {
        try (FrontendBench b = bench(SMALL, 31)) {
            b.enable(ASQ, ACQ, 8);
            assertEquals(0, b.createCq(1, 0x30_0000L, 16, 1));
            assertEquals(0, b.createSq(1, 0x40_0000L, 16, 1));
            b.memory.readLatency = 150;
            b.submit(1, entries(0, 8, 1));
            b.runUntil(() -> !b.memory.readBursts.isEmpty(), 200, "a read burst");
            b.write32(0x14, 0x0046_0000);
            int bursts = b.memory.readBursts.size();
            assertTrue(b.memory.busy(), "the read is still in flight");
            assertEquals(1, b.read32(0x1C) & 1, "RDY stays 1 while a read is in flight");
            b.runUntil(() -> b.dut.peek("ctrl_enabled") == 0, 2000, "RDY cleared");
            assertFalse(b.memory.busy(), "every AXI transaction ended before RDY cleared");
            assertEquals(0, b.read32(0x1C));
            b.run(200);
            assertEquals(bursts, b.memory.readBursts.size(), "no fetch after CC.EN 1→0");
            b.memory.readLatency = 0;
            b.enable(ASQ, ACQ, 8);
            b.write32(0x1000 + 8, 1);
            b.run(20);
            assertEquals(List.of(new FrontendBench.Event(0, 0, 1)), b.events, "SQ 1 was deleted");
            assertEquals(0, b.createCq(1, 0x30_0000L, 16, 1), "CQ 1 can be created again");
            assertEquals(0, b.createSq(1, 0x40_0000L, 16, 1), "SQ 1 can be created again");
            b.submit(1, entries(8, 2, 2)); // CIDs go on from the old SQ 1's for the order monitor
            b.runUntil(() -> b.commands.stream().anyMatch(c -> c.cid() == 9), 3000, "commands on the new SQ 1");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void noInterruptWhenIenIsClear() {
        try (FrontendBench b = bench(SMALL, 32)) {
            b.autoComplete = true;
            b.enable(ASQ, ACQ, 8);
            assertEquals(0, b.createCq(1, 0x30_0000L, 16, 1, 0));
            assertEquals(0, b.createSq(1, 0x40_0000L, 16, 1));
            b.submit(1, entries(0, 3, 1));
            b.runUntil(() -> b.commands.size() == 3 && b.completions.isEmpty() && !b.memory.busy(), 3000, "three CQEs");
            b.run(200);
            assertEquals(3, b.reap(1).size());
            assertTrue(b.interrupts.isEmpty(), "IEN 0: the CQ raises no interrupt");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void adminSqTakesTurnsLikeAnyOtherWithOneSqePerTurn() {
        try (FrontendBench b = bench(SMALL, 33)) {
            b.autoComplete = true;
            b.memory.readLatency = 4;
            b.enable(ASQ, ACQ, 8);
            long[] base = {ASQ, 0x40_1000L, 0x40_2000L};
            for (int q = 1; q <= 2; q++) {
                assertEquals(0, b.createCq(q, 0x30_0000L + 0x1000L * q, 16, q));
                assertEquals(0, b.createSq(q, base[q], 16, q));
            }
            assertEquals(0, b.queueOp(5, 0, 0, 0, 0, 0, 0, 0, 0), "Arbitration Burst 0: one SQE per turn");
            int[] work = {7, 12, 12};
            b.memory.holdReads = true;
            for (int q = 0; q <= 2; q++) b.submit(q, entries(100 * q, work[q], q));
            b.memory.holdReads = false;
            b.runUntil(() -> b.commands.size() == 31, 20_000, "31 commands");
            List<Integer> order = new ArrayList<>();
            for (HostMemory.ReadBurst r : b.memory.readBursts) {
                assertEquals(1, r.beats() * SMALL.dmaDataBits() / 8 / 64, "one SQE per burst with AB 0");
                for (int q = 0; q <= 2; q++) if (r.address() >= base[q] && r.address() < base[q] + 4096) order.add(q);
            }
            assertEquals(31, order.size(), order::toString);
            // Turns granted before every doorbell was written may favour the first queues; from the
            // fifth burst on, while all three have work, the turns rotate.
            int[] left = work.clone();
            for (int i = 0; i < 4; i++) left[order.get(i)]--;
            int checked = 0;
            for (int i = 4; i < order.size() && left[0] > 0 && left[1] > 0 && left[2] > 0; i++, checked++) {
                assertEquals(3, new java.util.HashSet<>(order.subList(i - 2, i + 1)).size(), "three queues in turn at burst " + i + " of " + order);
                assertEquals(order.get(i - 3), order.get(i), "round robin at burst " + i + " of " + order);
                left[order.get(i)]--;
            }
            assertTrue(checked >= 12, "the rotation was seen for " + checked + " bursts");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }
}
