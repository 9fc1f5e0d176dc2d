package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.nvme.SparseHostMemory;
import dev.nvmekit.testbench.port.AxiLiteMaster;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.port.AxiMemorySlave;
import dev.nvmekit.testbench.port.InterruptSink;
import dev.nvmekit.testbench.port.Latency;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The front end measured at its ports, with nothing slower than the block in the way: the
 * project's AXI-Lite master and AXI host-memory model (fixed read latency), an interrupt sink,
 * and a back end that takes every command at once and completes it the next cycle. The logic of
 * the rtl-gen front-end figures (fill every SQ, ring the tail doorbells, count cycles until the
 * last CQE is written), run here on any {@link SimulatorBackend} instead of Icarus.
 */
final class FrontendPortBench implements AutoCloseable {
    private static final int ADMIN_ENTRIES = 8;
    private static final int QUEUE_ENTRIES = 64;

    private final Simulator sim;
    private final SparseHostMemory memory = new SparseHostMemory();
    private final BenchLoop loop;
    private final AxiLiteMaster bar;
    private final AxiMemorySlave hostMemory;
    private final ImmediateBackEnd backEnd = new ImmediateBackEnd();
    private int queues;
    private boolean measured;

    FrontendPortBench(Design design, SimulatorBackend backend, int readLatency) {
        this.sim = backend.open(design, dev.nvmekit.sim.SimulationOptions.defaults());
        this.loop = new BenchLoop(sim);
        this.bar = new AxiLiteMaster(sim);
        AxiMemoryConfig mem = AxiMemoryConfig.ideal().withLatency(Latency.fixed(readLatency), Latency.fixed(2));
        this.hostMemory = new AxiMemorySlave(sim, memory, mem);
        InterruptSink irq = new InterruptSink(sim);
        loop.add(bar).add(hostMemory).add(irq).add(backEnd);
        for (CycleAgent a : List.of(bar, hostMemory, irq, backEnd)) a.drive(sim);
        sim.reset(4);
    }

    BenchLoop loop() {
        return loop;
    }

    /** Admin queues, CC.EN, waits for CSTS.RDY, then creates {@code n} I/O queue pairs of 64 entries through qm_. */
    void enable(int n) {
        long asq = memory.allocate(4096, 4096);
        long acq = memory.allocate(4096, 4096);
        bar.write(0x24, (ADMIN_ENTRIES - 1) << 16 | (ADMIN_ENTRIES - 1));
        bar.write64(0x28, asq);
        bar.write64(0x30, acq);
        bar.write(0x14, 0x0046_0000);
        bar.write(0x14, 0x0046_0001);
        loop.runUntil(bar::idle, 10_000, "the enable register writes");
        for (int i = 0; ; i++) {
            AxiLiteMaster.Access csts = bar.read(0x1C);
            loop.runUntil(csts::done, 10_000, "CSTS");
            if ((csts.data() & 1) == 1) break;
            if (i > 10_000) throw new SimulationException("CSTS.RDY never rose");
        }
        for (int q = 1; q <= n; q++) {
            long cq = memory.allocate(4096, 4096);
            long sq = memory.allocate(4096, 4096);
            queueOp(new long[] {0, q, cq, QUEUE_ENTRIES - 1, 0, 0, 1, q, 0, 0});
            queueOp(new long[] {1, q, sq, QUEUE_ENTRIES - 1, q, 0, 0, 0, 0, 0});
            backEnd.sqBase[q] = sq;
            backEnd.cqBase[q] = cq;
        }
        queues = n;
    }

    private void queueOp(long[] request) {
        backEnd.qm.add(request);
        loop.runUntil(() -> backEnd.qm.isEmpty() && backEnd.qmStatus >= 0, 10_000, "a queue-management response");
        if (backEnd.qmStatus != 0) throw new SimulationException("queue-management request " + request[0] + " for queue " + request[1] + " failed with status " + backEnd.qmStatus);
        backEnd.qmStatus = -1;
    }

