package dev.nvmekit.testbench.nvme;

/**
 * The fields of Create I/O Submission Queue, admin opcode 01h (NVMe Base Specification 2.0,
 * section 5.5, Figures 155-157): PRP1 the queue base; CDW10 QID bits 15:0, QSIZE bits 31:16
 * (0's based); CDW11 PC bit 0, QPRIO bits 2:1 (weighted round robin only), CQID bits 31:16;
 * CDW12 NVMSETID bits 15:0.
 */
public record CreateIoSubmissionQueueCommand(int qid, int qsize, long baseAddress, boolean physicallyContiguous,
                                             int qprio, int cqid, int nvmSetId) {
    public CreateIoSubmissionQueueCommand {
        Bits.checkRange("QID", qid, 0, 0xFFFF);
        Bits.checkRange("QSIZE", qsize, 0, 0xFFFF);
        Bits.checkRange("QPRIO", qprio, 0, 3);
        Bits.checkRange("CQID", cqid, 0, 0xFFFF);
        Bits.checkRange("NVMSETID", nvmSetId, 0, 0xFFFF);
    }

    /** What Linux sends (adapter_alloc_sq): PC, QPRIO 0 (urgent; ignored under round robin), CQID = qid. */
    public static CreateIoSubmissionQueueCommand linux(int qid, int entries, long base) {
        return new CreateIoSubmissionQueueCommand(qid, entries - 1, base, true, 0, qid, 0);
    }

    public static CreateIoSubmissionQueueCommand decode(SubmissionQueueEntry sqe) {
        return new CreateIoSubmissionQueueCommand(Bits.field(sqe.cdw10(), 15, 0), Bits.field(sqe.cdw10(), 31, 16),
                sqe.prp1(), Bits.bit(sqe.cdw11(), 0), Bits.field(sqe.cdw11(), 2, 1), Bits.field(sqe.cdw11(), 31, 16),
                Bits.field(sqe.cdw12(), 15, 0));
    }

    public SubmissionQueueEntry.Builder applyTo(SubmissionQueueEntry.Builder b) {
        return b.opcode(AdminOpcode.CREATE_IO_SUBMISSION_QUEUE.value()).prp1(baseAddress)
                .cdw10(qid | qsize << 16)
                .cdw11((physicallyContiguous ? 1 : 0) | qprio << 1 | cqid << 16)
                .cdw12(nvmSetId);
    }

    public int entries() {
        return qsize + 1;
    }
}
