package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.nvme.ActiveNamespaceList;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.FeatureValue;
import dev.nvmekit.testbench.nvme.GetLogPageCommand;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyCommand;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SanitizeStatusLog;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceCommandTest {
    private final ProcessorBench b = new ProcessorBench();

    private static void assertStatus(StatusCode expected, Completion c) {
        assertTrue(c.status().is(expected), "expected " + expected.title() + ", got " + c.status());
    }

    private IdentifyNamespace identify(ProcessorBench on, int nsid) {
        return IdentifyNamespace.parse(on.adminRead(IdentifyCommand.of(IdentifyCns.NAMESPACE, nsid)
                .applyTo(SubmissionQueueEntry.builder(0)), 4096));
    }

    private List<Integer> active() {
        return ActiveNamespaceList.parse(b.adminRead(IdentifyCommand.of(IdentifyCns.ACTIVE_NAMESPACE_LIST, 0)
                .applyTo(SubmissionQueueEntry.builder(0)), 4096)).nsids();
    }

    private Completion createNamespace(long blocks, int flbas) {
        long buf = b.memory.allocate(4096, 4096);
        b.memory.write(buf, IdentifyNamespace.builder().nsze(blocks).ncap(blocks).flbas(flbas).build().build());
        return b.admin(SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).cdw10(0).prp1(buf));
    }

    private Completion attachment(int nsid, boolean attach, int... controllers) {
        ByteBuffer list = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        list.putShort(0, (short) controllers.length);
        for (int i = 0; i < controllers.length; i++) {
            list.putShort(2 + 2 * i, (short) controllers[i]);
        }
        long buf = b.memory.allocate(4096, 4096);
        b.memory.write(buf, list.array());
        return b.admin(SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_ATTACHMENT).nsid(nsid).cdw10(attach ? 0 : 1).prp1(buf));
    }

    @Test
    void formatChangesTheBlockSizeAndErasesTheData() {
        b.write(1, 0, 512, ProcessorBench.pattern(4096, 1));
        Completion c = b.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1).cdw10(1 | 1 << 9));
        assertTrue(c.status().isSuccess(), c.status().toString());
        IdentifyNamespace ns = identify(b, 1);
        assertEquals(4096, ns.blockSize());
        assertEquals(256, ns.nsze(), "the namespace keeps its bytes");
        assertEquals(0, ns.nuse());
        assertArrayEquals(new byte[4096], b.read(1, 0, 1, 4096));
        assertStatus(StatusCode.INVALID_FORMAT, b.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1).cdw10(2)));
        assertStatus(StatusCode.INVALID_FORMAT, b.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1).cdw10(1 << 5)));
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1).cdw10(3 << 9)));
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(3)));
    }

    @Test
    void formatWaitsForTheMediaToErase() {
        ProcessorBench timed = new ProcessorBench(ProcessorBench.small().media(new MediaConfig(2, 4096, 1, 1, 100, 16)).build());
        Completion c = timed.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(-1));
        assertTrue(c.status().isSuccess());
        // 1 MiB + 1 MiB = 512 pages = 32 erase blocks over 2 channels: 16 erases of 100 cycles.
        assertTrue(timed.cycle >= 1600, "format completed after " + timed.cycle + " cycles");
    }

    @Test
    void sanitizeRunsInTheBackgroundWithProgressAndBlocksIo() {
        ProcessorBench timed = new ProcessorBench(ProcessorBench.small().media(new MediaConfig(1, 4096, 0, 0, 100, 1)).build());
        timed.write(1, 0, 512, ProcessorBench.pattern(4096, 2));
        int aer = timed.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        Completion s = timed.admin(SubmissionQueueEntry.builder(AdminOpcode.SANITIZE).cdw10(2));
        assertTrue(s.status().isSuccess());
        var logCmd = GetLogPageCommand.of(LogPageIdentifier.SANITIZE_STATUS, 512).applyTo(SubmissionQueueEntry.builder(0));
        SanitizeStatusLog during = SanitizeStatusLog.parse(timed.adminRead(logCmd, 512));
        assertEquals(SanitizeStatusLog.STATUS_IN_PROGRESS, during.status());
        assertEquals(2, during.scdw10());
        assertTrue(during.sprog() < 0xFFFF);
        Completion blocked = timed.run(1, timed.readWrite(NvmOpcode.READ, 1, 0, 1));
        assertStatus(StatusCode.SANITIZE_IN_PROGRESS, blocked);
        assertStatus(StatusCode.SANITIZE_IN_PROGRESS, timed.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1)));
        // 2 MiB of 4 KiB erase blocks on one channel: 512 × 100 cycles.
        AsynchronousEvent done = AsynchronousEvent.decode(timed.await(0, aer).dw0());
        assertEquals(AsynchronousEvent.TYPE_IO_COMMAND_SPECIFIC, done.type());
        assertEquals(LogPageIdentifier.SANITIZE_STATUS.value(), done.logPage());
        assertTrue(timed.cycle >= 51200);
        SanitizeStatusLog after = SanitizeStatusLog.parse(timed.adminRead(logCmd, 512));
        assertEquals(SanitizeStatusLog.STATUS_COMPLETED, after.status());
        assertEquals(0xFFFF, after.sprog());
        assertTrue(after.globalDataErased());
        assertArrayEquals(new byte[4096], timed.read(1, 0, 8, 512));
        timed.write(1, 0, 512, new byte[512]);
        assertTrue(!SanitizeStatusLog.parse(timed.adminRead(logCmd, 512)).globalDataErased());
    }

    @Test
    void overwriteWithoutDeallocationLeavesThePattern() {
        Completion s = b.admin(SubmissionQueueEntry.builder(AdminOpcode.SANITIZE).cdw10(3 | 1 << 4 | 1 << 9).cdw11(0xA5A5A5A5));
        assertTrue(s.status().isSuccess());
        for (int i = 0; i < 10; i++) {
            b.step();
        }
        byte[] block = b.read(2, 0, 1, 4096);
        for (byte x : block) {
            assertEquals((byte) 0xA5, x);
        }
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.admin(SubmissionQueueEntry.builder(AdminOpcode.SANITIZE).cdw10(5)));
    }

    @Test
    void namespacesAreCreatedAttachedDetachedAndDeleted() {
        int aer = b.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        b.admin(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).cdw10(0x0B)
                .cdw11(FeatureValue.AsyncEventConfiguration.NAMESPACE_ATTRIBUTE_NOTICES));
        Completion created = createNamespace(1024, 1);
        assertTrue(created.status().isSuccess(), created.status().toString());
        int nsid = created.dw0();
        assertEquals(3, nsid);
        assertEquals(List.of(1, 2), active(), "a new namespace is not attached");
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.run(1, b.readWrite(NvmOpcode.READ, nsid, 0, 1)));

        assertStatus(StatusCode.CONTROLLER_LIST_INVALID, attachment(nsid, true, 9));
        assertTrue(attachment(nsid, true, 1).status().isSuccess());
        assertEquals(List.of(1, 2, 3), active());
        AsynchronousEvent notice = AsynchronousEvent.decode(b.await(0, aer).dw0());
        assertEquals(AsynchronousEvent.TYPE_NOTICE, notice.type());
        byte[] changed = b.adminRead(GetLogPageCommand.of(LogPageIdentifier.CHANGED_NAMESPACE_LIST, 4096)
                .applyTo(SubmissionQueueEntry.builder(0)), 4096);
        assertEquals(List.of(3), ActiveNamespaceList.parse(changed).nsids());
        assertEquals(1024, identify(b, nsid).nsze());
        assertEquals(4096, identify(b, nsid).blockSize());
        b.write(nsid, 1023, 4096, ProcessorBench.pattern(4096, 3));
        assertStatus(StatusCode.NAMESPACE_ALREADY_ATTACHED, attachment(nsid, true, 1));

        assertTrue(attachment(nsid, false, 1).status().isSuccess());
        assertStatus(StatusCode.NAMESPACE_NOT_ATTACHED, attachment(nsid, false, 1));
        assertTrue(b.admin(SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).nsid(nsid).cdw10(1)).status().isSuccess());
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.admin(SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).nsid(nsid).cdw10(1)));
        assertEquals(List.of(1, 2), active());
    }

    @Test
    void namespaceCreationChecksCapacityFormatAndIdentifiers() {
        // 16 MiB capacity, 2 MiB used.
        assertStatus(StatusCode.NAMESPACE_INSUFFICIENT_CAPACITY, createNamespace(15L << 20 >> 9, 0));
        assertStatus(StatusCode.INVALID_FORMAT, createNamespace(8, 7));
        assertTrue(createNamespace(8, 0).status().isSuccess());
        assertTrue(createNamespace(8, 0).status().isSuccess());
        assertStatus(StatusCode.NAMESPACE_IDENTIFIER_UNAVAILABLE, createNamespace(8, 0));
        long buf = b.memory.allocate(4096, 4096);
        b.memory.write(buf, IdentifyNamespace.builder().nsze(16).ncap(8).build().build());
        assertStatus(StatusCode.THIN_PROVISIONING_NOT_SUPPORTED,
                b.admin(SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).cdw10(0).prp1(buf)));
    }
}
