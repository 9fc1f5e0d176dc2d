package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.testbench.nvme.ActiveNamespaceList;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.CreateIoCompletionQueueCommand;
import dev.nvmekit.testbench.nvme.CreateIoSubmissionQueueCommand;
import dev.nvmekit.testbench.nvme.DeleteIoQueueCommand;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyCommand;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.NamespaceIdentificationDescriptor;
import dev.nvmekit.testbench.nvme.NamespaceIdentificationDescriptorList;
import dev.nvmekit.testbench.nvme.NvmIdentifyController;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import org.junit.jupiter.api.Test;

class AdminCommandTest {
    private final ProcessorBench b = new ProcessorBench();

    private static void assertStatus(StatusCode expected, Completion c) {
        assertTrue(c.status().is(expected), "expected " + expected.title() + ", got " + c.status());
    }

    private SubmissionQueueEntry.Builder identify(IdentifyCns cns, int nsid) {
        return IdentifyCommand.of(cns, nsid).applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY));
    }

    @Test
    void identifyControllerDescribesTheConfiguredDrive() {
        IdentifyController id = IdentifyController.parse(b.adminRead(identify(IdentifyCns.CONTROLLER, 0), 4096));
        assertEquals("NVMEKIT0001", id.serialNumber());
        assertEquals("nvmekit simulated SSD", id.modelNumber());
        assertEquals("1.0", id.firmwareRevision());
        assertEquals(5, id.mdts());
        assertEquals(4, id.nn());
        assertEquals(4, id.npss(), "PS0..PS4");
        assertTrue(id.powerStates().get(3).nops() && id.powerStates().get(4).nops());
        assertEquals(1, id.sgls() & 3);
        assertEquals(0x66, id.sqes());
        assertEquals(0x44, id.cqes());
        assertEquals(3, id.aerl());
        assertTrue((id.oacs() & 1 << 3) != 0 && (id.oacs() & 1 << 1) != 0, "format and namespace management");
        assertEquals(0b111, id.sanicap() & 7);
        assertEquals(id, b.fw.identifyController());
    }

    @Test
    void identifyCns06hAnswersTheNvmCommandSetsLimitsAndNothingElse() {
        NvmIdentifyController limits = new NvmIdentifyController(0, 4, 0, 64, 2048, 65536);
        ProcessorBench p = new ProcessorBench(ProcessorBench.small().nvmIdentify(java.util.Optional.of(limits)).build());
        byte[] data = p.adminRead(new IdentifyCommand(0x06, 0, 0, 0, NvmIdentifyController.CSI_NVM)
                .applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)), 4096);
        assertEquals(4, data[1], "WZSL at byte 1");
        assertEquals(64, data[3], "DMRL at byte 3");
        assertEquals(limits, NvmIdentifyController.parse(data));
        assertEquals(NvmIdentifyController.NO_LIMITS, NvmIdentifyController.parse(
                b.adminRead(identify(IdentifyCns.IO_COMMAND_SET_CONTROLLER, 0), 4096)), "the default firmware limits nothing");

        long[] buf = new long[1];
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, p.admin(p.withBuffer(new IdentifyCommand(0x06, 0, 0, 0, 0x02)
                .applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)), 4096, buf)));
        ProcessorBench old = new ProcessorBench(ProcessorBench.small().nvmIdentify(java.util.Optional.empty()).build());
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, old.admin(old.withBuffer(identify(IdentifyCns.IO_COMMAND_SET_CONTROLLER, 0), 4096, buf)));
    }

    @Test
    void identifyNamespaceListsAndDescriptors() {
        IdentifyNamespace ns2 = IdentifyNamespace.parse(b.adminRead(identify(IdentifyCns.NAMESPACE, 2), 4096));
        assertEquals(256, ns2.nsze());
        assertEquals(4096, ns2.blockSize());
        assertEquals(2, ns2.lbaFormats().size());
        assertEquals(0, ns2.nuse());
        b.write(2, 0, 4096, ProcessorBench.pattern(8192, 1));
        assertEquals(2, IdentifyNamespace.parse(b.adminRead(identify(IdentifyCns.NAMESPACE, 2), 4096)).nuse());

        assertEquals(java.util.List.of(1, 2), ActiveNamespaceList.parse(b.adminRead(identify(IdentifyCns.ACTIVE_NAMESPACE_LIST, 0), 4096)).nsids());
        assertEquals(java.util.List.of(2), ActiveNamespaceList.parse(b.adminRead(identify(IdentifyCns.ACTIVE_NAMESPACE_LIST, 1), 4096)).nsids());

        var list = NamespaceIdentificationDescriptorList.parse(b.adminRead(identify(IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, 1), 4096));
        assertInstanceOf(NamespaceIdentificationDescriptor.Eui64.class, list.descriptors().get(0));
        assertInstanceOf(NamespaceIdentificationDescriptor.Uuid.class, list.descriptors().get(2));
        assertEquals(new NamespaceIdentificationDescriptor.CommandSetIdentifier(0), list.descriptors().get(3));
        var other = NamespaceIdentificationDescriptorList.parse(b.adminRead(identify(IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, 2), 4096));
        assertFalse(list.descriptors().get(1).equals(other.descriptors().get(1)), "NGUIDs differ per namespace");

        // NSID 3 is valid (NN = 4) but unallocated: zeros. NSID 5 is invalid.
        assertArrayEquals(new byte[4096], b.adminRead(identify(IdentifyCns.NAMESPACE, 3), 4096));
        long[] buf = new long[1];
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.admin(b.withBuffer(identify(IdentifyCns.NAMESPACE, 5), 4096, buf)));
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.admin(b.withBuffer(identify(IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, 3), 4096, buf)));
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.admin(b.withBuffer(identify(IdentifyCns.NVM_SET_LIST, 0), 4096, buf)));
        IdentifyNamespace common = IdentifyNamespace.parse(b.adminRead(identify(IdentifyCns.NAMESPACE, -1), 4096));
        assertEquals(0, common.nsze());
        assertEquals(2, common.lbaFormats().size());
    }

    @Test
    void queuesAreCreatedAndDeletedThroughQueueManagement() {
        var cq = CreateIoCompletionQueueCommand.linux(3, 64, 0x2000_0000L, false);
        assertTrue(b.admin(cq.applyTo(SubmissionQueueEntry.builder(0))).status().isSuccess());
        var sq = CreateIoSubmissionQueueCommand.linux(3, 128, 0x3000_0000L);
        assertTrue(b.admin(sq.applyTo(SubmissionQueueEntry.builder(0))).status().isSuccess());
        assertEquals(QueueManagementRequest.createCq(3, 0x2000_0000L, 63, true, 3), b.qmRequests.get(0));
        assertEquals(QueueManagementRequest.createSq(3, 0x3000_0000L, 127, 3, 0), b.qmRequests.get(1));

        assertTrue(b.admin(new DeleteIoQueueCommand(false, 3).applyTo(SubmissionQueueEntry.builder(0))).status().isSuccess());
        assertTrue(b.admin(new DeleteIoQueueCommand(true, 3).applyTo(SubmissionQueueEntry.builder(0))).status().isSuccess());
        assertEquals(QueueManagementRequest.deleteSq(3), b.qmRequests.get(2));
        assertEquals(QueueManagementRequest.deleteCq(3), b.qmRequests.get(3));
    }

    @Test
    void frontEndRefusalsAndLocalQueueChecks() {
        b.qmAnswer = r -> StatusCode.INVALID_QUEUE_SIZE.doNotRetry();
        var cq = CreateIoCompletionQueueCommand.linux(1, 64, 0x2000_0000L, false);
        assertStatus(StatusCode.INVALID_QUEUE_SIZE, b.admin(cq.applyTo(SubmissionQueueEntry.builder(0))));
        int before = b.qmRequests.size();
        var beyond = CreateIoCompletionQueueCommand.linux(17, 64, 0x2000_0000L, false);
        assertStatus(StatusCode.INVALID_QUEUE_IDENTIFIER, b.admin(beyond.applyTo(SubmissionQueueEntry.builder(0))));
        var notContiguous = new CreateIoSubmissionQueueCommand(1, 7, 0x1000, false, 0, 1, 0);
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.admin(notContiguous.applyTo(SubmissionQueueEntry.builder(0))));
        var onAdminCq = new CreateIoSubmissionQueueCommand(1, 7, 0x1000, true, 0, 0, 0);
        assertStatus(StatusCode.COMPLETION_QUEUE_INVALID, b.admin(onAdminCq.applyTo(SubmissionQueueEntry.builder(0))));
        assertStatus(StatusCode.INVALID_QUEUE_IDENTIFIER, b.admin(new DeleteIoQueueCommand(true, 0).applyTo(SubmissionQueueEntry.builder(0))));
        assertEquals(before, b.qmRequests.size(), "requests refused locally never reach the front end");
    }

    @Test
    void deletingAnSqCompletesItsQueuedCommandsFirst() {
        // Hold the firmware busy with slow commands so SQ 2's commands stay queued.
        ProcessorBench slow = new ProcessorBench(ProcessorBench.small().commandCycles(50).build());
        int a = slow.submit(2, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        int bb = slow.submit(2, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        int c = slow.submit(2, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        slow.step(); // the first one starts
        Completion del = slow.admin(new DeleteIoQueueCommand(false, 2).applyTo(SubmissionQueueEntry.builder(0)));
        assertTrue(del.status().isSuccess());
        int delAt = slow.delivered.indexOf(del);
        for (int cid : new int[] {a, bb, c}) {
            Completion x = slow.await(2, cid);
            assertTrue(slow.delivered.indexOf(x) < delAt, "completion of " + cid + " before the deletion");
        }
        assertTrue(slow.await(2, a).status().isSuccess(), "the started command finished normally");
        assertTrue(slow.await(2, bb).status().is(StatusCode.ABORTED_SQ_DELETION));
        assertTrue(slow.await(2, c).status().is(StatusCode.ABORTED_SQ_DELETION));
        assertEquals(QueueManagementRequest.deleteSq(2), slow.qmRequests.getLast());
    }

    @Test
    void abortTakesAQueuedCommandAndSaysWhetherItDid() {
        ProcessorBench slow = new ProcessorBench(ProcessorBench.small().commandCycles(20).build());
        int first = slow.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        int second = slow.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        slow.step();
        Completion abort = slow.admin(SubmissionQueueEntry.builder(AdminOpcode.ABORT).cdw10(1 | second << 16));
        assertTrue(abort.status().isSuccess());
        assertEquals(0, abort.dw0() & 1, "aborted");
        assertTrue(slow.await(1, second).status().is(StatusCode.ABORT_REQUESTED));
        assertTrue(slow.await(1, first).status().isSuccess());
        Completion late = slow.admin(SubmissionQueueEntry.builder(AdminOpcode.ABORT).cdw10(1 | first << 16));
        assertEquals(1, late.dw0() & 1, "already completed: not aborted");
    }

    @Test
    void adminCommandsRefuseSglsAndUnknownOpcodes() {
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.admin(identify(IdentifyCns.CONTROLLER, 0).psdt(1)));
        assertStatus(StatusCode.INVALID_COMMAND_OPCODE, b.admin(SubmissionQueueEntry.builder(AdminOpcode.KEEP_ALIVE)));
        assertStatus(StatusCode.INVALID_COMMAND_OPCODE, b.admin(SubmissionQueueEntry.builder(0xC3)));
    }

    @Test
    void identifyToAFaultyBufferIsADataTransferError() {
        long[] buf = new long[1];
        var cmd = b.withBuffer(identify(IdentifyCns.CONTROLLER, 0), 4096, buf);
        b.fw.setDmaFault(DmaFault.range(buf[0], 4096));
        Completion c = b.admin(cmd);
        assertStatus(StatusCode.DATA_TRANSFER_ERROR, c);
        assertEquals(CompletionStatus.SUCCESS.sct(), c.status().sct());
    }
}
