package dev.nvmekit.nvme;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cases {@link FrontendBehaviourTest} leaves out: a CQE write answered SLVERR (§3.3),
 * Coalescing Disable (§3.7 op 6, §4.6), a vector held by INTMS and released by INTMC, read
 * data returned out of order across IDs under random stalls, and the limits of one fetch burst
 * (§3.3, §4.3: at most {@code fetchBurst} SQEs, none past the tail, none across 4 KiB).
 */
class FrontendFaultsAndFetchTest extends FrontendScenarios {

    /** Reaps {@code n} CQEs of one CQ, freeing entries as they come. */
    static List<FrontendBench.Cqe> drain(FrontendBench b, int cq, int n) {
        List<FrontendBench.Cqe> all = new ArrayList<>();
        for (int i = 0; i < 200 && all.size() < n; i++) {
            b.run(50);
            all.addAll(b.reap(cq));
        }
        assertEquals(n, all.size(), "CQEs on CQ " + cq);
        return all;
    }

    @Test
    void cqeWriteErrorSetsCfsWithoutInterruptAndStopsFetching() {
        try (FrontendBench b = bench(SMALL, 11)) {
            b.enable(ASQ, ACQ, 8);
            b.memory.writeError = a -> a >= ACQ && a < ACQ + 4096;
            b.submit(0, entries(1, 1, 1));
            b.runUntil(() -> b.commands.size() == 1, 3000, "the command");
            b.completions.add(new FrontendBench.Completion(0, 1, 0, 5, 6));
            b.runUntil(() -> (b.read32(0x1C) & 2) == 2, 3000, "CSTS.CFS after BRESP SLVERR");
            assertFalse(b.memory.writes.getLast().okay(), "the CQE write was the one answered SLVERR");
            b.run(100);
            assertTrue(b.interrupts.isEmpty(), "no interrupt announces a CQE whose write failed (§3.4)");
            b.submit(0, entries(2, 1, 2));
            b.run(300);
            assertEquals(1, b.commands.size(), "no fetch after the host memory error");
            assertEquals(3, b.read32(0x1C), "CFS and RDY");
            b.write32(0x14, 0x0046_0000);
            b.runUntil(() -> (b.read32(0x1C) & 1) == 0, 20_000, "RDY cleared by the reset");
            assertEquals(0, b.read32(0x1C), "CFS cleared by the controller reset");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void coalescingDisableBypassesCoalescingOnItsVectorOnly() {
        try (FrontendBench b = bench(SMALL, 12)) {
            b.autoComplete = true;
            b.enable(ASQ, ACQ, 8);
            b.createQueuePairs(2);
            assertEquals(0, b.queueOp(4, 0, 0, 0, 0, 0, 0, 7, 255), "THR 7 (eight entries), TIME 255 (5100 cycles here)");
            assertEquals(0, b.queueOp(6, 0, 0, 0, 0, 1, 1, 0, 0), "Coalescing Disable on vector 1");
            b.submit(1, entries(0, 1, 1));
            b.submit(2, entries(0, 1, 2));
            b.runUntil(() -> !b.interrupts.isEmpty(), 400, "an interrupt on vector 1 at once");
            b.runUntil(() -> b.commands.size() == 2 && b.completions.isEmpty() && !b.memory.busy(), 400, "both CQEs");
            b.run(300);
            assertEquals(List.of(1), b.interrupts.stream().map(FrontendBench.Interrupt::vector).toList(), "vector 2 is still coalesced");
            assertEquals(1, b.reap(1).size());
            assertEquals(0, b.queueOp(6, 0, 0, 0, 0, 0, 1, 0, 0), "Coalescing Disable cleared on vector 1");
            b.submit(1, entries(1, 1, 3));
            b.runUntil(() -> b.commands.size() == 3 && b.completions.isEmpty() && !b.memory.busy(), 400, "the CQE");
            b.run(300);
            assertEquals(1, b.interrupts.size(), "vector 1 waits for THR or TIME again");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void maskedVectorHoldsItsRequestUntilIntmc() {
        try (FrontendBench b = bench(SMALL, 13)) {
            b.autoComplete = true;
            b.enable(ASQ, ACQ, 8);
            assertEquals(0, b.createCq(1, 0x30_0000L, 16, 3));
            assertEquals(0, b.createSq(1, 0x40_0000L, 16, 1));
            b.write32(0x0C, 1 << 3);
            b.submit(1, entries(0, 2, 1));
            b.runUntil(() -> b.commands.size() == 2 && b.completions.isEmpty() && !b.memory.busy(), 3000, "two CQEs");
            b.run(200);
            assertTrue(b.interrupts.isEmpty(), "vector 3 is masked");
            b.submit(0, entries(50, 1, 3));
            b.runUntil(() -> !b.interrupts.isEmpty(), 3000, "the admin interrupt");
            assertEquals(0, b.interrupts.getFirst().vector(), "vector 0 is not masked");
            b.run(100);
            assertEquals(1, b.interrupts.size(), "vector 3 still held");
            b.write32(0x10, 1 << 3);
            b.runUntil(() -> b.interrupts.size() == 2, 100, "the held request after INTMC");
            assertEquals(3, b.interrupts.get(1).vector());
            assertEquals(2, b.reap(1).size());
            assertEquals(0, b.read32(0x0C), "mask clear");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void readDataOutOfOrderAcrossIdsUnderStalls() {
        try (FrontendBench b = bench(SMALL, 14)) {
            b.memory.stall = 0.3;
            b.memory.readLatency = 12;
            b.cmdStall = 0.3;
            b.autoComplete = true;
            b.enable(ASQ, ACQ, 8);
            b.createQueuePairs(3);
            Map<Integer, List<byte[]>> sent = new HashMap<>();
            b.memory.holdReads = true;
            for (int q = 1; q <= 3; q++) {
                sent.put(q, entries(100 * q, 12, 1000L * q));
                b.submit(q, sent.get(q));
            }
            b.memory.holdReads = false;
            b.runUntil(() -> b.commands.size() == 36 && b.completions.isEmpty() && !b.memory.busy(), 20_000, "36 commands completed");
            Map<Integer, Integer> seen = new HashMap<>();
            for (FrontendBench.Command c : b.commands) {
                int i = seen.merge(c.sqid(), 1, Integer::sum) - 1;
                assertArrayEquals(sent.get(c.sqid()).get(i), c.sqe(), "SQE " + i + " of SQ " + c.sqid());
            }
            assertTrue(b.memory.reorderedReturns > 0, "some read data came back before older data of another ID");
            assertTrue(b.memory.readBursts.stream().map(HostMemory.ReadBurst::id).distinct().count() > 1, "several IDs in use");
            for (int q = 1; q <= 3; q++) {
                List<FrontendBench.Cqe> cqes = b.reap(q);
                assertEquals(12, cqes.size());
                for (int i = 0; i < 12; i++) assertEquals(100 * q + i, cqes.get(i).cid());
            }
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void fetchBurstsStayWithinFetchBurstTheTailAndThePage() {
        try (FrontendBench b = bench(SMALL, 15)) {
            b.memory.readLatency = 8;
            b.memory.stall = 0.2;
            b.autoComplete = true;
            b.enable(ASQ, ACQ, 8);
            long sqBase = 0x40_0000L;
            assertEquals(0, b.createCq(1, 0x30_0000L, 64, 1));
            assertEquals(0, b.createSq(1, sqBase, 64, 1), "64 SQEs: the SQ fills its 4 KiB page");
            List<byte[]> sent = new ArrayList<>(entries(0, 3, 1));
            b.submit(1, sent);
            b.runUntil(() -> b.commands.size() == 3 && b.completions.isEmpty() && !b.memory.busy(), 3000, "three commands");
            List<byte[]> more = entries(3, 62, 10);
            sent.addAll(more);
            b.submit(1, more); // tail 3 → 1: the fetch runs to the end of the page and wraps
            b.runUntil(() -> b.commands.size() == 65, 20_000, "65 commands");
            List<FrontendBench.Cqe> cqes = drain(b, 1, 65);
            for (int i = 0; i < 65; i++) assertEquals(i, cqes.get(i).cid(), "CQE " + i);
            for (int i = 0; i < 65; i++) assertArrayEquals(sent.get(i), b.commands.get(i).sqe(), "SQE " + i);
            int bytes = SMALL.dmaDataBits() / 8, fetched = 0, largest = 0;
            for (HostMemory.ReadBurst r : b.memory.readBursts) {
                if (r.address() < sqBase || r.address() >= sqBase + 4096) continue;
                int sqes = r.beats() * bytes / 64;
                assertEquals(0, (r.address() - sqBase) % 64, "bursts start on an SQE");
                assertTrue(sqes <= SMALL.fetchBurst(), "burst of " + sqes + " SQEs at " + Long.toHexString(r.address()));
                assertTrue(r.address() + 64L * sqes <= sqBase + 4096, "burst at " + Long.toHexString(r.address()) + " runs past the queue end");
                fetched += sqes;
                largest = Math.max(largest, sqes);
            }
            assertEquals(65, fetched, "each SQE fetched once, none past the tail");
            assertEquals(SMALL.fetchBurst(), largest, "full bursts are used when there is work");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }
}
