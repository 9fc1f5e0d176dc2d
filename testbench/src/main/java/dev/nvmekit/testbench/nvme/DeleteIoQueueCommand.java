package dev.nvmekit.testbench.nvme;

/**
 * Delete I/O Submission Queue (admin opcode 00h) or Delete I/O Completion Queue (04h): the queue
 * identifier in CDW10 bits 15:0 (NVMe Base Specification 2.0, sections 5.6 and 5.7). A CQ with
 * an SQ still bound to it fails with Invalid Queue Deletion.
 */
public record DeleteIoQueueCommand(boolean completionQueue, int qid) {
    public DeleteIoQueueCommand {
        Bits.checkRange("QID", qid, 0, 0xFFFF);
    }

    public AdminOpcode opcode() {
        return completionQueue ? AdminOpcode.DELETE_IO_COMPLETION_QUEUE : AdminOpcode.DELETE_IO_SUBMISSION_QUEUE;
    }

    /** Decodes an entry whose opcode is one of the two delete commands. */
    public static DeleteIoQueueCommand decode(SubmissionQueueEntry sqe) {
        boolean cq = switch (AdminOpcode.of(sqe.opcode()).orElse(AdminOpcode.IDENTIFY)) {
            case DELETE_IO_COMPLETION_QUEUE -> true;
            case DELETE_IO_SUBMISSION_QUEUE -> false;
            default -> throw new IllegalArgumentException("opcode " + sqe.opcode() + " is not a queue deletion");
        };
        return new DeleteIoQueueCommand(cq, Bits.field(sqe.cdw10(), 15, 0));
    }

    public SubmissionQueueEntry.Builder applyTo(SubmissionQueueEntry.Builder b) {
        return b.opcode(opcode().value()).cdw10(qid);
    }
}
