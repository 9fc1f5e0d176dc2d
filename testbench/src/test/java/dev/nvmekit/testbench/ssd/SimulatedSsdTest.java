package dev.nvmekit.testbench.ssd;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.testbench.e2e.SimulatorKind;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.firmware.NamespaceSpec;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.monitor.TraceEvent;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** End to end on both simulators: the front end RTL, the host driver model, the firmware back end. */
class SimulatedSsdTest {
    static Design design;

    @BeforeAll
    static void elaborate() {
        design = Elaborator.elaborate(new NvmeFrontend(FrontendParameters.DEFAULT.withIoQueues(4).withMaxQueueEntries(64)
                .withMsixVectors(5).withTicksPer100us(100))).design();
    }

    static SimulatedSsd ssd(SimulatorKind kind, AxiMemoryConfig mem, HostDriverConfig cfg) {
        FirmwareConfig fw = FirmwareConfig.builder().maxIoQueues(4).media(MediaConfig.INSTANT)
                .namespaces(List.of(new NamespaceSpec(1, 4096, 0))).build();
        return new SimulatedSsd(design, kind.backend(), (sim, memory) -> new FirmwareBackEnd(fw, memory), mem, cfg, 10_000);
    }

    /** The SQEs the front end handed to the back end, read back from the trace. */
    static List<SubmissionQueueEntry> received(SimulatedSsd s) {
        return s.trace().events().stream().filter(e -> e.kind() == TraceEvent.Kind.TRANSFER && e.channel().equals("cmd"))
                .map(e -> SubmissionQueueEntry.fromBusWord(e.fields().get("cmd_sqe"))).toList();
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void bootsReadsAndWritesOverPrpAndSglAndShutsDown(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind, AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(2))) {
            HostDriver d = s.driver();
            Random rnd = new Random(7);
            s.run(ctx -> {
                d.enable();
                assertEquals("NVMEKIT0001", d.identifyController().serialNumber().trim());
                assertEquals(List.of(1), List.copyOf(d.namespaces().keySet()));
                for (int blocks : new int[] {1, 8, 16, 128}) {        // 512 B, 4 KiB (PRP1), 8 KiB (PRP2), 64 KiB (SGL)
                    byte[] out = new byte[blocks * 512];
                    rnd.nextBytes(out);
                    assertTrue(d.write(1, 100, blocks, out).isSuccess());
                    byte[] in = new byte[out.length];
                    assertTrue(d.transfer(NvmOpcode.READ, 1, 1, 100, blocks, in, 512).isSuccess());
                    assertArrayEquals(out, in, blocks + " blocks");
                }
                d.shutdown();
            }, 3_000_000);
            assertEquals(HostDriver.State.SHUT_DOWN, d.state());
            List<SubmissionQueueEntry> io = received(s).stream()
                    .filter(e -> e.opcode() == 0x02 || e.opcode() == 0x01).toList();
            assertTrue(io.stream().anyMatch(e -> e.usesSgl()) && io.stream().anyMatch(e -> !e.usesSgl()), "both PRP and SGL used");
            assertTrue(s.interrupts().count(1) + s.interrupts().count(2) > 0, d.procInterrupts());
            assertEquals(List.of(), s.violations());
            System.out.print(d.log().dmesg());
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aLostCommandTimesOutIsAbortedThenResetAndRetriedOnce(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind, AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1).withTimeouts(20_000, 10_000))) {
            HostDriver d = s.driver();
            FirmwareBackEnd be = (FirmwareBackEnd) s.backEnd();
            byte[] data = new byte[4096];
            new Random(3).nextBytes(data);
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 7, 8, data).isSuccess());
                // The firmware swallows the next read; the Abort cannot find it, so a reset follows.
                int[] lost = {0};
                be.processor().hangCommands((sqid, e) -> sqid > 0 && e.opcode() == 0x02 && lost[0]++ < 1);
                byte[] in = new byte[4096];
                CompletionStatus st = d.read(1, 7, 8, in);
                assertTrue(st.isSuccess(), st.toString());
                assertArrayEquals(data, in);
            }, 3_000_000);
            String log = d.log().dmesg();
            assertTrue(log.contains("timeout, aborting"), log);
            assertTrue(log.contains("reset controller"), log);
            assertTrue(log.contains("controller reset done"), log);
            assertEquals(HostDriver.State.LIVE, d.state());
            // Read is I/O opcode 02h on namespace 1 (admin 02h, Get Log Page, carries NSID 0 at bring-up).
            long reads = received(s).stream().filter(e -> e.opcode() == 0x02 && e.nsid() == 1).count();
            assertEquals(2, reads, "the read is re-submitted exactly once after the reset");
            assertEquals(List.of(), s.violations());
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void slverrOnAnSqFetchSetsFatalStatusAndTheDriverResets(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind, AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1).withTimeouts(20_000, 10_000))) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                var q = d.ioQueues().getFirst();
                s.hostMemory().inject(dev.nvmekit.testbench.port.MemoryFault.slverr(new dev.nvmekit.testbench.port.MemoryFault.NthBurst(
                        dev.nvmekit.testbench.port.MemoryFault.Direction.READ, s.hostMemory().readBursts() + 1)));
                byte[] in = new byte[512];
                CompletionStatus st = d.read(1, 0, 1, in);
                assertTrue(st.isSuccess(), st.toString());
            }, 3_000_000);
            assertEquals(1, s.hostMemory().injected().size());
            String log = d.log().dmesg();
            assertTrue(log.contains("controller is down; will reset"), log);
            assertTrue(log.contains("controller reset done"), log);
            assertEquals(List.of(), s.violations());
        }
    }
}
