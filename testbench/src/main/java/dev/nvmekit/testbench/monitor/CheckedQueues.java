package dev.nvmekit.testbench.monitor;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The checker's picture of the controller's queues, rebuilt from the trace alone: what the host
 * wrote to AQA/ASQ/ACQ and the doorbells, and what the back end asked for on {@code qm_}.
 */
final class CheckedQueues {

    /** A submission queue as the checker follows it. */
    static final class Sq {
        final int id, size, cqid;
        final long base;
        int tail;             // last tail the host wrote
        int fetchPointer;     // next entry the block may fetch
        int handed;           // entries handed to the back end (the SQ head, §4.3)
        int lastSqhd;         // SQHD of the last CQE for this SQ
        /** Fetched entries not yet handed out, by queue index: read bursts of different IDs may return out of order. */
        final Map<Integer, BigInteger> fetched = new HashMap<>();

        Sq(int id, long base, int size, int cqid) {
            this.id = id;
            this.base = base;
            this.size = size;
            this.cqid = cqid;
        }

        boolean contains(long address) {
            return Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address, base + 64L * size) < 0;
        }
    }

    /** A completion queue as the checker follows it. */
    static final class Cq {
        final int id, size, vector;
        final long base;
        final boolean interrupts;
        int head;             // last head the host wrote
        int tail;             // next entry the block will post
        boolean phase = true; // §4.4: 1 on the first pass

        Cq(int id, long base, int size, boolean interrupts, int vector) {
            this.id = id;
            this.base = base;
            this.size = size;
            this.interrupts = interrupts;
            this.vector = vector;
        }

        boolean contains(long address) {
            return Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address, base + 16L * size) < 0;
        }

        int used() {
            return Math.floorMod(tail - head, size);
        }
    }

    final Map<Integer, Sq> sqs = new HashMap<>();
    final Map<Integer, Cq> cqs = new HashMap<>();

    Sq sqAt(long address) {
        for (Sq q : sqs.values()) if (q.contains(address)) return q;
        return null;
    }

    Cq cqAt(long address) {
        for (Cq q : cqs.values()) if (q.contains(address)) return q;
        return null;
    }

    void clear() {
        sqs.clear();
        cqs.clear();
    }
}
