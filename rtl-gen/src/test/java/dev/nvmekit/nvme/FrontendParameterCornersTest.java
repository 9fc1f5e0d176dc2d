package dev.nvmekit.nvme;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenarios in a configuration other than {@link FrontendScenarios#SMALL}: doorbell stride
 * 4 (doorbells 64 bytes apart, §4.2) with a 64-bit host memory bus, so that an SQE is eight
 * beats, a full fetch burst 32 and a CQE write two.
 */
class FrontendParameterCornersTest extends FrontendScenarios {
    static final FrontendParameters STRIDE4_BUS64 = SMALL.withDoorbellStride(4).withDmaDataBits(64);

    @Test
    void stride4On64BitBus() {
        FrontendParameters p = STRIDE4_BUS64;
        try (FrontendBench b = bench(p, 21)) {
            b.memory.stall = 0.25;
            b.memory.readLatency = 5;
            assertEquals(4, b.read32(0x04) & 0xF, "CAP.DSTRD");
            b.enable(ASQ, ACQ, 8);
            List<byte[]> admin = entries(7, 3, 40);
            b.submit(0, admin); // SQ 0 tail at 0x1000
            b.runUntil(() -> b.commands.size() == 3, 3000, "three admin commands");
            for (int i = 0; i < 3; i++) assertArrayEquals(admin.get(i), b.commands.get(i).sqe(), "admin SQE " + i);
            for (int i = 0; i < 3; i++) b.completions.add(new FrontendBench.Completion(0, 7 + i, 0x7FFF - i, 0xFFFF_FFF0L + i, 0x8000_0001L));
            b.runUntil(() -> b.completions.isEmpty() && !b.memory.busy(), 3000, "admin CQEs");
            b.run(50);
            List<FrontendBench.Cqe> cqes = b.reap(0); // CQ 0 head at 0x1040
            assertEquals(3, cqes.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(new FrontendBench.Cqe(0xFFFF_FFF0L + i, 0x8000_0001L, 3, 0, 7 + i, 1, 0x7FFF - i), cqes.get(i), "admin CQE " + i);
            }
            assertEquals(0, b.createCq(3, 0x30_0000L, 16, 2));
            assertEquals(0, b.createSq(3, 0x40_0000L, 16, 3));
            b.autoComplete = true;
            List<byte[]> io = entries(300, 10, 77);
            b.submit(3, io); // SQ 3 tail at 0x1000 + 6 × 64
            b.runUntil(() -> b.commands.size() == 13 && b.completions.isEmpty() && !b.memory.busy(), 5000, "ten I/O commands");
            b.run(50);
            for (int i = 0; i < 10; i++) assertArrayEquals(io.get(i), b.commands.get(3 + i).sqe(), "I/O SQE " + i);
            List<FrontendBench.Cqe> ioCqes = b.reap(3); // CQ 3 head at 0x1000 + 7 × 64
            assertEquals(10, ioCqes.size());
            for (int i = 0; i < 10; i++) {
                FrontendBench.Cqe c = ioCqes.get(i);
                // Completed as soon as handed over: SQHD counts the SQEs handed over by then.
                assertTrue(c.sqhd() >= i + 1 && c.sqhd() <= 10, "SQHD " + c.sqhd() + " of I/O CQE " + i);
                assertEquals(new FrontendBench.Cqe((300L + i) * 3, 7, c.sqhd(), 3, 300 + i, 1, 0), c, "I/O CQE " + i);
            }
            assertTrue(b.interrupts.stream().anyMatch(i -> i.vector() == 2), "interrupt on CQ 3's vector");
            int largest = b.memory.readBursts.stream().mapToInt(HostMemory.ReadBurst::beats).max().orElseThrow();
            assertEquals(p.fetchBurst() * 8, largest, "a full burst is fetchBurst SQEs of eight 64-bit beats");
            b.write32(0x1000 + 2 * 64 * 4, 1); // SQ 4 tail: no such queue
            b.write32(0x1000 + 64 * 7, 5);     // CQ 3 head beyond the posted entries
            b.run(20);
            assertEquals(List.of(new FrontendBench.Event(0, 0, 4), new FrontendBench.Event(0, 1, 3)), b.events);
            assertTrue(b.violations.isEmpty(), b.violations::toString);
        }
    }
}
