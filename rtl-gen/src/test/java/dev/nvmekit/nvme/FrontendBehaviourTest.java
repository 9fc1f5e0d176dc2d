package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Elaborator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviour of contract §4 and the errors of §3.7/§4.2, checked on the emitted Verilog under
 * Icarus with {@link FrontendBench} (random stalls and out-of-order read data unless said).
 */
class FrontendBehaviourTest {
    static final FrontendParameters SMALL = new FrontendParameters(4, 64, 128, 2, 0, 4, 5, 20);
    static final long ASQ = 0x10_0000L, ACQ = 0x20_0000L;

    @TempDir
    Path dir;

    FrontendBench bench(FrontendParameters p, long seed) {
        Assumptions.assumeTrue(IcarusDut.available(), "iverilog is not installed");
        return new FrontendBench(new IcarusDut(Elaborator.elaborate(new NvmeFrontend(p)).design(), dir), p, seed);
    }

    static List<byte[]> entries(int firstCid, int n, long tag) {
        List<byte[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(FrontendBench.sqe(0x06, firstCid + i, tag + i));
        return l;
    }

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
            for (int i = 0; i < 5; i++) b.completions.add(new FrontendBench.Completion(0, 10 + i, i == 3 ? 0x4002 : 0, 0xABCD_0000L + i, 0x1234_5678L));
            b.runUntil(() -> b.interrupts.size() >= 1 && b.completions.isEmpty() && !b.memory.busy(), 3000, "CQEs and an interrupt");
            b.run(50);
            List<FrontendBench.Cqe> cqes = b.reap(0);
            assertEquals(5, cqes.size());
            for (int i = 0; i < 5; i++) {
                FrontendBench.Cqe c = cqes.get(i);
                assertEquals(0xABCD_0000L + i, c.dw0());
                assertEquals(0x1234_5678L, c.dw1());
                assertEquals(5, c.sqhd(), "SQHD: all five handed to the back end");
                assertEquals(0, c.sqid());
                assertEquals(10 + i, c.cid());
                assertEquals(1, c.phase(), "phase 1 on the first pass");
                assertEquals(i == 3 ? 0x4002 : 0, c.status());
            }
            assertTrue(b.interrupts.stream().allMatch(i -> i.vector() == 0));
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
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
            b.run(20);
            assertEquals(List.of(new FrontendBench.Event(0, 0, 3), new FrontendBench.Event(0, 0, 2), new FrontendBench.Event(0, 0, 9),
                    new FrontendBench.Event(0, 1, 0), new FrontendBench.Event(0, 1, 0)), b.events);
            assertEquals(0, b.commands.size(), "nothing fetched");
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }
}
