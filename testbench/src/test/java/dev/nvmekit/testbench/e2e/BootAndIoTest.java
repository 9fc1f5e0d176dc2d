package dev.nvmekit.testbench.e2e;

import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.FeatureIdentifier;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Boot, I/O and shutdown of the whole simulated SSD — host driver model, generated front end,
 * firmware — on each simulator ({@link SimulatorKind}): data checked byte for byte over PRPs (one
 * page, two pages, a PRP list, an offset first page) and SGLs, on both namespaces, at queue depth,
 * on polled queues and behind a congested host memory.
 */
class BootAndIoTest {

    /** Enables, identifies, moves data at several sizes and shuts down; what both backends must do. */
    static void bootReadWriteShutdown(SimulatedSsd s, long seed) {
        HostDriver d = s.driver();
        Random rnd = new Random(seed);
        s.run(ctx -> {
            d.enable();
            IdentifyController id = d.identifyController();
            assertEquals("NVMEKIT0001", id.serialNumber().trim());
            assertEquals("nvmekit simulated SSD", id.modelNumber().trim());
            assertEquals("1.0", id.firmwareRevision().trim());
            assertEquals(5, id.mdts());
            assertEquals(4, id.nn());
            assertEquals(1, id.sgls() & 3, "SGLs supported");
            assertEquals(List.of(1, 2), d.activeNamespaces().nsids());
            assertEquals(List.of(1, 2), d.namespaces().keySet().stream().sorted().toList());
            assertEquals(512, d.identifyNamespace(1).blockSize());
            assertEquals(8192, d.identifyNamespace(1).nsze());
            assertEquals(4096, d.identifyNamespace(2).blockSize());
            assertEquals(1024, d.identifyNamespace(2).ncap());
            // Number of Queues as granted at bring-up: both counts 0's based.
            HostRequest nq = d.adminCommand(SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                    .cdw10(FeatureIdentifier.NUMBER_OF_QUEUES.getFeaturesCdw10(0)).build());
            assertTrue(nq.status().isSuccess(), nq.status().toString());
            assertEquals(1 | 1 << 16, nq.dw0(), "2 SQs and 2 CQs granted");
            assertEquals(2, d.ioQueues().size());

            // blocks × 512 B: 512 B, 4 KiB in PRP1, 8 KiB in PRP1+PRP2, 12 KiB from an offset (PRP list),
            // 64 KiB and 128 KiB (SGL, above the 32 KiB threshold), 36 KiB from an odd dword (SGL).
            int[][] cases = {{1, 0}, {8, 0}, {16, 0}, {24, 512}, {128, 0}, {256, 0}, {72, 4}};
            for (int i = 0; i < cases.length; i++) {
                int blocks = cases[i][0], offset = cases[i][1];
                byte[] out = new byte[blocks * 512];
                rnd.nextBytes(out);
                long lba = 300L * i;
                assertTrue(d.transfer(NvmOpcode.WRITE, i, 1, lba, blocks, out, offset).isSuccess());
                byte[] in = new byte[out.length];
                assertTrue(d.transfer(NvmOpcode.READ, i + 1, 1, lba, blocks, in, (offset + 256) % 4096).isSuccess());
                assertArrayEquals(out, in, blocks + " blocks at offset " + offset);
            }
            byte[] out = new byte[3 * 4096];
            rnd.nextBytes(out);
            assertTrue(d.write(2, 1021, 3, out).isSuccess());
            byte[] in = new byte[out.length];
            assertTrue(d.read(2, 1021, 3, in).isSuccess());
            assertArrayEquals(out, in, "4 KiB-block namespace");
            d.shutdown();
        }, 5_000_000);
        assertEquals(HostDriver.State.SHUT_DOWN, d.state());
        assertTrue(FirmwareSsd.firmware(s).shutdownDone(), "the firmware reported shutdown complete");
        assertTrue(d.log().dmesg().contains("shutdown complete"), d.log().dmesg());
        List<FirmwareSsd.Handed> io = FirmwareSsd.handed(s).stream().filter(h -> h.sqid() > 0).toList();
        assertTrue(io.stream().anyMatch(h -> h.sqe().usesSgl()), "SGL used");
        assertTrue(io.stream().anyMatch(h -> !h.sqe().usesSgl() && h.sqe().prp2() != 0), "PRP2 / PRP list used");
        assertTrue(s.interrupts().count(1) > 0 && s.interrupts().count(2) > 0, d.procInterrupts());
        FirmwareSsd.assertClean(s);
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void bootsIdentifiesMovesDataOverPrpAndSglAndShutsDown(SimulatorKind kind) {
        try (SimulatedSsd s = FirmwareSsd.open(kind, AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(2))) {
            bootReadWriteShutdown(s, 7);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aCongestedHostMemoryChangesTimingButNotData(SimulatorKind kind) {
        try (SimulatedSsd s = FirmwareSsd.open(kind, AxiMemoryConfig.stressed(11), HostDriverConfig.fastSimulation(2))) {
            bootReadWriteShutdown(s, 8);
        }
    }

    /** Many commands in flight on every queue, interrupt-driven and polled, against a stressed host memory. */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void queueDepthOnInterruptAndPolledQueues(SimulatorKind kind) {
        HostDriverConfig cfg = HostDriverConfig.fastSimulation(2).withPollQueues(1).withIoQueueDepth(16).withSglThreshold(8192);
        try (SimulatedSsd s = FirmwareSsd.open(kind, AxiMemoryConfig.stressed(5), cfg)) {
            HostDriver d = s.driver();
            Random rnd = new Random(3);
            s.run(ctx -> {
                d.enable();
                assertEquals(3, d.ioQueues().size());
                assertTrue(d.ioQueues().get(2).polled());
                for (int round = 0; round < 3; round++) {
                    List<HostRequest> writes = new ArrayList<>();
                    List<byte[]> data = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        int blocks = 1 + rnd.nextInt(32);
                        byte[] b = new byte[blocks * 512];
                        rnd.nextBytes(b);
                        data.add(b);
                        writes.add(d.submitIo(NvmOpcode.WRITE, i, 1, 64L * i, blocks, b, 4 * rnd.nextInt(1024), i % 3 == 2));
                    }
                    for (HostRequest r : writes) { d.await(r); assertTrue(r.status().isSuccess(), r.status().toString()); }
                    List<HostRequest> reads = new ArrayList<>();
                    List<byte[]> back = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        byte[] b = new byte[data.get(i).length];
                        back.add(b);
                        reads.add(d.submitIo(NvmOpcode.READ, i + 1, 1, 64L * i, b.length / 512, b, 0, i % 3 == 0));
                    }
                    for (int i = 0; i < 40; i++) {
                        d.await(reads.get(i));
                        assertTrue(reads.get(i).status().isSuccess());
                        assertArrayEquals(data.get(i), back.get(i), "round " + round + " command " + i);
                    }
                }
                d.shutdown();
            }, 20_000_000);
            var stats = d.statistics();
            assertTrue(stats.get(3).submitted() > 30, "the polled queue was used: " + stats);
            assertEquals(0, s.interrupts().count(3), "no interrupts for the polled queue");
            assertEquals(HostDriver.State.SHUT_DOWN, d.state());
            FirmwareSsd.assertClean(s);
        }
    }

    /** Without SGL support in the controller, large transfers go as PRP lists, and still arrive intact. */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void prpListsWhenTheControllerHasNoSgls(SimulatorKind kind) {
        var config = FirmwareSsd.config().sglSupported(false).build();
        try (SimulatedSsd s = FirmwareSsd.open(kind, config, AxiMemoryConfig.ideal(),
                HostDriverConfig.fastSimulation(1))) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                byte[] out = new byte[128 * 1024];
                new Random(1).nextBytes(out);
                assertTrue(d.transfer(NvmOpcode.WRITE, 0, 1, 1000, 256, out, 8).isSuccess());
                byte[] in = new byte[out.length];
                assertTrue(d.read(1, 1000, 256, in).isSuccess());
                assertArrayEquals(out, in);
            }, 3_000_000);
            assertTrue(FirmwareSsd.handed(s).stream().noneMatch(h -> h.sqe().usesSgl()));
            FirmwareSsd.assertClean(s);
        }
    }
}
