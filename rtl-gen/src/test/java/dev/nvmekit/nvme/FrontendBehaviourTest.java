package dev.nvmekit.nvme;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviour of contract §4 and the errors of §3.7/§4.2, checked with {@link FrontendBench}
 * (random stalls and out-of-order read data unless said) on the simulator of
 * {@link FrontendScenarios#open}: Icarus here, the project's simulators in subclasses elsewhere.
 */
class FrontendBehaviourTest extends FrontendScenarios {

    @Test
    void registersAfterResetAndEnable() {
        try (FrontendBench b = bench(SMALL, 1)) {
            b.run(20);
            assertEquals(63 | 1 << 16 | 1 << 24, b.read32(0x00), "CAP low: MQES 63, CQR 1, AMS 0, TO 1");
            assertEquals(1 << 5 | 4 << 20, b.read32(0x04), "CAP high: DSTRD 0, CSS NVM, MPSMIN 0, MPSMAX 4");
            assertEquals(0x0001_0400, b.read32(0x08), "VS 1.4");
            assertEquals(0, b.read32(0x1C), "CSTS after reset");
            assertEquals(0, b.read32(0x0FF8), "unimplemented offset reads 0");
            b.write32(0x00, 0xFFFF_FFFFL);
            assertEquals(63 | 1 << 16 | 1 << 24, b.read32(0x00), "CAP ignores writes");
            b.write32(0x24, 0xFFFF_FFFFL);
            assertEquals(0x0FFF_0FFF, b.read32(0x24), "AQA reserved bits read 0");
            b.write32(0x28, 0xFFFF_FFFFL);
            assertEquals(0xFFFF_F000L, b.read32(0x28), "ASQ bits 11:0 reserved");
            b.write32(0x0C, 0x5);
            b.write32(0x0C, 0x2);
            assertEquals(0x7, b.read32(0x0C), "INTMS sets mask bits");
            b.write32(0x10, 0x1);
            assertEquals(0x6, b.read32(0x10), "INTMC clears them, both read the mask");
            b.enable(ASQ, ACQ, 8);
            assertEquals(1, b.read32(0x1C) & 1, "RDY");
            assertEquals(1, b.dut.peek("ctrl_enabled"));
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void adminCommandsFlowFromDoorbellToInterrupt() {
        try (FrontendBench b = bench(SMALL, 2)) {
            b.memory.stall = 0.3;
            b.enable(ASQ, ACQ, 8);
            List<byte[]> sent = entries(10, 5, 100);
            b.submit(0, sent);
            b.runUntil(() -> b.commands.size() == 5, 3000, "five commands");
            for (int i = 0; i < 5; i++) {
                assertEquals(0, b.commands.get(i).sqid());
                assertArrayEquals(sent.get(i), b.commands.get(i).sqe(), "SQE " + i + " as in host memory");
            }
            for (int i = 0; i < 5; i++) b.completions.add(new FrontendBench.Completion(0, 10 + i, status(i), 0xABCD_0000L + i, i == 4 ? 0xFFFF_FFFFL : 0x1234_5678L));
            b.runUntil(() -> b.interrupts.size() >= 1 && b.completions.isEmpty() && !b.memory.busy(), 3000, "CQEs and an interrupt");
            b.run(50);
            List<FrontendBench.Cqe> cqes = b.reap(0);
            assertEquals(5, cqes.size());
            for (int i = 0; i < 5; i++) {
                FrontendBench.Cqe c = cqes.get(i);
                assertEquals(0xABCD_0000L + i, c.dw0());
                assertEquals(i == 4 ? 0xFFFF_FFFFL : 0x1234_5678L, c.dw1());
                assertEquals(5, c.sqhd(), "SQHD: all five handed to the back end");
                assertEquals(0, c.sqid());
                assertEquals(10 + i, c.cid());
                assertEquals(1, c.phase(), "phase 1 on the first pass");
                assertEquals(status(i), c.status());
            }
            assertTrue(b.interrupts.stream().allMatch(i -> i.vector() == 0));
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    /** Statuses with every bit of the 15-bit field used somewhere, next to the phase bit. */
    private static int status(int i) {
        return switch (i) {
            case 3 -> 0x4002;
            case 4 -> 0x7FFF;
            default -> 0;
        };
    }

    @Test
    void queueManagementAnswersEveryError() {
        try (FrontendBench b = bench(SMALL, 3)) {
            b.enable(ASQ, ACQ, 8);
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(0, 0, 0x30_0000, 15, 0, 1, 1, 0, 0), "create CQ 0");
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(0, 5, 0x30_0000, 15, 0, 1, 1, 0, 0), "create CQ past ioQueues");
            assertEquals(CompletionStatus.INVALID_QUEUE_SIZE, b.queueOp(0, 1, 0x30_0000, 0, 0, 1, 1, 0, 0), "one-entry CQ");
            assertEquals(CompletionStatus.INVALID_QUEUE_SIZE, b.queueOp(0, 1, 0x30_0000, 64, 0, 1, 1, 0, 0), "CQ above MQES");
            assertEquals(CompletionStatus.INVALID_INTERRUPT_VECTOR, b.queueOp(0, 1, 0x30_0000, 15, 0, 1, 5, 0, 0), "vector past msixVectors");
            assertEquals(0, b.createCq(1, 0x30_0000, 16, 1));
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(0, 1, 0x30_0000, 15, 0, 1, 1, 0, 0), "CQ 1 exists");
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(1, 0, 0x40_0000, 15, 1, 0, 0, 0, 0), "create SQ 0");
            assertEquals(CompletionStatus.INVALID_QUEUE_SIZE, b.queueOp(1, 1, 0x40_0000, 0, 1, 0, 0, 0, 0), "one-entry SQ");
            assertEquals(CompletionStatus.INVALID_QUEUE_SIZE, b.queueOp(1, 1, 0x40_0000, 64, 1, 0, 0, 0, 0), "SQ above MQES");
            assertEquals(CompletionStatus.COMPLETION_QUEUE_INVALID, b.queueOp(1, 1, 0x40_0000, 15, 2, 0, 0, 0, 0), "SQ on missing CQ");
            assertEquals(CompletionStatus.COMPLETION_QUEUE_INVALID, b.queueOp(1, 1, 0x40_0000, 15, 0, 0, 0, 0, 0), "SQ on the admin CQ");
            assertEquals(0, b.createSq(1, 0x40_0000, 16, 1));
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(1, 1, 0x40_0000, 15, 1, 0, 0, 0, 0), "SQ 1 exists");
            assertEquals(CompletionStatus.INVALID_QUEUE_DELETION, b.queueOp(3, 1, 0, 0, 0, 0, 0, 0, 0), "CQ 1 still has SQ 1");
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(2, 2, 0, 0, 0, 0, 0, 0, 0), "delete missing SQ");
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(2, 0, 0, 0, 0, 0, 0, 0, 0), "delete admin SQ");
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(3, 0, 0, 0, 0, 0, 0, 0, 0), "delete admin CQ");
            assertEquals(0, b.queueOp(2, 1, 0, 0, 0, 0, 0, 0, 0));
            assertEquals(0, b.queueOp(3, 1, 0, 0, 0, 0, 0, 0, 0));
            assertEquals(CompletionStatus.INVALID_QUEUE_IDENTIFIER, b.queueOp(3, 1, 0, 0, 0, 0, 0, 0, 0), "delete CQ twice");
            assertEquals(0, b.queueOp(4, 0, 0, 0, 0, 0, 0, 3, 2), "coalescing");
            assertEquals(0, b.queueOp(5, 0, 0, 0, 0, 0, 0, 2, 0), "arbitration burst");
            assertEquals(0, b.queueOp(6, 0, 0, 0, 0, 1, 4, 0, 0), "vector 4 coalescing disable");
            assertEquals(CompletionStatus.INVALID_FIELD, b.queueOp(6, 0, 0, 0, 0, 1, 5, 0, 0), "vector past msixVectors");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void invalidDoorbellsRaiseEventsAndAreIgnored() {
        try (FrontendBench b = bench(SMALL, 4)) {
            b.enable(ASQ, ACQ, 8);
            b.write32(0x1000 + 2 * 4 * 3, 1);      // SQ 3 tail: no such queue
            b.write32(0x1000 + (2 * 2 + 1) * 4, 0); // CQ 2 head: no such queue
            b.write32(0x1000 + 2 * 4 * 9, 1);      // SQ 9 > ioQueues
            b.write32(0x1000, 8);                  // admin SQ tail = size: invalid value
            b.write32(0x1004, 1);                  // admin CQ head beyond the posted entries
            b.write32(0x1004, 8);                  // admin CQ head = size: invalid value
            b.run(20);
            assertEquals(List.of(new FrontendBench.Event(0, 0, 3), new FrontendBench.Event(0, 0, 2), new FrontendBench.Event(0, 0, 9),
                    new FrontendBench.Event(0, 1, 0), new FrontendBench.Event(0, 1, 0), new FrontendBench.Event(0, 1, 0)), b.events);
            assertEquals(0, b.commands.size(), "nothing fetched");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void ioQueuesAreServedRoundRobinInQueueOrder() {
        try (FrontendBench b = bench(SMALL, 5)) {
            b.memory.stall = 0.2;
            b.memory.readLatency = 6;
            b.cmdStall = 0.2;
            b.autoComplete = true;
            b.enable(ASQ, ACQ, 8);
            b.createQueuePairs(3);
            assertEquals(0, b.queueOp(5, 0, 0, 0, 0, 0, 0, 1, 0), "Arbitration Burst 1: two SQEs per turn");
            b.memory.holdReads = true;
            for (int q = 1; q <= 3; q++) b.submit(q, entries(100 * q, 10, q * 1000L));
            b.memory.holdReads = false;
            b.runUntil(() -> b.commands.size() == 30 && b.completions.isEmpty() && !b.memory.busy(), 20_000, "30 commands completed");
            b.run(100);
            // SQ 1 had its first turn (held at the AR channel) and went back into the round before SQ 2 and 3
            // had work; from then on turns go 1, 2, 3, 1, ... two SQEs each.
            int[] expected = {1, 1, 1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3, 1, 1, 2, 2};
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], b.commands.get(i).sqid(), "command " + i + " comes from SQ " + expected[i]);
            for (int q = 1; q <= 3; q++) {
                List<FrontendBench.Cqe> cqes = b.reap(q);
                assertEquals(10, cqes.size());
                for (int i = 0; i < 10; i++) {
                    assertEquals(q, cqes.get(i).sqid());
                    assertEquals(100 * q + i, cqes.get(i).cid());
                    assertEquals((100 * q + i) * 3L, cqes.get(i).dw0());
                }
                int qq = q;
                assertTrue(b.interrupts.stream().anyMatch(i -> i.vector() == qq), "interrupt on vector " + q);
            }
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void fullCompletionQueueHoldsCompletionsAndPhaseFlipsOnWrap() {
        try (FrontendBench b = bench(SMALL, 6)) {
            b.enable(ASQ, ACQ, 8);
            assertEquals(0, b.createCq(1, 0x30_0000L, 2, 1));
            assertEquals(0, b.createSq(1, 0x40_0000L, 4, 1));
            b.submit(1, entries(0, 3, 7));
            b.runUntil(() -> b.commands.size() == 3, 3000, "three commands");
            for (int i = 0; i < 3; i++) b.completions.add(new FrontendBench.Completion(1, i, 0, i, 0));
            b.run(200);
            assertEquals(2, b.completions.size(), "a 2-entry CQ holds one entry; the others wait (cpl_ready low)");
            List<FrontendBench.Cqe> first = b.reap(1);
            assertEquals(1, first.size());
            assertEquals(1, first.getFirst().phase());
            b.run(200);
            List<FrontendBench.Cqe> second = b.reap(1);
            assertEquals(1, second.size());
            assertEquals(1, second.getFirst().phase(), "entry 1 is still on the first pass");
            assertEquals(1, second.getFirst().cid());
            b.run(200);
            List<FrontendBench.Cqe> third = b.reap(1);
            assertEquals(2, third.getFirst().cid());
            assertEquals(0, third.getFirst().phase(), "phase inverted after the wrap");
            assertEquals(3, third.getFirst().sqhd());
            assertTrue(b.completions.isEmpty());
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void hostMemoryErrorSetsCfsUntilControllerReset() {
        try (FrontendBench b = bench(SMALL, 7)) {
            b.enable(ASQ, ACQ, 8);
            b.memory.readError = a -> a >= ASQ && a < ASQ + 4096;
            b.submit(0, entries(1, 2, 1));
            b.runUntil(() -> (b.read32(0x1C) & 2) == 2, 3000, "CSTS.CFS");
            b.run(50);
            assertEquals(0, b.commands.size(), "data answered with an error is not handed on");
            b.write32(0x14, 0x0046_0000);
            b.runUntil(() -> (b.read32(0x1C) & 1) == 0, 20_000, "RDY cleared by the reset");
            assertEquals(0, b.read32(0x1C), "CFS cleared by the controller reset");
            assertEquals(0, b.dut.peek("ctrl_enabled"));
            b.memory.readError = a -> false;
            b.enable(ASQ + 0x10_0000, ACQ + 0x10_0000, 8);
            b.submit(0, entries(5, 1, 9));
            b.runUntil(() -> b.commands.size() == 1, 3000, "a command after re-enable");
            assertEquals(5, b.commands.getFirst().cid());
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }

    @Test
    void shutdownHandshake() {
        try (FrontendBench b = bench(SMALL, 8)) {
            b.enable(ASQ, ACQ, 8);
            b.write32(0x14, 0x0046_4001);
            assertEquals(1, b.dut.peek("ctrl_shutdown_req"));
            assertEquals(0x5, b.read32(0x1C), "SHST 01b processing, RDY still 1");
            b.dut.poke("ctrl_shutdown_done", 1);
            b.run(3);
            assertEquals(0x9, b.read32(0x1C), "SHST 10b complete");
            b.dut.poke("ctrl_fatal", 1);
            b.run(2);
            assertEquals(0xB, b.read32(0x1C), "ctrl_fatal shows as CFS");
        }
    }

    @Test
    void coalescingWaitsForThresholdOrTime() {
        try (FrontendBench b = bench(SMALL, 9)) {
            b.enable(ASQ, ACQ, 8);
            assertEquals(0, b.createCq(1, 0x30_0000L, 16, 1));
            assertEquals(0, b.createSq(1, 0x40_0000L, 16, 1));
            assertEquals(0, b.queueOp(4, 0, 0, 0, 0, 0, 0, 2, 10), "THR 2 (three entries), TIME 10 (200 cycles here)");
            b.submit(1, entries(0, 4, 3));
            b.runUntil(() -> b.commands.size() == 4, 3000, "four commands");
            b.completions.add(new FrontendBench.Completion(1, 0, 0, 0, 0));
            b.completions.add(new FrontendBench.Completion(1, 1, 0, 0, 0));
            b.run(60);
            assertEquals(0, b.interrupts.size(), "two entries wait for the threshold");
            b.completions.add(new FrontendBench.Completion(1, 2, 0, 0, 0));
            b.runUntil(() -> !b.interrupts.isEmpty(), 100, "interrupt at the threshold");
            long t = b.cycle;
            b.completions.add(new FrontendBench.Completion(1, 3, 0, 0, 0));
            b.runUntil(() -> b.interrupts.size() == 2, 400, "interrupt by time");
            long waited = b.cycle - t;
            assertTrue(waited >= 200, "held for TIME x 100 us, waited " + waited);
            // The admin CQ is never coalesced.
            b.submit(0, entries(40, 1, 4));
            b.runUntil(() -> b.commands.size() == 5, 3000, "admin command");
            b.completions.add(new FrontendBench.Completion(0, 40, 0, 0, 0));
            b.runUntil(() -> b.interrupts.size() == 3, 60, "admin interrupt at once");
            assertEquals(0, b.interrupts.get(2).vector());
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }
}
