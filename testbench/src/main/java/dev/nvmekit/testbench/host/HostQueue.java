package dev.nvmekit.testbench.host;

import dev.nvmekit.testbench.nvme.CompletionQueueEntry;
import dev.nvmekit.testbench.nvme.HostMemory;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

/**
 * One SQ/CQ pair in host memory as the driver model keeps it ({@code struct nvme_queue}): the
 * rings, the SQ tail and CQ head with the expected phase, and the tag set whose tags become CIDs.
 *
 * <p>CIDs follow {@code nvme_cid()}: a 4-bit generation counter of the tag in bits 15:12 and the
 * tag below, the counter advancing each time the tag is handed to a new command, so a stale
 * completion for an earlier use of the tag is recognised. The admin queue's tag 31 is reserved for
 * the Asynchronous Event Request, which uses CID 31 without a generation ({@code NVME_AQ_BLK_MQ_DEPTH}).
 */
public final class HostQueue {
    /** Tags of the admin queue usable by ordinary commands; tag 31 is the AER's. */
    static final int ADMIN_TAGS = 31;
    static final int AER_CID = 31;

    final int qid, depth;
    final long sqBase, cqBase;
    final int vector;          // MSI-X vector, or -1 for a polled queue
    final HostMemory memory;
    private final HostRequest[] tags;
    private final int[] generation;
    private int tagHint;
    int sqTail, sqTailRung, cqHead;
    boolean phase = true;
    boolean live;
    long submitted, completed, interrupts;

    HostQueue(HostMemory memory, int qid, int depth, int vector) {
        this.memory = memory;
        this.qid = qid;
        this.depth = depth;
        this.vector = vector;
        // Linux allocates the rings coherent and page aligned (dma_alloc_coherent in nvme_alloc_queue).
        this.sqBase = memory.allocate(64L * depth, 4096);
        this.cqBase = memory.allocate(16L * depth, 4096);
        memory.write(cqBase, new byte[16 * depth]);
        int usable = qid == 0 ? ADMIN_TAGS : depth - 1; // a full ring needs one empty slot
        this.tags = new HostRequest[usable];
        this.generation = new int[usable];
    }

    /** Back to the state after creation: empty rings, phase 1 (used when a reset re-creates the queue). */
    void resetRings() {
        sqTail = sqTailRung = cqHead = 0;
        phase = true;
        memory.write(cqBase, new byte[16 * depth]);
    }

    boolean hasFreeTag() {
        for (HostRequest r : tags) if (r == null) return true;
        return false;
    }

    /** Gives {@code r} a tag and a fresh CID; false when every tag is in use. */
    boolean assignTag(HostRequest r) {
        for (int i = 0; i < tags.length; i++) {
            int t = (tagHint + i) % tags.length;
            if (tags[t] == null) {
                tags[t] = r;
                tagHint = (t + 1) % tags.length;
                generation[t] = (generation[t] + 1) & 0xF;
                r.tag = t;
                r.cid = generation[t] << 12 | t;
                r.queue = this;
                return true;
            }
        }
        return false;
    }

    /** The request a CID names, or null for an unknown tag or a stale generation ({@code nvme_find_rq}). */
    HostRequest lookup(int cid) {
        int t = cid & 0xFFF;
        if (t >= tags.length || tags[t] == null || generation[t] != cid >>> 12) return null;
        return tags[t];
    }

    void releaseTag(HostRequest r) {
        if (r.tag >= 0 && tags[r.tag] == r) tags[r.tag] = null;
        r.tag = -1;
    }

    /** Requests holding tags. */
    java.util.List<HostRequest> inFlight() {
        java.util.List<HostRequest> l = new java.util.ArrayList<>();
        for (HostRequest r : tags) if (r != null) l.add(r);
        return l;
    }

    /** Copies an SQE into the ring at the tail ({@code nvme_sq_copy_cmd}); the doorbell is rung later, batched. */
    void push(SubmissionQueueEntry sqe) {
        memory.write(sqBase + 64L * sqTail, sqe.encode());
        sqTail = (sqTail + 1) % depth;
        submitted++;
    }

    /** The CQE at the head if its phase says it is new, else null ({@code nvme_cqe_pending}). */
    CompletionQueueEntry peekCompletion() {
        CompletionQueueEntry cqe = CompletionQueueEntry.decode(memory.read(cqBase + 16L * cqHead, 16));
        return cqe.phase() == phase ? cqe : null;
    }

    /** Moves the head past one CQE, flipping the expected phase on a wrap ({@code nvme_update_cq_head}). */
    void advanceHead() {
        if (++cqHead == depth) {
            cqHead = 0;
            phase = !phase;
        }
        completed++;
    }

    public int qid() { return qid; }
    public int depth() { return depth; }
    public int vector() { return vector; }
    public boolean polled() { return vector < 0; }
}
