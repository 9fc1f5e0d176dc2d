package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.e2e.FirmwareSsd;
import dev.nvmekit.testbench.e2e.SimulatorKind;
import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.nvme.CompletionQueueEntry;
import dev.nvmekit.testbench.nvme.CreateIoCompletionQueueCommand;
import dev.nvmekit.testbench.nvme.CreateIoSubmissionQueueCommand;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyCommand;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.PrpBuilder;
import dev.nvmekit.testbench.nvme.SparseHostMemory;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The firmware behind the generated {@code nvme_frontend} (the end-to-end tests' one,
 * {@link FirmwareSsd#design()}) on both simulators, with a minimal host: enable, Identify, create
 * an I/O queue pair through {@code qm_}, write and read data back through it, and shut down.
 */
class FrontendEndToEndTest {
    private static final int ENTRIES = 16;
    private final SparseHostMemory memory = new SparseHostMemory();
    private final PrpBuilder prps = new PrpBuilder(memory);
    private final MiniHost host = new MiniHost(memory, 128);
    private BenchLoop loop;
    private BenchLoop.Context ctx;

    /** One queue pair as the host sees it. */
    private final class QueuePair {
        final int qid;
        final long sq = memory.allocate(ENTRIES * 64L, 4096);
        final long cq = memory.allocate(ENTRIES * 16L, 4096);
        int tail;
        int head;
        boolean phase = true;

        QueuePair(int qid) {
            this.qid = qid;
        }

        CompletionQueueEntry run(SubmissionQueueEntry sqe) {
            memory.write(sq + 64L * tail, sqe.encode());
            tail = (tail + 1) % ENTRIES;
            reg(0x1000 + 8L * qid, tail);
            long slot = cq + 16L * head;
            ctx.waitUntil(() -> CompletionQueueEntry.decode(memory.read(slot, 16)).phase() == phase);
            CompletionQueueEntry cqe = CompletionQueueEntry.decode(memory.read(slot, 16));
            head = (head + 1) % ENTRIES;
            if (head == 0) {
                phase = !phase;
            }
            reg(0x1004 + 8L * qid, head);
            return cqe;
        }
    }

    private void reg(long offset, long value) {
        host.startRegWrite(offset, value & 0xFFFF_FFFFL);
        ctx.waitUntil(host::regIdle);
    }

    private long readReg(long offset) {
        host.startRegRead(offset);
        ctx.waitUntil(host::regIdle);
        return host.regReadData;
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void identifyQueuesAndDataThroughTheRealFrontEnd(SimulatorKind kind) {
        FirmwareConfig config = ProcessorBench.small().build();
        try (Simulator sim = kind.backend().open(FirmwareSsd.design(), SimulationOptions.defaults())) {
            FirmwareBackEnd firmware = new FirmwareBackEnd(config, memory, new Media(config.media()), "");
            loop = new BenchLoop(sim).add(host).add(firmware);
            sim.reset(4);
            byte[] data = ProcessorBench.pattern(8 * 512, 11);
            byte[][] readBack = new byte[1][];
            String[] serial = new String[1];
            long[] shst = new long[1];
            loop.start("host", c -> {
                ctx = c;
                QueuePair admin = new QueuePair(0);
                reg(0x24, (ENTRIES - 1) | (ENTRIES - 1) << 16);
                reg(0x28, admin.sq);
                reg(0x2C, admin.sq >>> 32);
                reg(0x30, admin.cq);
                reg(0x34, admin.cq >>> 32);
                reg(0x14, 1 | 6 << 16 | 4 << 20);
                for (int i = 0; i < 1000 && (readReg(0x1C) & 1) == 0; i++) {
                    c.waitCycles(10);
                }
                long idBuf = memory.allocate(4096, 4096);
                CompletionQueueEntry id = admin.run(IdentifyCommand.of(IdentifyCns.CONTROLLER, 0)
                        .applyTo(SubmissionQueueEntry.builder(0)).cid(0x11).dataPointer(prps.map(idBuf, 4096)).build());
                assertTrue(id.status().isSuccess(), id.status().toString());
                assertEquals(0x11, id.cid());
                serial[0] = IdentifyController.parse(memory.read(idBuf, 4096)).serialNumber();

                QueuePair io = new QueuePair(1);
                CompletionQueueEntry cq = admin.run(CreateIoCompletionQueueCommand.linux(1, ENTRIES, io.cq, false)
                        .applyTo(SubmissionQueueEntry.builder(0)).cid(0x12).build());
                assertTrue(cq.status().isSuccess(), "create CQ: " + cq.status());
                CompletionQueueEntry sq = admin.run(CreateIoSubmissionQueueCommand.linux(1, ENTRIES, io.sq)
                        .applyTo(SubmissionQueueEntry.builder(0)).cid(0x13).build());
                assertTrue(sq.status().isSuccess(), "create SQ: " + sq.status());

                long wbuf = memory.allocate(data.length, 4096);
                memory.write(wbuf, data);
                CompletionQueueEntry w = io.run(SubmissionQueueEntry.builder(NvmOpcode.WRITE).cid(1).nsid(1).cdw10(40)
                        .cdw12(7).dataPointer(prps.map(wbuf, data.length)).build());
                assertTrue(w.status().isSuccess(), "write: " + w.status());
                assertEquals(1, w.sqId());
                long rbuf = memory.allocate(data.length, 4096);
                CompletionQueueEntry r = io.run(SubmissionQueueEntry.builder(NvmOpcode.READ).cid(2).nsid(1).cdw10(40)
                        .cdw12(7).dataPointer(prps.map(rbuf, data.length)).build());
                assertTrue(r.status().isSuccess(), "read: " + r.status());
                readBack[0] = memory.read(rbuf, data.length);

                reg(0x14, 1 | 6 << 16 | 4 << 20 | 1 << 14);
                for (int i = 0; i < 1000 && ((readReg(0x1C) >>> 2) & 3) != 2; i++) {
                    c.waitCycles(10);
                }
                shst[0] = (readReg(0x1C) >>> 2) & 3;
            });
            loop.runProcesses(200_000);
            assertEquals("NVMEKIT0001", serial[0]);
            assertArrayEquals(data, readBack[0]);
            assertEquals(2, shst[0], "CSTS.SHST shutdown complete");
            assertTrue(host.interrupts >= 2, "interrupts on the I/O CQ: " + host.interrupts);
        }
    }
}
