package dev.nvmekit.testbench.nvme;

/**
 * The fields of Create I/O Completion Queue, admin opcode 05h (NVMe Base Specification 2.0,
 * section 5.4, Figures 151-152): PRP1 the queue base (with PC = 1 one contiguous region, which
 * is all the front end supports, CAP.CQR = 1); CDW10 QID bits 15:0 and QSIZE bits 31:16
 * (0's based); CDW11 PC bit 0, IEN bit 1, IV bits 31:16.
 */
public record CreateIoCompletionQueueCommand(int qid, int qsize, long baseAddress, boolean physicallyContiguous,
                                             boolean interruptsEnabled, int interruptVector) {
    public CreateIoCompletionQueueCommand {
        Bits.checkRange("QID", qid, 0, 0xFFFF);
        Bits.checkRange("QSIZE", qsize, 0, 0xFFFF);
        Bits.checkRange("IV", interruptVector, 0, 0xFFFF);
    }

    /** What Linux sends (adapter_alloc_cq): PC, IEN unless polled, vector = qid. */
    public static CreateIoCompletionQueueCommand linux(int qid, int entries, long base, boolean polled) {
        return new CreateIoCompletionQueueCommand(qid, entries - 1, base, true, !polled, polled ? 0 : qid);
    }

    public static CreateIoCompletionQueueCommand decode(SubmissionQueueEntry sqe) {
        return new CreateIoCompletionQueueCommand(Bits.field(sqe.cdw10(), 15, 0), Bits.field(sqe.cdw10(), 31, 16),
                sqe.prp1(), Bits.bit(sqe.cdw11(), 0), Bits.bit(sqe.cdw11(), 1), Bits.field(sqe.cdw11(), 31, 16));
    }

    public SubmissionQueueEntry.Builder applyTo(SubmissionQueueEntry.Builder b) {
        return b.opcode(AdminOpcode.CREATE_IO_COMPLETION_QUEUE.value()).prp1(baseAddress)
                .cdw10(qid | qsize << 16)
                .cdw11((physicallyContiguous ? 1 : 0) | (interruptsEnabled ? 2 : 0) | interruptVector << 16);
    }

    public int entries() {
        return qsize + 1;
    }
}
