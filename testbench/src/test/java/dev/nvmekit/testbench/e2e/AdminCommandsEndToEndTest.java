package dev.nvmekit.testbench.e2e;

import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.nvme.*;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The firmware's admin command set issued by the host driver model through the generated front
 * end: features (those the front end implements go through {@code qm_}), log pages with real
 * counters, Abort, Format NVM, Sanitize, namespace management and attachment, and Asynchronous
 * Event Requests completed by the front end's doorbell errors. Every scenario runs on each
 * simulator ({@link SimulatorKind}): the embedded one and the Verilator model of the same front end.
 */
class AdminCommandsEndToEndTest {

    private static SimulatedSsd ssd(SimulatorKind kind) {
        return FirmwareSsd.open(kind, AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1));
    }

    private static HostRequest admin(HostDriver d, SubmissionQueueEntry.Builder b) {
        return d.adminCommand(b.build());
    }

    private static void ok(HostRequest r) {
        assertTrue(r.status().isSuccess(), r.command().opcode() + ": " + r.status());
    }

    /** An admin command that returns {@code bytes} (≤ 4 KiB) of data in one host page. */
    private static byte[] adminRead(SimulatedSsd s, SubmissionQueueEntry.Builder b, int bytes) {
        long buf = s.memory().allocate(4096, 4096);
        HostRequest r = s.driver().adminCommand(b.prp1(buf).build());
        ok(r);
        byte[] data = s.memory().read(buf, bytes);
        s.memory().free(buf);
        return data;
    }

    private static byte[] log(SimulatedSsd s, LogPageIdentifier lid, int bytes) {
        return adminRead(s, GetLogPageCommand.of(lid, bytes).applyTo(SubmissionQueueEntry.builder(AdminOpcode.GET_LOG_PAGE)), bytes);
    }

    private static HostRequest set(HostDriver d, FeatureValue v) {
        return admin(d, SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).cdw10(v.fid().setFeaturesCdw10(false)).cdw11(v.dword11()));
    }

    private static int get(HostDriver d, FeatureIdentifier fid, int cdw11) {
        HostRequest r = admin(d, SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES).cdw10(fid.getFeaturesCdw10(0)).cdw11(cdw11));
        ok(r);
        return r.dw0();
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void featuresAndLogPagesWithRealCounters(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                ok(set(d, new FeatureValue.Arbitration(3, 0, 0, 0)));
                assertEquals(3, get(d, FeatureIdentifier.ARBITRATION, 0) & 7);
                ok(set(d, new FeatureValue.PowerManagement(2, 0)));
                assertEquals(2, get(d, FeatureIdentifier.POWER_MANAGEMENT, 0));
                ok(set(d, new FeatureValue.TemperatureThreshold(350, 0, 0)));
                assertEquals(350, get(d, FeatureIdentifier.TEMPERATURE_THRESHOLD, 0) & 0xFFFF);
                ok(set(d, new FeatureValue.InterruptCoalescing(3, 1)));
                assertEquals(3 | 1 << 8, get(d, FeatureIdentifier.INTERRUPT_COALESCING, 0));
                ok(set(d, new FeatureValue.InterruptVectorConfiguration(1, true)));
                assertEquals(1 | 1 << 16, get(d, FeatureIdentifier.INTERRUPT_VECTOR_CONFIGURATION, 1));
                assertEquals(FeatureValue.AsyncEventConfiguration.NAMESPACE_ATTRIBUTE_NOTICES,
                        get(d, FeatureIdentifier.ASYNCHRONOUS_EVENT_CONFIGURATION, 0), "as the driver set it at bring-up");
                ok(set(d, new FeatureValue.AutonomousPowerStateTransition(false)));
                assertEquals(0, get(d, FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION, 0) & 1);
                // Data through vector 1 with coalescing disabled on it: still every completion arrives.
                Random rnd = new Random(2);
                for (int i = 0; i < 3; i++) {
                    byte[] b = new byte[4096];
                    rnd.nextBytes(b);
                    assertTrue(d.write(1, 8L * i, 8, b).isSuccess());
                }
                for (int i = 0; i < 2; i++) assertTrue(d.read(1, 8L * i, 8, new byte[4096]).isSuccess());
                CompletionStatus oor = d.read(1, 9000, 1, new byte[512]);
                assertTrue(oor.is(StatusCode.LBA_OUT_OF_RANGE) && oor.dnr(), oor.toString());

                SmartHealthLog smart = SmartHealthLog.parse(log(s, LogPageIdentifier.SMART_HEALTH_INFORMATION, 512));
                assertEquals(BigInteger.valueOf(3), smart.hostWriteCommands());
                assertEquals(BigInteger.valueOf(2), smart.hostReadCommands(), "the reads that succeeded");
                assertEquals(BigInteger.ONE, smart.dataUnitsWritten(), "24 blocks of 512 B: one unit of 1000, rounded up");
                assertEquals(313, smart.compositeTemperature());
                List<ErrorInformationEntry> errors = ErrorInformationEntry.parseLog(log(s, LogPageIdentifier.ERROR_INFORMATION, 4096));
                assertEquals(1, errors.size());
                assertTrue(errors.getFirst().status().is(StatusCode.LBA_OUT_OF_RANGE));
                assertEquals(9000, errors.getFirst().lba());
                assertEquals("1.0", FirmwareSlotLog.parse(log(s, LogPageIdentifier.FIRMWARE_SLOT_INFORMATION, 512)).activeRevision());
                var effects = CommandsSupportedAndEffectsLog.parse(log(s, LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS, 4096));
                assertTrue(effects.admin(AdminOpcode.FORMAT_NVM).csupp() && effects.io(NvmOpcode.WRITE).csupp());
            }, 3_000_000);
            FirmwareSsd.assertClean(s);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void abortFindsAQueuedCommandAndNotAFinishedOne(SimulatorKind kind) {
        // A slow firmware core (40 cycles a command) keeps the last of 30 reads queued long enough.
        try (SimulatedSsd s = FirmwareSsd.open(kind, FirmwareSsd.config().commandCycles(40).build(),
                AxiMemoryConfig.ideal(), HostDriverConfig.fastSimulation(1))) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                List<HostRequest> reads = new ArrayList<>();
                for (int i = 0; i < 30; i++) reads.add(d.submitIo(NvmOpcode.READ, 0, 1, i, 8, new byte[4096], 0));
                HostRequest victim = reads.getLast();
                // Abort it once the front end has handed it to the firmware, where it waits behind the others.
                ctx.waitUntil(() -> FirmwareSsd.handed(s).stream().anyMatch(h -> h.sqid() == 1 && h.sqe().cid() == victim.cid()));
                HostRequest abort = admin(d, SubmissionQueueEntry.builder(AdminOpcode.ABORT).cdw10(victim.sqid() | victim.cid() << 16));
                ok(abort);
                assertEquals(0, abort.dw0() & 1, "the command was still queued in the firmware: aborted");
                for (HostRequest r : reads) { d.await(r); assertTrue(r.status().isSuccess(), r.status().toString()); }
                assertEquals(1, victim.retries(), "Abort Requested is retryable: the driver re-submitted it");
                HostRequest late = admin(d, SubmissionQueueEntry.builder(AdminOpcode.ABORT).cdw10(1 | reads.getFirst().cid() << 16));
                ok(late);
                assertEquals(1, late.dw0() & 1, "a completed command is not aborted");
            }, 3_000_000);
            FirmwareSsd.assertClean(s);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void formatAndSanitizeEraseDataThatSurvivesAReset(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            byte[] data = new byte[8192];
            new Random(4).nextBytes(data);
            s.run(ctx -> {
                d.enable();
                assertTrue(d.write(1, 100, 16, data).isSuccess());
                assertTrue(d.write(2, 10, 2, data).isSuccess());
                d.reset();
                byte[] in = new byte[8192];
                assertTrue(d.read(1, 100, 16, in).isSuccess());
                assertArrayEquals(data, in, "data persists across a controller reset");

                // Format NSID 1 to LBA format 1 (4 KiB) with user data erase; a reset rescans namespaces.
                ok(admin(d, SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1).cdw10(1 | 1 << 9)));
                assertEquals(4096, d.identifyNamespace(1).blockSize(), "Identify after Format");
                d.reset();
                assertEquals(4096, d.namespaces().get(1).blockSize(), "the driver's rescan");
                byte[] block = new byte[4096];
                assertTrue(d.read(1, 12, 1, block).isSuccess());
                assertArrayEquals(new byte[4096], block, "format erased the data");
                assertTrue(d.read(2, 10, 2, in).isSuccess());
                assertArrayEquals(data, in, "the other namespace is untouched");

                // Sanitize, block erase: runs in the background with progress, completes with an event.
                int eventsBefore = d.asyncEvents().size();
                ok(admin(d, SubmissionQueueEntry.builder(AdminOpcode.SANITIZE).cdw10(2)));
                SanitizeStatusLog during = SanitizeStatusLog.parse(log(s, LogPageIdentifier.SANITIZE_STATUS, 512));
                assertEquals(SanitizeStatusLog.STATUS_IN_PROGRESS, during.status());
                assertTrue(d.read(2, 10, 1, new byte[4096]).is(StatusCode.SANITIZE_IN_PROGRESS));
                ctx.waitUntil(() -> d.asyncEvents().size() > eventsBefore);
                AsynchronousEvent done = d.asyncEvents().getLast();
                assertEquals(AsynchronousEvent.TYPE_IO_COMMAND_SPECIFIC, done.type());
                assertEquals(LogPageIdentifier.SANITIZE_STATUS.value(), done.logPage());
                SanitizeStatusLog after = SanitizeStatusLog.parse(log(s, LogPageIdentifier.SANITIZE_STATUS, 512));
                assertEquals(SanitizeStatusLog.STATUS_COMPLETED, after.status());
                assertEquals(0xFFFF, after.sprog());
                assertTrue(d.read(2, 10, 2, in).isSuccess());
                assertArrayEquals(new byte[8192], in, "sanitize erased every namespace");
            }, 5_000_000);
            FirmwareSsd.assertClean(s);
        }
    }

    private static HostRequest attachment(SimulatedSsd s, int nsid, boolean attach) {
        ByteBuffer list = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        list.putShort(0, (short) 1).putShort(2, (short) 1); // one controller: CNTLID 1
        long buf = s.memory().allocate(4096, 4096);
        s.memory().write(buf, list.array());
        return s.driver().adminCommand(SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_ATTACHMENT).nsid(nsid)
                .cdw10(attach ? 0 : 1).prp1(buf).build());
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void namespacesAreCreatedAttachedUsedDetachedAndDeleted(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                long buf = s.memory().allocate(4096, 4096);
                s.memory().write(buf, IdentifyNamespace.builder().nsze(2048).ncap(2048).flbas(0).build().build());
                HostRequest created = admin(d, SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).cdw10(0).prp1(buf));
                ok(created);
                int nsid = created.dw0();
                assertEquals(3, nsid);
                assertEquals(List.of(1, 2), d.activeNamespaces().nsids(), "created, not yet attached");
                int events = d.asyncEvents().size();
                ok(attachment(s, nsid, true));
                assertEquals(List.of(1, 2, 3), d.activeNamespaces().nsids());
                ctx.waitUntil(() -> d.asyncEvents().size() > events);
                assertEquals(AsynchronousEvent.TYPE_NOTICE, d.asyncEvents().getLast().type(), "Namespace Attribute Changed");
                assertEquals(List.of(3), ActiveNamespaceList.parse(log(s, LogPageIdentifier.CHANGED_NAMESPACE_LIST, 4096)).nsids());
                assertEquals(2048, d.identifyNamespace(nsid).nsze());
                byte[] out = new byte[4096];
                new Random(9).nextBytes(out);
                assertTrue(d.write(nsid, 2040, 8, out).isSuccess());
                byte[] in = new byte[4096];
                assertTrue(d.read(nsid, 2040, 8, in).isSuccess());
                assertArrayEquals(out, in);
                ok(attachment(s, nsid, false));
                ok(admin(d, SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).nsid(nsid).cdw10(1)));
                assertEquals(List.of(1, 2), d.activeNamespaces().nsids());
                assertTrue(d.read(nsid, 0, 1, in).is(StatusCode.INVALID_NAMESPACE_OR_FORMAT));
            }, 3_000_000);
            FirmwareSsd.assertClean(s);
        }
    }

    /** Doorbell errors (§3.8 of the contract) reach the host as Asynchronous Events of type Error. */
    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void invalidDoorbellWritesCompleteTheOutstandingAsyncEventRequest(SimulatorKind kind) {
        try (SimulatedSsd s = ssd(kind)) {
            HostDriver d = s.driver();
            s.run(ctx -> {
                d.enable();
                int dstrd = d.capabilities().dstrd();
                s.bar().write(ControllerRegisters.submissionQueueTailDoorbell(4, dstrd), 1); // SQ 4 was never created
                ctx.waitUntil(() -> !d.asyncEvents().isEmpty());
                assertEquals(AsynchronousEvent.errorStatus(AsynchronousEvent.INFO_WRITE_TO_INVALID_DOORBELL), d.asyncEvents().getFirst());
                // Reading the Error Information log unmasks error events (NVMe 2.0 §5.2); then a bad value.
                log(s, LogPageIdentifier.ERROR_INFORMATION, 4096);
                s.bar().write(ControllerRegisters.completionQueueHeadDoorbell(1, dstrd), 200); // beyond the CQ
                ctx.waitUntil(() -> d.asyncEvents().size() > 1);
                assertEquals(AsynchronousEvent.errorStatus(AsynchronousEvent.INFO_INVALID_DOORBELL_WRITE_VALUE), d.asyncEvents().get(1));
                assertTrue(d.read(1, 0, 1, new byte[512]).isSuccess(), "the controller keeps working");
            }, 3_000_000);
            assertTrue(d.log().dmesg().contains("async event result"), d.log().dmesg());
            FirmwareSsd.assertClean(s);
        }
    }
}
