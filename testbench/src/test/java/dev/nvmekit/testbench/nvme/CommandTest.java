package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void createQueuesAsLinuxSendsThem() {
        var cq = CreateIoCompletionQueueCommand.linux(1, 1024, 0x1_2345_0000L, false);
        SubmissionQueueEntry sqe = cq.applyTo(SubmissionQueueEntry.builder(0)).cid(9).build();
        assertEquals(0x05, sqe.opcode());
        assertEquals(0x03FF_0001, sqe.cdw10());
        assertEquals(0x0001_0003, sqe.cdw11()); // IV 1, IEN, PC
        assertEquals(0x1_2345_0000L, sqe.prp1());
        assertEquals(cq, CreateIoCompletionQueueCommand.decode(sqe));
        assertEquals(1024, cq.entries());

        var sq = CreateIoSubmissionQueueCommand.linux(1, 1024, 0x1_2346_0000L);
        sqe = sq.applyTo(SubmissionQueueEntry.builder(0)).build();
        assertEquals(0x01, sqe.opcode());
        assertEquals(0x0001_0001, sqe.cdw11()); // CQID 1, PC
        assertEquals(sq, CreateIoSubmissionQueueCommand.decode(sqe));

        var polled = CreateIoCompletionQueueCommand.linux(3, 64, 0, true);
        assertEquals(1, polled.applyTo(SubmissionQueueEntry.builder(0)).build().cdw11());
    }

    @Test
    void deleteQueues() {
        var d = new DeleteIoQueueCommand(true, 4);
        SubmissionQueueEntry sqe = d.applyTo(SubmissionQueueEntry.builder(0)).build();
        assertEquals(0x04, sqe.opcode());
        assertEquals(d, DeleteIoQueueCommand.decode(sqe));
        assertEquals(0x00, new DeleteIoQueueCommand(false, 4).opcode().value());
        assertThrows(IllegalArgumentException.class,
                () -> DeleteIoQueueCommand.decode(SubmissionQueueEntry.builder(AdminOpcode.ABORT).build()));
    }

    @Test
    void identify() {
        var id = IdentifyCommand.of(IdentifyCns.CONTROLLER, 0);
        SubmissionQueueEntry sqe = id.applyTo(SubmissionQueueEntry.builder(0)).build();
        assertEquals(AdminOpcode.IDENTIFY.value(), sqe.opcode());
        assertEquals(1, sqe.cdw10());
        var csi = new IdentifyCommand(6, 0, 0x12, 0, 2);
        assertEquals(csi, IdentifyCommand.decode(csi.applyTo(SubmissionQueueEntry.builder(0)).build()));
    }

    @Property(tries = 200)
    void readWriteRoundTrips(@ForAll long slba, @ForAll @IntRange(max = 0xFFFF) int nlb, @ForAll boolean fua,
                             @ForAll boolean write, @ForAll int cdw13) {
        var rw = new ReadWriteCommand(write ? NvmOpcode.WRITE : NvmOpcode.READ, 1, slba, nlb, fua, !fua, nlb & 15,
                cdw13, 0, ~cdw13);
        assertEquals(rw, ReadWriteCommand.decode(rw.applyTo(SubmissionQueueEntry.builder(0)).build()));
    }

    @Test
    void partitionScanRead() {
        // The first I/O Linux sends: LBA 0, 8 blocks.
        var rw = ReadWriteCommand.of(NvmOpcode.READ, 1, 0, 8);
        SubmissionQueueEntry sqe = rw.applyTo(SubmissionQueueEntry.builder(0)).build();
        assertEquals(0x02, sqe.opcode());
        assertEquals(7, sqe.cdw12());
        assertEquals(8, ReadWriteCommand.decode(sqe).blocks());
    }

    @Test
    void asynchronousEventDword0() {
        var e = AsynchronousEvent.errorStatus(AsynchronousEvent.INFO_INVALID_DOORBELL_WRITE_VALUE);
        assertEquals(0x0001_0100, e.dw0());
        assertEquals(e, AsynchronousEvent.decode(e.dw0()));
    }
}
