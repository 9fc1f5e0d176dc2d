package dev.nvmekit.testbench.host;

import dev.nvmekit.testbench.nvme.CompletionQueueEntry;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

/**
 * One command the driver model has issued (a block-layer request): its entry without a CID, the
 * queue and tag it holds, and, once {@link #done()}, the completion. A request cancelled by a
 * controller reset may be retried on a new CID, as {@code nvme_cancel_request} then
 * {@code nvme_decide_disposition} do.
 */
public final class HostRequest {
    /** What the driver does with the request when a reset cancels it. */
    enum Kind { ADMIN, IO, ASYNC_EVENT }

    final Kind kind;
    final SubmissionQueueEntry command;
    final Runnable release;          // frees PRP lists / SGL segments
    HostQueue queue;
    int tag = -1;
    int cid;
    long submitCycle, deadlineCycle;
    boolean aborted, timeoutInProgress;
    int retries;
    private boolean done;
    private CompletionQueueEntry completion;
    private CompletionStatus status;
    private long doneCycle;

    HostRequest(Kind kind, SubmissionQueueEntry command, Runnable release) {
        this.kind = kind;
        this.command = command;
        this.release = release;
    }

    public boolean done() {
        return done;
    }

    /** The status the request finished with (the CQE's, or Host Aborted when the driver gave up). */
    public CompletionStatus status() {
        if (!done) throw new IllegalStateException("request not finished");
        return status;
    }

    /** Completion dword 0 (e.g. the granted queue counts of Set Features Number of Queues); 0 without a CQE. */
    public int dw0() {
        return completion == null ? 0 : completion.dw0();
    }

    /** The CQE, or null when the driver finished the request itself. */
    public CompletionQueueEntry completion() {
        return completion;
    }

    /** The CID of the (last) submission, e.g. to name the request in an Abort. */
    public int cid() {
        return cid;
    }

    /** The queue ID of the (last) submission, or -1 before it was submitted. */
    public int sqid() {
        return queue == null ? -1 : queue.qid;
    }

    public SubmissionQueueEntry command() {
        return command;
    }

    /** Times the request was re-submitted. */
    public int retries() {
        return retries;
    }

    /** Cycles from the (last) submission to the completion. */
    public long latencyCycles() {
        return doneCycle - submitCycle;
    }

    void finish(CompletionQueueEntry cqe, CompletionStatus s, long cycle) {
        completion = cqe;
        status = s;
        doneCycle = cycle;
        done = true;
        if (release != null) release.run();
    }
}
