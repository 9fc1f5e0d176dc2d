package dev.nvmekit.testbench.workload;

/**
 * One I/O a workload issued and saw complete, in simulator cycles, so that throughput, latency and
 * queue occupancy can all be derived after the run from the same facts.
 *
 * @param job         the job (and driver CPU) that issued it
 * @param qid         the I/O submission queue the driver put it on
 * @param nsid        the namespace
 * @param write       a write (else a read)
 * @param lba         first block
 * @param bytes       bytes transferred
 * @param submitCycle cycle the driver put it on the queue
 * @param doneCycle   cycle the driver reaped its completion
 * @param success     whether the completion status was Successful Completion
 * @param verify      a read issued by the verify phase (not counted as workload I/O)
 */
public record CommandRecord(int job, int qid, int nsid, boolean write, long lba, int bytes, long submitCycle,
                            long doneCycle, boolean success, boolean verify) {
    /** Submission to completion, in cycles. */
    public long latencyCycles() {
        return doneCycle - submitCycle;
    }
}
