package dev.nvmekit.nvme;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A test bench for {@code nvme_frontend} written from the integration contract alone: an
 * AXI4-Lite master for BAR0, {@link HostMemory} on the AXI4 master port, a simple back end
 * (takes commands, returns completions, issues queue-management requests, takes events and
 * interrupts), a host driver that keeps SQs and CQs in host memory, and protocol monitors that
 * record every violation (valid dropped or payload changed before ready, 4 KiB crossings, an
 * interrupt with no CQE write answered since the last one on its vector, a CQ overrun, SQEs of
 * one SQ out of order).
 */
final class FrontendBench implements AutoCloseable {
    record Command(long cycle, int sqid, byte[] sqe) {
        int cid() {
            return (sqe[2] & 0xFF) | (sqe[3] & 0xFF) << 8;
        }
    }

    record Completion(int sqid, int cid, int status, long dw0, long dw1) {
    }

    record Cqe(long dw0, long dw1, int sqhd, int sqid, int cid, int phase, int status) {
    }

    record Interrupt(long cycle, int vector) {
    }

    record Event(int type, int info, int qid) {
    }

    private record Interface(String valid, String ready, List<String> payload) {
    }

    private record QueueState(long base, int size) {
    }

    final Dut dut;
    final HostMemory memory;
    final List<String> violations = new ArrayList<>();
    final List<Command> commands = new ArrayList<>();
    final Deque<Completion> completions = new ArrayDeque<>();
    final List<Long> completionCycles = new ArrayList<>();
    final List<Interrupt> interrupts = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final int stride;
    final Random random;
    long cycle;
    double cmdStall = 0.0;
    boolean irqReady = true;
    boolean autoComplete = false;

    private final List<Interface> interfaces = List.of(
            new Interface("m_axi_arvalid", "m_axi_arready", List.of("m_axi_araddr", "m_axi_arlen", "m_axi_arsize", "m_axi_arburst", "m_axi_arid")),
            new Interface("m_axi_awvalid", "m_axi_awready", List.of("m_axi_awaddr", "m_axi_awlen", "m_axi_awsize", "m_axi_awburst", "m_axi_awid")),
            new Interface("m_axi_wvalid", "m_axi_wready", List.of("m_axi_wdata", "m_axi_wstrb", "m_axi_wlast")),
            new Interface("cmd_valid", "cmd_ready", List.of("cmd_sqid", "cmd_sqe")),
            new Interface("irq_valid", "irq_ready", List.of("irq_vector")),
            new Interface("qm_rsp_valid", "qm_rsp_ready", List.of("qm_rsp_status")),
            new Interface("aer_valid", "aer_ready", List.of("aer_type", "aer_info", "aer_qid")),
            new Interface("s_axil_bvalid", "s_axil_bready", List.of("s_axil_bresp")),
            new Interface("s_axil_rvalid", "s_axil_rready", List.of("s_axil_rdata", "s_axil_rresp")));
    private final Map<String, List<BigInteger>> pending = new HashMap<>();
    private final Map<Integer, QueueState> sqs = new HashMap<>();
    private final Map<Integer, QueueState> cqs = new HashMap<>();
    private final Map<Integer, Integer> sqTail = new HashMap<>();
    private final Map<Integer, Integer> cqHead = new HashMap<>();
    private final Map<Integer, Integer> cqPhase = new HashMap<>();
    private final Map<Integer, Integer> cqVector = new HashMap<>();
    private final Map<Integer, Integer> cqOutstanding = new HashMap<>();
    private final Map<Integer, Integer> answeredSinceIrq = new HashMap<>();
    private final Map<Integer, Integer> lastCidOfSq = new HashMap<>();
    private int answeredWrites;

    // AXI4-Lite master state: one operation at a time
    private long liteAddr, liteData;
    private boolean liteWrite, awPending, wPending, arPending, liteDone;
    private long liteResult;
    // back end: queue-management request in flight
    private long[] qmRequest;
    private int qmStatus = -1;

