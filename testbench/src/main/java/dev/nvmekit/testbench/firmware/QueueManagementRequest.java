package dev.nvmekit.testbench.firmware;

/**
 * One request on the front end's queue-management port {@code qm_req_*} (nvme-frontend-ports.md
 * §3.7): create or delete an I/O queue, or pass on a feature the front end implements. Fields an
 * operation does not use are zero.
 */
public record QueueManagementRequest(Op op, int qid, long base, int size, int cqid, int qprio, boolean ien, int iv,
                                     int thr, int time) {

    /** {@code qm_req_op} values. */
    public enum Op {
        CREATE_CQ(0), CREATE_SQ(1), DELETE_SQ(2), DELETE_CQ(3), INTERRUPT_COALESCING(4), ARBITRATION(5),
        INTERRUPT_VECTOR_CONFIGURATION(6);

        private final int code;

        Op(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public static QueueManagementRequest createCq(int qid, long base, int size, boolean ien, int iv) {
        return new QueueManagementRequest(Op.CREATE_CQ, qid, base, size, 0, 0, ien, iv, 0, 0);
    }

    public static QueueManagementRequest createSq(int qid, long base, int size, int cqid, int qprio) {
        return new QueueManagementRequest(Op.CREATE_SQ, qid, base, size, cqid, qprio, false, 0, 0, 0);
    }

    public static QueueManagementRequest deleteSq(int qid) {
        return new QueueManagementRequest(Op.DELETE_SQ, qid, 0, 0, 0, 0, false, 0, 0, 0);
    }

    public static QueueManagementRequest deleteCq(int qid) {
        return new QueueManagementRequest(Op.DELETE_CQ, qid, 0, 0, 0, 0, false, 0, 0, 0);
    }

    /** Feature 08h: aggregation threshold and time (100 µs units). */
    public static QueueManagementRequest interruptCoalescing(int thr, int time) {
        return new QueueManagementRequest(Op.INTERRUPT_COALESCING, 0, 0, 0, 0, 0, false, 0, thr, time);
    }

    /** Feature 01h: only the arbitration burst reaches the front end. */
    public static QueueManagementRequest arbitration(int burst) {
        return new QueueManagementRequest(Op.ARBITRATION, 0, 0, 0, 0, 0, false, 0, burst & 7, 0);
    }

    /** Feature 09h: the vector and its Coalescing Disable bit (carried in {@code ien}). */
    public static QueueManagementRequest interruptVectorConfiguration(int iv, boolean coalescingDisable) {
        return new QueueManagementRequest(Op.INTERRUPT_VECTOR_CONFIGURATION, 0, 0, 0, 0, 0, coalescingDisable, iv, 0, 0);
    }
}
