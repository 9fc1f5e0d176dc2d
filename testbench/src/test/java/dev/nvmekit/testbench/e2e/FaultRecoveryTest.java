package dev.nvmekit.testbench.e2e;

import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.monitor.TraceEvent;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.port.Latency;
import dev.nvmekit.testbench.port.MemoryFault;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Faults end to end, each with the outcome the spec and the Linux driver give it: a command the
 * firmware loses (timeout → Abort → reset → retried once), an error response or no response to an
 * SQ fetch (Controller Fatal Status or a timeout, then a reset), bit flips on the host bus in an
 * SQE (the firmware's field checks) and in a data pointer (the data check catches it), and a DMA
 * fault in the firmware (Data Transfer Error reaches the host). The trace checker runs in each,
 * and each runs on both simulators ({@link SimulatorKind}).
 */
class FaultRecoveryTest {
    private static final HostDriverConfig FAST = HostDriverConfig.fastSimulation(1).withTimeouts(40_000, 20_000);

    private static SimulatedSsd ssd(SimulatorKind kind) {
        return FirmwareSsd.open(kind, AxiMemoryConfig.ideal(), FAST);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static long readsOf(SimulatedSsd s, long lba) {
        return FirmwareSsd.handed(s).stream().filter(h -> h.sqid() > 0 && h.sqe().opcode() == 0x02 && h.sqe().cdw10() == lba).count();
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aLostCommandTimesOutIsAbortedThenResetAndRetriedOnce(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            FirmwareBackEnd fw = FirmwareSsd.firmware(s);
            byte[] data = random(4096, 3);
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 7, 8, data).isSuccess());
                int[] lost = {0};
                fw.processor().hangCommands((sqid, sqe) -> sqid > 0 && sqe.opcode() == 0x02 && lost[0]++ == 0);
                byte[] in = new byte[4096];
                CompletionStatus st = d.read(1, 7, 8, in);
                assertTrue(st.isSuccess(), st.toString());
                assertArrayEquals(data, in);
                assertTrue(d.read(1, 7, 8, in).isSuccess(), "the queue works after recovery");
            }, 3_000_000);
            String log = d.log().dmesg();
            assertTrue(log.contains("timeout, aborting"), log);
            assertTrue(log.contains("Abort status: 0x0"), "the firmware answered the Abort (command not aborted)\n" + log);
            assertTrue(log.contains("timeout, reset controller"), log);
            assertTrue(log.contains("controller reset done"), log);
            assertEquals(HostDriver.State.LIVE, d.state());
            assertEquals(3, readsOf(s, 7), "the lost read, its one re-submission after the reset, and the check");
            FirmwareSsd.assertClean(s);
        }
    }

    static Stream<Arguments> slverrAndDecerr() {
        return SimulatorKind.crossedWith(2, 3);
    }

    @ParameterizedTest
    @MethodSource("slverrAndDecerr")
    void anErrorResponseToAnSqFetchIsFatalAndTheDriverResets(SimulatorKind kind, int resp) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            byte[] data = random(512, resp);
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 0, 1, data).isSuccess());
                // The next burst the front end reads is the fetch of the read command below.
                s.hostMemory().inject(new MemoryFault.ErrorResponse(new MemoryFault.NthBurst(MemoryFault.Direction.READ,
                        s.hostMemory().readBursts() + 1), resp));
                byte[] in = new byte[512];
                CompletionStatus st = d.read(1, 0, 1, in);
                assertTrue(st.isSuccess(), st.toString());
                assertArrayEquals(data, in);
            }, 3_000_000);
            assertEquals(1, s.hostMemory().injected().size());
            String log = d.log().dmesg();
            assertTrue(log.contains("controller is down; will reset: CSTS=0x3"), "CSTS.CFS set\n" + log);
            assertTrue(log.contains("controller reset done"), log);
            assertEquals(1, readsOf(s, 0), "the faulted fetch never reached the back end; the retry did");
            FirmwareSsd.assertClean(s);
        }
    }

    /**
     * An error response to the write of a CQE: the front end reports CSTS.CFS and raises no
     * interrupt for that entry (contract §3.3, §3.4), the memory is left as it was, so the host
     * never sees the completion; its timer finds CFS set and resets, and the read (executed once
     * already: reads are idempotent) is re-submitted and returns its data. The trace checker's
     * rule "an interrupt only after its CQE writes were answered OKAY" runs here too.
     */
    @ParameterizedTest
    @MethodSource("slverrAndDecerr")
    void anErrorResponseToACqeWriteIsFatalAndTheDriverResetsAndRetries(SimulatorKind kind, int resp) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            byte[] data = random(512, 10 + resp);
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 40, 1, data).isSuccess());
                // The front end writes nothing but CQEs: the next write burst is the read's completion.
                s.hostMemory().inject(new MemoryFault.ErrorResponse(new MemoryFault.NthBurst(MemoryFault.Direction.WRITE,
                        s.hostMemory().writeBursts() + 1), resp));
                byte[] in = new byte[512];
                CompletionStatus st = d.read(1, 40, 1, in);
                assertTrue(st.isSuccess(), st.toString());
                assertArrayEquals(data, in);
            }, 3_000_000);
            String log = d.log().dmesg();
            assertEquals(1, s.hostMemory().injected().size());
            assertTrue(s.hostMemory().injected().getFirst().write());
            assertTrue(log.contains("controller is down; will reset: CSTS=0x3"), "CSTS.CFS set\n" + log);
            assertTrue(log.contains("controller reset done"), log);
            assertEquals(2, readsOf(s, 40), "executed once (its CQE lost), then again after the reset");
            FirmwareSsd.assertClean(s);
        }
    }

    /**
     * Regression: with several fetch bursts of one SQ in flight, an error response on the first
     * must not let the front end hand out the entries fetched after it (they would run out of
     * queue order and SQHD would skip the lost ones). The controller goes fatal, the driver resets
     * and every command completes once, with its data.
     */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void anErrorOnOneOfSeveralFetchBurstsHandsOutNothingAfterIt(SimulatorKind kind) {
        AxiMemoryConfig slowReads = AxiMemoryConfig.ideal().withLatency(Latency.fixed(30), Latency.fixed(2)).withReorder(true);
        try (SimulatedSsd s = FirmwareSsd.open(kind, slowReads, FAST)) {
            HostDriver d = s.driver();
            byte[][] data = new byte[12][];
            s.run(ctx -> {
                d.enable();
                for (int i = 0; i < 12; i++) {
                    data[i] = random(512, 100 + i);
                    assertTrue(d.write(1, i, 1, data[i]).isSuccess());
                }
                s.hostMemory().inject(MemoryFault.slverr(new MemoryFault.NthBurst(MemoryFault.Direction.READ,
                        s.hostMemory().readBursts() + 1)));
                List<HostRequest> reads = new ArrayList<>();
                List<byte[]> in = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    in.add(new byte[512]);
                    reads.add(d.submitIo(NvmOpcode.READ, 0, 1, i, 1, in.get(i), 0));
                }
                for (int i = 0; i < 12; i++) {
                    d.await(reads.get(i));
                    assertTrue(reads.get(i).status().isSuccess(), reads.get(i).status().toString());
                    assertArrayEquals(data[i], in.get(i));
                }
            }, 3_000_000);
            assertTrue(s.hostMemory().readBursts() > 3, "several fetch bursts");
            assertTrue(d.log().dmesg().contains("controller is down; will reset"), d.log().dmesg());
            FirmwareSsd.assertClean(s);
        }
    }

    /**
     * A read burst that is never answered: the contract (§4.1) has CC.EN 1→0 wait for every AXI
     * transaction in flight, so after the timeout and the failed Abort the driver's reset cannot
     * disable the controller (CSTS.RDY stays 1), and Linux gives up on the device
     * ({@code nvme_wait_ready} fails, "Removing after probe failure"); the request fails with
     * Host Aborted. AXI gives a master no way to abandon a burst, so this is the front end keeping
     * the rules, not hanging by mistake; CAP.TO (500 ms) is honoured whenever the AXI side answers
     * in bounded time, as a PCIe endpoint does: its Completion Timeout (50 µs to 50 ms by default,
     * PCIe Base Specification section 2.8) ends a lost completion with SLVERR — the recovery in
     * {@link #aFetchLostOnTheLinkEndsInTheBridgesCompletionTimeoutAndTheDriverRecovers}.
     */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aFetchThatIsNeverAnsweredTimesOutAndTheResetCannotDisableTheController(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            CompletionStatus[] status = new CompletionStatus[1];
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 20, 2, random(1024, 4)).isSuccess());
                s.hostMemory().inject(new MemoryFault.NoResponse(new MemoryFault.NthBurst(MemoryFault.Direction.READ,
                        s.hostMemory().readBursts() + 1)));
                status[0] = d.read(1, 20, 2, new byte[1024]);
            }, 6_000_000);
            String log = d.log().dmesg();
            assertTrue(status[0].is(StatusCode.COMMAND_ABORTED_BY_HOST) && status[0].dnr(), status[0] + "\n" + log);
            assertTrue(log.contains("QID 1 timeout, aborting"), log);
            assertTrue(log.contains("resetting controller (timeout)"), log);
            assertTrue(log.contains("Device not ready; aborting reset, CSTS=0x1"), log);
            assertEquals(HostDriver.State.DEAD, d.state());
            assertTrue(s.hostMemory().outstanding() >= 1, "the unanswered burst (and fetches an in-order memory holds behind it)");
            assertEquals(1, s.simulator().peek("ctrl_enabled"), "the front end still waits for it");
            FirmwareSsd.assertClean(s);
        }
    }

    /** The cycle of the first trace event on {@code channel} after {@code cycle} that {@code test} accepts. */
    private static long firstAfter(SimulatedSsd s, long cycle, String channel, java.util.function.Predicate<TraceEvent> test) {
        return s.trace().events().stream().filter(e -> e.cycle() > cycle && e.channel().equals(channel) && test.test(e))
                .mapToLong(TraceEvent::cycle).findFirst().orElseThrow(() -> new AssertionError("no such " + channel + " event"));
    }

    static Stream<Arguments> bridgeCompletionTimeouts() {
        return SimulatorKind.crossedWith(1_000L, 12_000L);
    }

    /**
     * A fetch whose completion is lost on the PCIe link, ended by the endpoint bridge's Completion
     * Timeout with SLVERR after {@code bridgeCycles} — how the never-answered burst above looks
     * behind a real PCIe endpoint. Shorter than the driver's I/O timeout (2 000 cycles), the
     * controller is already fatal (CSTS.CFS) when the timer fires, and {@code nvme_timeout} resets
     * at once. Longer, the timer finds CFS clear and sends an Abort first (which cannot be handed
     * out either: SQEs leave in fetch order), resets on the second expiry, and the disable
     * (CC.EN = 0) completes when the bridge's answer ends the stuck burst, well within the ready
     * timeout. Either way the queues are created again and the read, re-submitted, returns its data.
     */
    @ParameterizedTest
    @MethodSource("bridgeCompletionTimeouts")
    void aFetchLostOnTheLinkEndsInTheBridgesCompletionTimeoutAndTheDriverRecovers(SimulatorKind kind, long bridgeCycles) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            byte[] data = random(1024, 4);
            CompletionStatus[] status = new CompletionStatus[1];
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 20, 2, data).isSuccess());
                s.hostMemory().inject(new MemoryFault.CompletionTimeout(new MemoryFault.NthBurst(MemoryFault.Direction.READ,
                        s.hostMemory().readBursts() + 1), bridgeCycles));
                byte[] in = new byte[1024];
                status[0] = d.read(1, 20, 2, in);
                assertArrayEquals(data, in);
                assertTrue(d.read(1, 20, 2, in).isSuccess(), "the queue works after recovery");
            }, 3_000_000);
            String log = d.log().dmesg();
            assertTrue(status[0].isSuccess(), status[0] + "\n" + log);
            assertEquals(1, s.hostMemory().injected().size());
            if (bridgeCycles < 2_000) {
                assertTrue(log.contains("controller is down; will reset: CSTS=0x3"), "CSTS.CFS at the timeout\n" + log);
                assertFalse(log.contains("aborting"), log);
            } else {
                assertTrue(log.contains("QID 1 timeout, aborting"), "CFS still clear: Abort first\n" + log);
                assertTrue(log.contains("resetting controller (timeout)"), log);
                // The disable waited for the stuck burst: CC.EN = 0, then the bridge's SLVERR, then RDY = 0.
                long faultAt = s.hostMemory().injected().getFirst().cycle();
                long disabled = firstAfter(s, faultAt, "s_axil_w", e -> (e.get("s_axil_wdata") & 0x00FF_0001L) == 0x0046_0000L); // CC: IOCQES 4, IOSQES 6, EN 0
                long slverr = firstAfter(s, faultAt, "m_axi_r", e -> e.get("m_axi_rresp") == 2);
                long notReady = firstAfter(s, faultAt, "ctrl_enabled", e -> e.get("ctrl_enabled") == 0);
                assertTrue(disabled < slverr && slverr <= notReady,
                        "CC.EN=0 at " + disabled + ", SLVERR at " + slverr + ", RDY=0 at " + notReady);
            }
            assertTrue(log.contains("controller reset done"), log);
            assertEquals(HostDriver.State.LIVE, d.state());
            assertEquals(2, FirmwareSsd.handed(s).stream().filter(h -> h.sqid() == 0 && h.sqe().opcode() == 0x01).count(),
                    "Create I/O SQ at bring-up and again after the reset");
            assertEquals(2, readsOf(s, 20), "the lost fetch never reached the back end; its re-submission and the check did");
            FirmwareSsd.assertClean(s);
        }
    }

    /** Bit 1 of the NSID (byte 4) turns namespace 1 into the inactive 3; bit 0 of the opcode turns Read into 03h. */
    static Stream<Arguments> nsidAndOpcodeBits() {
        return SimulatorKind.crossedWith(4 * 8 + 1, 0);
    }

    @ParameterizedTest
    @MethodSource("nsidAndOpcodeBits")
    void aBitFlippedInAFetchedSqeIsCaughtByTheFirmwaresFieldChecks(SimulatorKind kind, int bit) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            FirmwareBackEnd fw = FirmwareSsd.firmware(s);
            s.run(ctx -> {
                d.enable();
                s.hostMemory().inject(new MemoryFault.BitFlip(new MemoryFault.NthBurst(MemoryFault.Direction.READ,
                        s.hostMemory().readBursts() + 1), bit));
                CompletionStatus st = d.read(1, 0, 1, new byte[512]);
                StatusCode expected = bit == 0 ? StatusCode.INVALID_COMMAND_OPCODE : StatusCode.INVALID_NAMESPACE_OR_FORMAT;
                assertTrue(st.is(expected) && st.dnr(), "expected " + expected.title() + " with DNR, got " + st);
            }, 3_000_000);
            assertEquals(1, s.hostMemory().injected().size());
            assertEquals(1, fw.processor().errorLog().size(), "the firmware logged the error");
            FirmwareSsd.assertClean(s);
        }
    }

    /**
     * The firmware moves data with its own DMA, so data never crosses {@code m_axi_}; a flip on the
     * bus still corrupts data when it hits a data pointer: PRP1 bit 12 sends the write's DMA to
     * another page, and reading back shows the difference.
     */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aBitFlippedInADataPointerCorruptsDataThatTheReadBackCatches(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            byte[] data = random(4096, 5);
            s.run(ctx -> {
                d.enable();
                s.hostMemory().inject(new MemoryFault.BitFlip(new MemoryFault.NthBurst(MemoryFault.Direction.READ,
                        s.hostMemory().readBursts() + 1), 24 * 8 + 12));
                assertTrue(d.write(1, 50, 8, data).isSuccess(), "the controller cannot tell");
                byte[] in = new byte[4096];
                assertTrue(d.read(1, 50, 8, in).isSuccess());
                assertFalse(java.util.Arrays.equals(data, in), "verify catches the corruption");
            }, 3_000_000);
            assertEquals(1, s.hostMemory().injected().size());
            FirmwareSsd.assertClean(s);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void aDmaFaultInTheFirmwareReachesTheHostAsDataTransferError(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            FirmwareBackEnd fw = FirmwareSsd.firmware(s);
            byte[] data = random(2048, 6);
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 90, 4, data).isSuccess());
                fw.processor().setDmaFault((address, length, toHost) -> toHost);
                byte[] in = new byte[2048];
                HostRequest r = d.submitIo(NvmOpcode.READ, 0, 1, 90, 4, in, 0);
                d.await(r);
                assertTrue(r.status().is(StatusCode.DATA_TRANSFER_ERROR), r.status().toString());
                assertEquals(5, r.retries(), "Linux retries a retryable error max_retries times");
                fw.processor().setDmaFault(null);
                assertTrue(d.read(1, 90, 4, in).isSuccess());
                assertArrayEquals(data, in);
            }, 3_000_000);
            assertEquals(6, fw.processor().errorLog().stream().filter(e -> e.status().is(StatusCode.DATA_TRANSFER_ERROR)).count());
            FirmwareSsd.assertClean(s);
        }
    }
}