    FrontendBench(Dut dut, FrontendParameters p, long seed) {
        this.dut = dut;
        this.stride = 4 << p.doorbellStride();
        this.random = new Random(seed);
        this.memory = new HostMemory(p.dmaDataBits(), seed, violations);
        dut.poke("rst", 1);
        for (int i = 0; i < 3; i++) dut.step();
        dut.poke("rst", 0);
        dut.poke("s_axil_bready", 1);
        dut.poke("s_axil_rready", 1);
        dut.poke("qm_rsp_ready", 1);
        dut.poke("aer_ready", 1);
        dut.poke("s_axil_wstrb", 0xF);
    }

    /** One clock cycle of every model. */
    void cycle() {
        memory.drive(dut, cycle);
        boolean cmdReady = random.nextDouble() >= cmdStall;
        dut.poke("cmd_ready", cmdReady ? 1 : 0);
        dut.poke("irq_ready", irqReady ? 1 : 0);
        Completion c = completions.peekFirst();
        dut.poke("cpl_valid", c != null ? 1 : 0);
        if (c != null) {
            dut.poke("cpl_sqid", c.sqid());
            dut.poke("cpl_cid", c.cid());
            dut.poke("cpl_status", c.status());
            dut.poke("cpl_dw0", c.dw0());
            dut.poke("cpl_dw1", c.dw1());
        }
        dut.poke("qm_req_valid", qmRequest != null ? 1 : 0);
        if (qmRequest != null) {
            String[] names = {"qm_req_op", "qm_req_qid", "qm_req_base", "qm_req_size", "qm_req_cqid", "qm_req_qprio", "qm_req_ien", "qm_req_iv", "qm_req_thr", "qm_req_time"};
            for (int i = 0; i < names.length; i++) dut.poke(names[i], BigInteger.valueOf(qmRequest[i]).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        }
        dut.poke("s_axil_awvalid", awPending ? 1 : 0);
        dut.poke("s_axil_wvalid", wPending ? 1 : 0);
        dut.poke("s_axil_arvalid", arPending ? 1 : 0);
        dut.poke("s_axil_awaddr", liteAddr);
        dut.poke("s_axil_araddr", liteAddr);
        dut.poke("s_axil_wdata", liteData);

        // ---- sample the transfers of this edge ----
        checkStable();
        memory.sample(dut, cycle);
        for (HostMemory.WriteEvent w : memory.writes.subList(Math.max(0, memory.writes.size() - 1), memory.writes.size())) {
            if (w.cycle() == cycle) noteCqeWrite(w);
        }
        if (dut.peek("cmd_valid") == 1 && cmdReady) {
            Command cmd = new Command(cycle, (int) dut.peek("cmd_sqid"), HostMemory.toBytes(dut.peekBig("cmd_sqe"), 64));
            commands.add(cmd);
            Integer last = lastCidOfSq.put(cmd.sqid(), cmd.cid());
            if (last != null && ((last + 1) & 0xFFFF) != cmd.cid()) violations.add("SQ " + cmd.sqid() + " CID " + cmd.cid() + " after " + last);
            if (autoComplete) completions.add(new Completion(cmd.sqid(), cmd.cid(), 0, cmd.cid() * 3L, 7));
        }
        if (c != null && dut.peek("cpl_ready") == 1) {
            completions.pollFirst();
            completionCycles.add(cycle);
        }
        if (qmRequest != null && dut.peek("qm_req_ready") == 1) qmRequest = null;
        if (dut.peek("qm_rsp_valid") == 1) qmStatus = (int) dut.peek("qm_rsp_status");
        if (dut.peek("aer_valid") == 1) events.add(new Event((int) dut.peek("aer_type"), (int) dut.peek("aer_info"), (int) dut.peek("aer_qid")));
        if (irqReady && dut.peek("irq_valid") == 1) {
            int v = (int) dut.peek("irq_vector");
            interrupts.add(new Interrupt(cycle, v));
            if (answeredSinceIrq.getOrDefault(v, 0) == 0) violations.add("interrupt on vector " + v + " at cycle " + cycle + " with no CQE write answered since the last");
            answeredSinceIrq.put(v, 0);
        }
        // After the interrupt check: a B response on the same edge as an interrupt cannot be
        // what that interrupt announces, so it counts toward the vector's next one.
        if (memory.writeResponseCycles.size() > answeredWrites) {
            answeredWrites = memory.writeResponseCycles.size();
            if (dut.peek("m_axi_bresp") == 0) {
                // Responses come in order; attribute to the oldest unanswered CQE write's vector.
                Integer v = unansweredVectors.pollFirst();
                if (v != null) answeredSinceIrq.merge(v, 1, Integer::sum);
            } else {
                unansweredVectors.pollFirst();
            }
        }
        if (awPending && dut.peek("s_axil_awready") == 1) awPending = false;
        if (wPending && dut.peek("s_axil_wready") == 1) wPending = false;
        if (liteWrite && dut.peek("s_axil_bvalid") == 1) liteDone = true;
        if (arPending && dut.peek("s_axil_arready") == 1) arPending = false;
        if (!liteWrite && dut.peek("s_axil_rvalid") == 1) {
            liteResult = dut.peek("s_axil_rdata");
            liteDone = true;
        }
        dut.step();
        cycle++;
    }

    private final Deque<Integer> unansweredVectors = new ArrayDeque<>();

    private void noteCqeWrite(HostMemory.WriteEvent w) {
        for (var e : cqs.entrySet()) {
            QueueState q = e.getValue();
            if (w.address() >= q.base() && w.address() < q.base() + 16L * q.size()) {
                int cq = e.getKey();
                int out = cqOutstanding.merge(cq, 1, Integer::sum);
                if (out > q.size() - 1) violations.add("CQ " + cq + " overrun: " + out + " entries unconsumed in a queue of " + q.size());
                unansweredVectors.add(cqVector.getOrDefault(cq, -1));
                return;
            }
        }
    }

    private void checkStable() {
        for (Interface i : interfaces) {
            boolean valid = dut.peek(i.valid()) == 1;
            List<BigInteger> payload = new ArrayList<>();
            for (String s : i.payload()) payload.add(dut.peekBig(s));
            List<BigInteger> before = pending.get(i.valid());
            if (before != null) {
                if (!valid) violations.add(i.valid() + " dropped before " + i.ready() + " at cycle " + cycle);
                else if (!before.equals(payload)) violations.add(i.valid().replace("valid", "") + " payload changed before ready at cycle " + cycle);
            }
            boolean ready = dut.peek(i.ready()) == 1;
            if (valid && !ready) pending.put(i.valid(), payload);
            else pending.remove(i.valid());
        }
    }

    void run(int cycles) {
        for (int i = 0; i < cycles; i++) cycle();
    }

    void runUntil(java.util.function.BooleanSupplier done, int limit, String what) {
        for (int i = 0; i < limit; i++) {
            if (done.getAsBoolean()) return;
            cycle();
        }
        throw new AssertionError("timed out after " + limit + " cycles waiting for " + what);
    }

    // ---- AXI4-Lite master ----
    void write32(long addr, long value) {
        liteAddr = addr;
        liteData = value & 0xFFFF_FFFFL;
        liteWrite = true;
        awPending = wPending = true;
        liteDone = false;
        runUntil(() -> liteDone && !awPending && !wPending, 2000, "write response");
        cycle();
    }

    long read32(long addr) {
        liteAddr = addr;
        liteWrite = false;
        arPending = true;
        liteDone = false;
        runUntil(() -> liteDone, 2000, "read data");
        cycle();
        return liteResult;
    }

    // ---- back end: queue management ----
    int queueOp(int op, int qid, long base, int size, int cqid, int ien, int iv, int thr, int time) {
        qmRequest = new long[] {op, qid, base, size, cqid, 0, ien, iv, thr, time};
        qmStatus = -1;
        runUntil(() -> qmStatus >= 0, 2000, "queue-management response");
        cycle();
        return qmStatus;
    }

    /**
     * Creates I/O queue pairs 1..{@code count} of 16 entries at the tests' usual addresses (CQ q
     * at 0x30_0000 + q pages, SQ q at 0x40_0000 + q pages, CQ q on vector q), each CQ before its
     * SQ; fails on any error status.
     */
    void createQueuePairs(int count) {
        for (int q = 1; q <= count; q++) {
            int cq = createCq(q, 0x30_0000L + 0x1000L * q, 16, q);
            if (cq != 0) throw new AssertionError("create CQ " + q + ": status " + cq);
            int sq = createSq(q, 0x40_0000L + 0x1000L * q, 16, q);
            if (sq != 0) throw new AssertionError("create SQ " + q + ": status " + sq);
        }
    }

    int createCq(int qid, long base, int entries, int iv) {
        return createCq(qid, base, entries, iv, 1);
    }

    int createCq(int qid, long base, int entries, int iv, int ien) {
        int s = queueOp(0, qid, base, entries - 1, 0, ien, iv, 0, 0);
        if (s == 0) host(qid, base, entries, iv);
        return s;
    }

    int createSq(int qid, long base, int entries, int cqid) {
        int s = queueOp(1, qid, base, entries - 1, cqid, 0, 0, 0, 0);
        if (s == 0) {
            sqs.put(qid, new QueueState(base, entries));
            sqTail.put(qid, 0);
        }
        return s;
    }

    private void host(int cq, long base, int entries, int vector) {
        cqs.put(cq, new QueueState(base, entries));
        cqHead.put(cq, 0);
        cqPhase.put(cq, 1);
        cqVector.put(cq, vector);
        cqOutstanding.put(cq, 0);
    }

    // ---- host driver ----
    void enable(long asq, long acq, int entries) {
        write32(0x24, (long) (entries - 1) << 16 | (entries - 1));
        write32(0x28, asq);
        write32(0x2C, asq >>> 32);
        write32(0x30, acq);
        write32(0x34, acq >>> 32);
        write32(0x14, 0x0046_0000);
        write32(0x14, 0x0046_0001);
        runUntil(() -> (read32(0x1C) & 1) == 1, 20_000, "CSTS.RDY");
        sqs.put(0, new QueueState(asq, entries));
        sqTail.put(0, 0);
        host(0, acq, entries, 0);
    }

    static byte[] sqe(int opcode, int cid, long tag) {
        byte[] b = new byte[64];
        b[0] = (byte) opcode;
        b[2] = (byte) cid;
        b[3] = (byte) (cid >>> 8);
        for (int i = 8; i < 64; i++) b[i] = (byte) (tag * 31 + i);
        return b;
    }

    /** Writes SQEs to host memory and rings the tail doorbell once for the batch. */
    void submit(int sq, List<byte[]> entries) {
        QueueState q = sqs.get(sq);
        int tail = sqTail.get(sq);
        for (byte[] e : entries) {
            memory.write(q.base() + 64L * tail, e);
            tail = (tail + 1) % q.size();
        }
        sqTail.put(sq, tail);
        write32(0x1000 + (long) (2 * sq) * stride, tail);
    }

    /** Reads the new CQEs of a CQ (by phase tag) and, when there are any, writes its head doorbell. */
    List<Cqe> reap(int cq) {
        QueueState q = cqs.get(cq);
        List<Cqe> out = new ArrayList<>();
        while (true) {
            int head = cqHead.get(cq);
            byte[] e = memory.read(q.base() + 16L * head, 16);
            long dw3 = u32(e, 12);
            int phase = (int) (dw3 >>> 16) & 1;
            if (phase != cqPhase.get(cq)) break;
            long dw2 = u32(e, 8);
            out.add(new Cqe(u32(e, 0), u32(e, 4), (int) (dw2 & 0xFFFF), (int) (dw2 >>> 16), (int) (dw3 & 0xFFFF), phase, (int) (dw3 >>> 17)));
            head = (head + 1) % q.size();
            if (head == 0) cqPhase.put(cq, 1 - cqPhase.get(cq));
            cqHead.put(cq, head);
            cqOutstanding.merge(cq, -1, Integer::sum);
        }
        if (!out.isEmpty()) write32(0x1000 + (long) (2 * cq + 1) * stride, cqHead.get(cq));
        return out;
    }

    static long u32(byte[] b, int o) {
        return (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
    }

    @Override
    public void close() {
        dut.close();
    }
}