    /**
     * Fills each of the first {@code active} SQs with {@code perQueue} commands (at most 63),
     * rings their tail doorbells, and runs until every CQE has been written; returns commands
     * per cycle from the first doorbell write to the last CQE write. Checks that every CQE
     * landed with its phase tag set, so a figure is never reported for lost completions. Once
     * per bench: the queues start empty at index 0.
     */
    double sustained(int active, int perQueue) {
        if (active > queues || perQueue >= QUEUE_ENTRIES) throw new IllegalArgumentException(active + " queues of " + perQueue);
        if (measured) throw new IllegalStateException("one measurement per bench");
        measured = true;
        for (int q = 1; q <= active; q++) {
            for (int i = 0; i < perQueue; i++) memory.write(backEnd.sqBase[q] + 64L * i, sqe(i, q));
        }
        int total = active * perQueue;
        long writesBefore = hostMemory.writeBursts();
        long start = loop.cycle();
        for (int q = 1; q <= active; q++) bar.write(0x1000 + 8L * q, perQueue);
        loop.runUntil(() -> hostMemory.writeBursts() - writesBefore >= total, 100L * total + 10_000, total + " CQE writes");
        long end = loop.cycle();
        for (int q = 1; q <= active; q++) {
            for (int i = 0; i < perQueue; i++) {
                byte[] cqe = memory.read(backEnd.cqBase[q] + 16L * i, 16);
                if ((cqe[14] & 1) != 1 || ((cqe[12] & 0xFF) | (cqe[13] & 0xFF) << 8) != i) {
                    throw new SimulationException("CQE " + i + " of CQ " + q + " is missing or wrong");
                }
            }
        }
        return (double) total / (end - start);
    }

    private static byte[] sqe(int cid, int sq) {
        byte[] b = new byte[64];
        b[0] = 0x02;                 // Read; the front end does not look at the opcode
        b[2] = (byte) cid;
        b[3] = (byte) (cid >>> 8);
        b[4] = 1;                    // NSID 1
        for (int i = 8; i < 64; i++) b[i] = (byte) (sq * 31 + i);
        return b;
    }

    @Override
    public void close() {
        sim.close();
    }

    /** A back end with no latency: cmd_ready always high, each command completed (success) in order the next cycle. */
    private static final class ImmediateBackEnd implements CycleAgent {
        private static final String[] QM_FIELDS = {"qm_req_op", "qm_req_qid", "qm_req_base", "qm_req_size", "qm_req_cqid",
                "qm_req_qprio", "qm_req_ien", "qm_req_iv", "qm_req_thr", "qm_req_time"};
        final ArrayDeque<long[]> qm = new ArrayDeque<>();
        final long[] sqBase = new long[1025];
        final long[] cqBase = new long[1025];
        private final ArrayDeque<long[]> completions = new ArrayDeque<>();   // {sqid, cid}
        private boolean qmSent;
        int qmStatus = -1;
        private Simulator.SignalInfo cmdValid, cmdSqid, cmdSqe, cplValid, cplReady, cplSqid, cplCid;

        @Override
        public void drive(Simulator sim) {
            if (cmdValid == null) {
                cmdValid = sim.signal("cmd_valid");
                cmdSqid = sim.signal("cmd_sqid");
                cmdSqe = sim.signal("cmd_sqe");
                cplValid = sim.signal("cpl_valid");
                cplReady = sim.signal("cpl_ready");
                cplSqid = sim.signal("cpl_sqid");
                cplCid = sim.signal("cpl_cid");
                sim.poke("cmd_ready", 1);
                sim.poke("qm_rsp_ready", 1);
                sim.poke("aer_ready", 1);
                sim.poke("cpl_status", 0);
                sim.poke("cpl_dw0", 0);
                sim.poke("cpl_dw1", 0);
            }
            long[] c = completions.peek();
            sim.poke(cplValid, c != null ? 1 : 0);
            if (c != null) {
                sim.poke(cplSqid, c[0]);
                sim.poke(cplCid, c[1]);
            }
            long[] q = qm.peek();
            sim.poke("qm_req_valid", q != null && !qmSent ? 1 : 0);
            if (q != null) {
                for (int i = 0; i < QM_FIELDS.length; i++) sim.poke(QM_FIELDS[i], BigInteger.valueOf(q[i]));
            }
        }

        @Override
        public void sample(Simulator sim) {
            if (completions.peek() != null && sim.peek(cplReady) == 1) completions.poll();
            if (sim.peek(cmdValid) == 1) {
                long cid = sim.peekBig(cmdSqe).shiftRight(16).longValue() & 0xFFFF;
                completions.add(new long[] {sim.peek(cmdSqid), cid});
            }
            if (!qm.isEmpty() && !qmSent && sim.peek("qm_req_ready") == 1) qmSent = true;
            if (qmSent && sim.peek("qm_rsp_valid") == 1) {
                qm.poll();
                qmSent = false;
                qmStatus = (int) sim.peek("qm_rsp_status");
            }
        }
    }
}
