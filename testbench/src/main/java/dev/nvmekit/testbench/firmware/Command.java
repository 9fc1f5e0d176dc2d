package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

/**
 * A command the firmware has taken from the front end, from arrival until its completion has
 * been handed over. {@code generation} ties it to one enable period of the controller, so work
 * that finishes after a controller reset is dropped instead of completed.
 */
final class Command {
    final int sqid;
    final SubmissionQueueEntry sqe;
    final int generation;
    /** An Asynchronous Event Request waiting for an event: it holds no command slot meanwhile. */
    boolean parked;

    Command(int sqid, SubmissionQueueEntry sqe, int generation) {
        this.sqid = sqid;
        this.sqe = sqe;
        this.generation = generation;
    }

    int cid() {
        return sqe.cid();
    }

    @Override
    public String toString() {
        return "command " + sqe.cid() + " opcode 0x" + Integer.toHexString(sqe.opcode()) + " on SQ " + sqid;
    }
}
