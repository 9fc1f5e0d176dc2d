package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.ApstTable;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.CommandsSupportedAndEffectsLog;
import dev.nvmekit.testbench.nvme.ErrorInformationEntry;
import dev.nvmekit.testbench.nvme.FeatureIdentifier;
import dev.nvmekit.testbench.nvme.FeatureValue;
import dev.nvmekit.testbench.nvme.FirmwareSlotLog;
import dev.nvmekit.testbench.nvme.GetLogPageCommand;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SmartHealthLog;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.nvme.Timestamp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureAndLogTest {
    private final ProcessorBench b = new ProcessorBench();

    private static void assertStatus(StatusCode expected, Completion c) {
        assertTrue(c.status().is(expected), "expected " + expected.title() + ", got " + c.status());
    }

    private Completion set(FeatureValue v) {
        return b.admin(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).cdw10(v.fid().setFeaturesCdw10(false)).cdw11(v.dword11()));
    }

    private Completion get(FeatureIdentifier fid, int sel, int cdw11) {
        return b.admin(SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES).cdw10(fid.getFeaturesCdw10(sel)).cdw11(cdw11));
    }

    private byte[] log(LogPageIdentifier lid, int bytes, boolean rae) {
        var cmd = new GetLogPageCommand(lid.value(), 0, rae, bytes, 0, 0, 0);
        return b.adminRead(cmd.applyTo(SubmissionQueueEntry.builder(0)), bytes);
    }

    @Test
    void numberOfQueuesIsCappedAtWhatTheControllerHas() {
        Completion c = set(FeatureValue.NumberOfQueues.ofCounts(64, 64));
        assertEquals(FeatureValue.NumberOfQueues.ofCounts(16, 16).dword11(), c.dw0());
        c = set(FeatureValue.NumberOfQueues.ofCounts(4, 2));
        assertEquals(FeatureValue.NumberOfQueues.ofCounts(4, 2).dword11(), c.dw0());
        assertEquals(c.dw0(), get(FeatureIdentifier.NUMBER_OF_QUEUES, 0, 0).dw0());
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, set(new FeatureValue.NumberOfQueues(0xFFFF, 0)));
    }

    @Test
    void frontEndFeaturesGoThroughQueueManagement() {
        assertTrue(set(new FeatureValue.Arbitration(3, 0, 0, 0)).status().isSuccess());
        assertTrue(set(new FeatureValue.InterruptCoalescing(7, 2)).status().isSuccess());
        assertTrue(set(new FeatureValue.InterruptVectorConfiguration(5, true)).status().isSuccess());
        assertEquals(List.of(QueueManagementRequest.arbitration(3), QueueManagementRequest.interruptCoalescing(7, 2),
                QueueManagementRequest.interruptVectorConfiguration(5, true)), b.qmRequests);
        assertEquals(3, get(FeatureIdentifier.ARBITRATION, 0, 0).dw0());
        assertEquals(7 | 2 << 8, get(FeatureIdentifier.INTERRUPT_COALESCING, 0, 0).dw0());
        assertEquals(5 | 1 << 16, get(FeatureIdentifier.INTERRUPT_VECTOR_CONFIGURATION, 0, 5).dw0());
        assertEquals(6, get(FeatureIdentifier.INTERRUPT_VECTOR_CONFIGURATION, 0, 6).dw0());
        // The front end refuses a vector it does not have; the value is not taken.
        b.qmAnswer = r -> StatusCode.INVALID_FIELD_IN_COMMAND.doNotRetry();
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, set(new FeatureValue.InterruptVectorConfiguration(999, true)));
        assertEquals(999, get(FeatureIdentifier.INTERRUPT_VECTOR_CONFIGURATION, 0, 999).dw0());
    }

    @Test
    void powerStatesTemperatureAndCapabilities() {
        assertTrue(set(new FeatureValue.PowerManagement(4, 0)).status().isSuccess());
        assertEquals(4, get(FeatureIdentifier.POWER_MANAGEMENT, 0, 0).dw0());
        assertEquals(0, get(FeatureIdentifier.POWER_MANAGEMENT, 1, 0).dw0(), "default");
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, set(new FeatureValue.PowerManagement(5, 0)));
        assertEquals(343, get(FeatureIdentifier.TEMPERATURE_THRESHOLD, 0, 0).dw0() & 0xFFFF);
        assertTrue(set(new FeatureValue.TemperatureThreshold(350, 0, 0)).status().isSuccess());
        assertEquals(350, get(FeatureIdentifier.TEMPERATURE_THRESHOLD, 0, 0).dw0() & 0xFFFF);
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, set(new FeatureValue.TemperatureThreshold(350, 5, 0)));
        assertEquals(1 << 2, get(FeatureIdentifier.ARBITRATION, 3, 0).dw0(), "changeable, not saveable");
        assertStatus(StatusCode.FEATURE_IDENTIFIER_NOT_SAVEABLE, b.admin(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES)
                .cdw10(FeatureIdentifier.POWER_MANAGEMENT.setFeaturesCdw10(true))));
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, get(FeatureIdentifier.HOST_MEMORY_BUFFER, 0, 0));
    }

    @Test
    void apstTableRoundTripsThroughHostMemory() {
        List<ApstTable.Entry> entries = new ArrayList<>(java.util.Collections.nCopies(32, ApstTable.Entry.NONE));
        entries.set(0, new ApstTable.Entry(3, 100));
        entries.set(3, new ApstTable.Entry(4, 2000));
        byte[] table = new ApstTable(entries).build();
        long buf = b.memory.allocate(4096, 4096);
        b.memory.write(buf, table);
        Completion c = b.admin(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES)
                .cdw10(FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION.setFeaturesCdw10(false)).cdw11(1).prp1(buf));
        assertTrue(c.status().isSuccess());
        long out = b.memory.allocate(4096, 4096);
        Completion g = b.admin(SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                .cdw10(FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION.getFeaturesCdw10(0)).prp1(out));
        assertEquals(1, g.dw0());
        assertArrayEquals(table, b.memory.read(out, ApstTable.SIZE));
    }

    /** Timestamp (Feature 0Eh): bytes 5:0 ms, byte 6 bit 0 Synch and bits 3:1 Timestamp Origin. */
    @Test
    void timestampCountsOnFromTheValueSetAndRestartsFromZeroAfterAControllerReset() {
        ProcessorBench kHz = new ProcessorBench(ProcessorBench.small().clockHz(1000).build()); // 1 cycle = 1 ms
        long buf = kHz.memory.allocate(4096, 4096);
        kHz.memory.write(buf, Timestamp.ofMillis(1_800_000_000_000L).build());
        assertTrue(kHz.admin(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES)
                .cdw10(FeatureIdentifier.TIMESTAMP.setFeaturesCdw10(false)).prp1(buf)).status().isSuccess());
        long setAt = kHz.cycle;
        for (int i = 0; i < 250; i++) kHz.step();
        byte[] t = kHz.adminRead(SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                .cdw10(FeatureIdentifier.TIMESTAMP.getFeaturesCdw10(0)), Timestamp.SIZE);
        long elapsed = kHz.cycle - setAt;
        assertTrue(elapsed >= 250, "cycles since the set: " + elapsed);
        long millis = java.nio.ByteBuffer.wrap(t).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong() & 0xFFFF_FFFF_FFFFL;
        assertTrue(millis >= 1_800_000_000_250L && millis <= 1_800_000_000_000L + elapsed, Long.toString(millis));
        assertEquals(0b001 << 1, t[6], "Synch 0, Origin 001b: set by Set Features");
        kHz.fw.controllerReset();
        Timestamp afterReset = Timestamp.parse(kHz.adminRead(SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                .cdw10(FeatureIdentifier.TIMESTAMP.getFeaturesCdw10(0)), Timestamp.SIZE));
        assertEquals(Timestamp.ORIGIN_RESET, afterReset.origin(), "Origin 000b: counted from 0 since the reset");
        assertTrue(afterReset.millis() < 10, afterReset.toString());
    }

    @Test
    void smartCountsDataCommandsAndPowerOnTime() {
        ProcessorBench slowClock = new ProcessorBench(ProcessorBench.small().clockHz(1).mdts(0).build());
        slowClock.write(1, 0, 512, ProcessorBench.pattern(1000 * 512 + 512, 1)); // 1001 units: 2 data units
        slowClock.read(1, 0, 8, 512);
        slowClock.read(1, 0, 8, 512);
        while (slowClock.cycle < 2 * 3600 + 10) {
            slowClock.step();
        }
        var cmd = GetLogPageCommand.of(LogPageIdentifier.SMART_HEALTH_INFORMATION, 512);
        SmartHealthLog smart = SmartHealthLog.parse(slowClock.adminRead(cmd.applyTo(SubmissionQueueEntry.builder(0)), 512));
        assertEquals(BigInteger.TWO, smart.dataUnitsWritten());
        assertEquals(BigInteger.ONE, smart.dataUnitsRead());
        assertEquals(BigInteger.ONE, smart.hostWriteCommands());
        assertEquals(BigInteger.TWO, smart.hostReadCommands());
        assertEquals(BigInteger.TWO, smart.powerOnHours());
        assertEquals(BigInteger.ONE, smart.powerCycles());
        assertEquals(313, smart.compositeTemperature());
        assertEquals(0, smart.criticalWarning());
        slowClock.fw.setTemperature(360);
        smart = SmartHealthLog.parse(slowClock.adminRead(cmd.applyTo(SubmissionQueueEntry.builder(0)), 512));
        assertEquals(360, smart.compositeTemperature());
        assertEquals(1 << 1, smart.criticalWarning());
    }

    @Test
    void errorLogHoldsFailedCommandsNewestFirst() {
        b.run(1, b.readWrite(NvmOpcode.READ, 9, 0, 1));
        b.run(1, b.readWrite(NvmOpcode.WRITE_ZEROES, 1, 5000, 1));
        List<ErrorInformationEntry> log = ErrorInformationEntry.parseLog(log(LogPageIdentifier.ERROR_INFORMATION, 64 * 64, false));
        assertEquals(2, log.size());
        assertTrue(log.get(0).status().is(StatusCode.LBA_OUT_OF_RANGE));
        assertEquals(5000, log.get(0).lba());
        assertTrue(log.get(1).status().is(StatusCode.INVALID_NAMESPACE_OR_FORMAT));
        assertEquals(2, log.get(0).errorCount());
    }

    @Test
    void fixedPagesAndPartialReads() {
        assertEquals("1.0", FirmwareSlotLog.parse(log(LogPageIdentifier.FIRMWARE_SLOT_INFORMATION, 512, false)).activeRevision());
        var effects = CommandsSupportedAndEffectsLog.parse(log(LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS, 4096, false));
        assertTrue(effects.admin(AdminOpcode.SANITIZE).csupp() && effects.admin(AdminOpcode.SANITIZE).lbcc());
        assertTrue(effects.io(NvmOpcode.READ).csupp());
        assertTrue(!effects.io(NvmOpcode.VERIFY).csupp());
        // 8 bytes of the SMART page from offset 4 hold percentage used and spare: read a window.
        var window = new GetLogPageCommand(LogPageIdentifier.SMART_HEALTH_INFORMATION.value(), 0, false, 8, 0, 0, 0);
        byte[] head = b.adminRead(window.applyTo(SubmissionQueueEntry.builder(0)), 8);
        assertEquals(100, head[3]);
        var off = new GetLogPageCommand(LogPageIdentifier.SMART_HEALTH_INFORMATION.value(), 0, false, 4, 0, 4, 0);
        assertEquals(10, b.adminRead(off.applyTo(SubmissionQueueEntry.builder(0)), 4)[0]);
        var past = new GetLogPageCommand(LogPageIdentifier.SMART_HEALTH_INFORMATION.value(), 0, false, 4, 0, 1024, 0);
        long[] buf = new long[1];
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.admin(b.withBuffer(past.applyTo(SubmissionQueueEntry.builder(0)), 4, buf)));
        var unknown = new GetLogPageCommand(0xC0, 0, false, 512, 0, 0, 0);
        assertStatus(StatusCode.INVALID_LOG_PAGE, b.admin(b.withBuffer(unknown.applyTo(SubmissionQueueEntry.builder(0)), 512, buf)));
    }

    @Test
    void asyncEventsCompleteOutstandingRequestsAndWaitForTheLogRead() {
        int aer1 = b.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        int aer2 = b.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        for (int i = 0; i < 10; i++) {
            b.step();
        }
        assertEquals(2, b.fw.outstandingAsyncEventRequests());
        assertEquals(0, b.fw.occupiedSlots(), "outstanding AERs hold no command slot");
        b.fw.asyncEvent(AsynchronousEvent.errorStatus(AsynchronousEvent.INFO_INVALID_DOORBELL_WRITE_VALUE));
        b.fw.asyncEvent(AsynchronousEvent.errorStatus(AsynchronousEvent.INFO_WRITE_TO_INVALID_DOORBELL));
        Completion first = b.await(0, aer1);
        assertEquals(AsynchronousEvent.errorStatus(1), AsynchronousEvent.decode(first.dw0()));
        for (int i = 0; i < 10; i++) {
            b.step();
        }
        assertEquals(1, b.fw.outstandingAsyncEventRequests(), "the second error waits until the error log is read");
        log(LogPageIdentifier.ERROR_INFORMATION, 64, true);
        assertEquals(1, b.fw.outstandingAsyncEventRequests(), "RAE keeps the event masked");
        log(LogPageIdentifier.ERROR_INFORMATION, 64, false);
        Completion second = b.await(0, aer2);
        assertEquals(AsynchronousEvent.errorStatus(0), AsynchronousEvent.decode(second.dw0()));
    }

    @Test
    void aerLimitAndAbortOfAnOutstandingRequest() {
        for (int i = 0; i < 4; i++) {
            b.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        }
        assertStatus(StatusCode.ASYNC_EVENT_REQUEST_LIMIT_EXCEEDED, b.admin(SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST)));
        Completion abort = b.admin(SubmissionQueueEntry.builder(AdminOpcode.ABORT).cdw10(0 | 2 << 16));
        assertEquals(0, abort.dw0());
        assertTrue(b.await(0, 2).status().is(StatusCode.ABORT_REQUESTED));
        assertEquals(3, b.fw.outstandingAsyncEventRequests());
    }

    @Test
    void smartEventsFollowTheAsyncEventConfiguration() {
        int aer = b.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        b.fw.setTemperature(400);
        for (int i = 0; i < 10; i++) {
            b.step();
        }
        assertEquals(1, b.fw.outstandingAsyncEventRequests(), "SMART events are off by default");
        b.fw.setTemperature(313);
        assertTrue(set(new FeatureValue.AsyncEventConfiguration(1 << 1)).status().isSuccess());
        b.fw.setTemperature(400);
        AsynchronousEvent e = AsynchronousEvent.decode(b.await(0, aer).dw0());
        assertEquals(AsynchronousEvent.TYPE_SMART_HEALTH_STATUS, e.type());
        assertEquals(LogPageIdentifier.SMART_HEALTH_INFORMATION.value(), e.logPage());
    }
}
