package dev.nvmekit.testbench.monitor;

import dev.nvmekit.testbench.nvme.CompletionQueueEntry;
import dev.nvmekit.testbench.nvme.ControllerRegisters;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.port.BusWord;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a transaction trace against the front-end contract (§3, §4) and the NVMe queue rules,
 * knowing nothing but the trace: it rebuilds the queues from the host's register writes and the
 * back end's {@code qm_} requests, the fetched SQEs from the read data, the CQEs from the write
 * data. Rules:
 * <ul>
 *   <li>valid and payload held stable until ready (every channel);</li>
 *   <li>AXI bursts: INCR, full data width, not crossing a 4 KiB boundary, WLAST on the last beat (§3.3);</li>
 *   <li>§4.3: no SQE fetched past the tail the host last wrote, none twice; {@code cmd_sqe} is the
 *       fetched entry, in queue order;</li>
 *   <li>§4.4: CQEs posted in order with the right phase tag, SQ ID, the back end's CID/status/DW0/DW1,
 *       and an SQHD that moves forward within a wrap, never past the entries handed out;</li>
 *   <li>§4.5: a CQ is never overrun;</li>
 *   <li>§3.4: an interrupt is not requested while the CQE writes it announces are unanswered;</li>
 *   <li>§3.3: no fetch after a host memory error until the controller is reset;</li>
 *   <li>every CID handed to the back end is completed exactly once (unless a reset drops it).</li>
 * </ul>
 * Run {@code java ... TraceChecker trace.txt} on a saved trace; the exit code is the number of
 * violations (at most 100).
 */
public final class TraceChecker {
    private final List<Violation> violations = new ArrayList<>();
    private final CheckedQueues queues = new CheckedQueues();
    private final int dataBytes;
    private int dstrd;
    private int aqa;
    private long asq, acq;
    private boolean enabled, resetting, memoryError;
    private long memoryErrorCycle;

    // AXI-Lite pairing
    private final ArrayDeque<Long> axilWriteAddresses = new ArrayDeque<>();
    private final ArrayDeque<Long> axilWriteData = new ArrayDeque<>();
    private final ArrayDeque<Long> axilReadAddresses = new ArrayDeque<>();
    // AXI4: bursts per ID awaiting data / responses
    private final Map<Long, ArrayDeque<ReadBurst>> readsById = new HashMap<>();
    private final ArrayDeque<WriteBurst> writesAwaitingData = new ArrayDeque<>();
    private final ArrayDeque<TraceEvent> writeBeats = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<WriteBurst>> writesById = new HashMap<>();
    // back end
    private final ArrayDeque<TraceEvent> qmRequests = new ArrayDeque<>();
    private final Map<Integer, List<TraceEvent>> pendingCompletions = new HashMap<>(); // by CQ id
    private final Set<Long> outstanding = new HashSet<>(); // sqid << 16 | cid
    // interrupts
    private final Map<Integer, ArrayDeque<Long>> answeredUnannounced = new HashMap<>(); // cycles of OKAY CQE write responses
    private final Map<Integer, Integer> cqeWritesInFlight = new HashMap<>();

    private record ReadBurst(long cycle, long address, int beats, CheckedQueues.Sq sq, int first, int count,
                             List<BigInteger> data, boolean[] failed) {
    }

    private record WriteBurst(long cycle, long address, int beats, long id, List<Integer> vectors) {
    }

    public TraceChecker(int dataBytes) {
        if (Integer.bitCount(dataBytes) != 1) throw new IllegalArgumentException("AXI data width must be a power of two bytes");
        this.dataBytes = dataBytes;
    }

    /** Checks a whole trace; the data width comes from its meta ({@code dataBytes}, default 16). */
    public static List<Violation> check(Trace trace) {
        TraceChecker c = new TraceChecker(Integer.parseInt(trace.meta().getOrDefault("dataBytes", "16")));
        for (TraceEvent e : trace.events()) c.accept(e);
        return c.violations();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** (SQ ID, CID) pairs handed to the back end and not completed, as {@code "sq/cid"} strings. */
    public List<String> unfinished() {
        return outstanding.stream().sorted().map(k -> (k >>> 16) + "/" + (k & 0xFFFF)).toList();
    }

    private void fail(long cycle, String rule, String message) {
        violations.add(new Violation(cycle, rule, message));
    }

    /** Feeds one event (in trace order). */
    public void accept(TraceEvent e) {
        if (e.kind() == TraceEvent.Kind.UNSTABLE) {
            fail(e.cycle(), "§3 handshake", e.channel() + ": valid dropped or payload changed before ready, was " + e.fields());
            return;
        }
        if (e.kind() == TraceEvent.Kind.LEVEL) {
            if (e.channel().equals("ctrl_enabled") && e.get("ctrl_enabled") == 0 && resetting) resetting = false;
            return;
        }
        switch (e.channel()) {
            case "s_axil_aw" -> { axilWriteAddresses.add(e.get("s_axil_awaddr")); registerWrites(e.cycle()); }
            case "s_axil_w" -> { axilWriteData.add(e.get("s_axil_wdata")); registerWrites(e.cycle()); }
            case "s_axil_ar" -> axilReadAddresses.add(e.get("s_axil_araddr"));
            case "s_axil_r" -> registerRead(e);
            case "m_axi_ar" -> fetch(e);
            case "m_axi_r" -> readData(e);
            case "m_axi_aw" -> { writeAddress(e); writes(); }
            case "m_axi_w" -> { writeBeats.add(e); writes(); }
            case "m_axi_b" -> writeResponse(e);
            case "cmd" -> command(e);
            case "cpl" -> completion(e);
            case "qm_req" -> qmRequests.add(e);
            case "qm_rsp" -> queueManagement(e);
            case "irq" -> interrupt(e);
            default -> { }
        }
    }

    private void hostMemoryError(long cycle) {
        if (!memoryError) memoryErrorCycle = cycle;
        memoryError = true;
    }

    // ---- registers ----

    private void registerRead(TraceEvent e) {
        Long address = axilReadAddresses.poll();
        if (address == null) { fail(e.cycle(), "§3.2 AXI-Lite", "read data with no read address"); return; }
        if ((address & 0xFFF) == ControllerRegisters.CAP + 4) dstrd = (int) (e.get("s_axil_rdata") & 0xF);
    }

    private void registerWrites(long cycle) {
        while (!axilWriteAddresses.isEmpty() && !axilWriteData.isEmpty()) {
            registerWrite(cycle, axilWriteAddresses.poll() & 0xFFFF_FFFFL, (int) (long) axilWriteData.poll());
        }
    }

    private void registerWrite(long cycle, long offset, int value) {
        if (offset >= ControllerRegisters.DOORBELL_BASE) { doorbell(offset, value); return; }
        switch ((int) offset) {
            case ControllerRegisters.AQA -> aqa = value;
            case ControllerRegisters.ASQ -> asq = asq & ~0xFFFF_FFFFL | value & 0xFFFF_FFFFL;
            case ControllerRegisters.ASQ + 4 -> asq = asq & 0xFFFF_FFFFL | (long) value << 32;
            case ControllerRegisters.ACQ -> acq = acq & ~0xFFFF_FFFFL | value & 0xFFFF_FFFFL;
            case ControllerRegisters.ACQ + 4 -> acq = acq & 0xFFFF_FFFFL | (long) value << 32;
            case ControllerRegisters.CC -> enable(cycle, (value & 1) != 0);
            default -> { }
        }
    }

    private void enable(long cycle, boolean en) {
        if (en && !enabled) {
            queues.clear();
            queues.sqs.put(0, new CheckedQueues.Sq(0, asq, (aqa & 0xFFF) + 1, 0));
            queues.cqs.put(0, new CheckedQueues.Cq(0, acq, (aqa >>> 16 & 0xFFF) + 1, true, 0));
            memoryError = false;
            resetting = false;
        } else if (!en && enabled) {
            // §4.1: CC.EN 1→0 deletes every queue; commands in flight are dropped by the reset.
            queues.clear();
            outstanding.clear();
            pendingCompletions.clear();
            answeredUnannounced.clear();
            memoryError = false;
            resetting = true;
        }
        enabled = en;
    }

    private void doorbell(long offset, int value) {
        long index = (offset - ControllerRegisters.DOORBELL_BASE) / (4L << dstrd);
        int qid = (int) (index / 2);
        if (index % 2 == 0) {
            CheckedQueues.Sq q = queues.sqs.get(qid);
            if (q != null && value >= 0 && value < q.size) q.tail = value;
        } else {
            CheckedQueues.Cq q = queues.cqs.get(qid);
            if (q != null && value >= 0 && value < q.size) q.head = value;
        }
    }

    private void queueManagement(TraceEvent rsp) {
        TraceEvent req = qmRequests.poll();
        if (req == null) { fail(rsp.cycle(), "§3.7 qm", "response with no request"); return; }
        if (rsp.get("qm_rsp_status") != 0) return;
        int qid = (int) req.get("qm_req_qid");
        switch ((int) req.get("qm_req_op")) {
            case 0 -> queues.cqs.put(qid, new CheckedQueues.Cq(qid, req.get("qm_req_base"), (int) req.get("qm_req_size") + 1,
                    req.get("qm_req_ien") == 1, (int) req.get("qm_req_iv")));
            case 1 -> queues.sqs.put(qid, new CheckedQueues.Sq(qid, req.get("qm_req_base"), (int) req.get("qm_req_size") + 1,
                    (int) req.get("qm_req_cqid")));
            case 2 -> queues.sqs.remove(qid);
            case 3 -> queues.cqs.remove(qid);
            default -> { }
        }
    }

    // ---- AXI4 host memory ----

    private int burstBeats(TraceEvent e, String p) {
        long addr = e.get("m_axi_" + p + "addr");
        int len = (int) e.get("m_axi_" + p + "len");
        int size = (int) e.getOr("m_axi_" + p + "size", Integer.numberOfTrailingZeros(dataBytes));
        long bytes = (long) (len + 1) << size;
        if (e.getOr("m_axi_" + p + "burst", 1) != 1) fail(e.cycle(), "§3.3 AXI", p + " burst type is not INCR");
        if (1 << size != dataBytes) fail(e.cycle(), "§3.3 AXI", p + " beat size " + (1 << size) + " is not the full data width " + dataBytes);
        if ((addr & 0xFFF) + bytes > 4096) fail(e.cycle(), "§3.3 AXI", String.format("%s burst at %#x of %d bytes crosses a 4 KiB boundary", p, addr, bytes));
        return len + 1;
    }

    private void fetch(TraceEvent e) {
        int beats = burstBeats(e, "ar");
        long addr = e.get("m_axi_araddr");
        long bytes = (long) beats * dataBytes;
        CheckedQueues.Sq q = queues.sqAt(addr);
        int first = 0, count = 0;
        if (q != null) {
            // A burst whose arvalid was up before the error may complete its handshake after it (AXI
            // forbids withdrawing valid); only one started after the error is a new fetch.
            if (memoryError && e.getOr("valid_since", e.cycle()) > memoryErrorCycle) {
                fail(e.cycle(), "§3.3 host memory error", "SQ " + q.id + " fetched after an error response, before a reset");
            }
            if (resetting) fail(e.cycle(), "§4.1 disable", "SQ " + q.id + " fetched after CC.EN was cleared");
            first = (int) ((addr - q.base) / 64);
            count = (int) (bytes / 64);
            if ((addr - q.base) % 64 != 0 || bytes % 64 != 0) fail(e.cycle(), "§4.3 fetch", String.format("SQ %d read at %#x of %d bytes is not whole SQEs", q.id, addr, bytes));
            if (addr + bytes > q.base + 64L * q.size) fail(e.cycle(), "§4.3 fetch", "SQ " + q.id + " read runs past the end of the queue");
            if (first != q.fetchPointer) {
                fail(e.cycle(), "§4.3 fetch", "SQ " + q.id + " entry " + first + " fetched, expected entry " + q.fetchPointer + " (fetched twice or skipped)");
            } else if (count > Math.floorMod(q.tail - q.fetchPointer, q.size)) {
                fail(e.cycle(), "§4.3 fetch", "SQ " + q.id + " entries " + first + ".." + (first + count - 1) + " fetched past the tail " + q.tail);
            }
            q.fetchPointer = (first + count) % q.size;
        }
        readsById.computeIfAbsent(e.get("m_axi_arid"), k -> new ArrayDeque<>())
                .add(new ReadBurst(e.cycle(), addr, beats, q, first, count, new ArrayList<>(), new boolean[1]));
    }

    private void readData(TraceEvent e) {
        long id = e.getOr("m_axi_rid", 0);
        ArrayDeque<ReadBurst> fifo = readsById.get(id);
        ReadBurst b = fifo == null ? null : fifo.peek();
        if (b == null) { fail(e.cycle(), "§3.3 AXI", "read data for ID " + id + " with no read outstanding"); return; }
        if (e.get("m_axi_rresp") != 0) {
            hostMemoryError(e.cycle());
            b.failed()[0] = true;
        }
        b.data().add(e.big("m_axi_rdata"));
        boolean last = b.data().size() == b.beats();
        if (e.getOr("m_axi_rlast", last ? 1 : 0) != (last ? 1 : 0)) fail(e.cycle(), "§3.3 AXI", "RLAST wrong on beat " + b.data().size() + " of " + b.beats());
        if (last) fifo.poll();
        // Entries of a burst that got an error response are not fetched; other bursts' data still counts (§3.3).
        if (b.sq() == null || b.sq() != queues.sqs.get(b.sq().id) || b.failed()[0]) return;
        // An SQE may be handed out as soon as its own beats are in, before the burst's last beat.
        int have = b.data().size() * dataBytes;
        int before = (b.data().size() - 1) * dataBytes;
        for (int i = before / 64; i < b.count() && (i + 1) * 64 <= have; i++) {
            if ((i + 1) * 64 <= before) continue;
            byte[] bytes = new byte[64];
            for (int k = 0; k < 64; k++) {
                int at = i * 64 + k;
                bytes[k] = BusWord.bytes(b.data().get(at / dataBytes), dataBytes)[at % dataBytes];
            }
            b.sq().fetched.put((b.first() + i) % b.sq().size, BusWord.of(bytes));
        }
    }

    private void writeAddress(TraceEvent e) {
        int beats = burstBeats(e, "aw");
        writesAwaitingData.add(new WriteBurst(e.cycle(), e.get("m_axi_awaddr"), beats, e.getOr("m_axi_awid", 0), new ArrayList<>()));
    }

    private void writes() {
        while (!writesAwaitingData.isEmpty() && writeBeats.size() >= writesAwaitingData.peek().beats()) {
            WriteBurst b = writesAwaitingData.poll();
            byte[] data = new byte[b.beats() * dataBytes];
            boolean[] written = new boolean[data.length];
            long lane = b.address() & -(long) dataBytes;
            for (int i = 0; i < b.beats(); i++) {
                TraceEvent beat = writeBeats.poll();
                if (beat.getOr("m_axi_wlast", i == b.beats() - 1 ? 1 : 0) != (i == b.beats() - 1 ? 1 : 0)) {
                    fail(beat.cycle(), "§3.3 AXI", "WLAST wrong on beat " + (i + 1) + " of " + b.beats());
                }
                System.arraycopy(BusWord.bytes(beat.big("m_axi_wdata"), dataBytes), 0, data, i * dataBytes, dataBytes);
                long strb = beat.get("m_axi_wstrb");
                for (int k = 0; k < dataBytes; k++) written[i * dataBytes + k] = (strb >>> k & 1) != 0;
            }
            for (int off = 0; off + 16 <= data.length; off += 16) {
                boolean all = true, any = false;
                for (int k = 0; k < 16; k++) { all &= written[off + k]; any |= written[off + k]; }
                CheckedQueues.Cq q = queues.cqAt(lane + off);
                if (q == null || !any) continue;
                if (!all) { fail(b.cycle(), "§4.4 CQE", "CQ " + q.id + " entry written partially"); continue; }
                postedEntry(b, q, (int) ((lane + off - q.base) / 16), CompletionQueueEntry.decode(data, off));
            }
            writesById.computeIfAbsent(b.id(), k -> new ArrayDeque<>()).add(b);
        }
    }

    private void postedEntry(WriteBurst b, CheckedQueues.Cq q, int index, CompletionQueueEntry cqe) {
        long cycle = b.cycle();
        if (resetting) return;
        if (index != q.tail) fail(cycle, "§4.4 CQE", "CQ " + q.id + " entry " + index + " written, expected entry " + q.tail);
        if (q.used() >= q.size - 1) fail(cycle, "§4.5 overrun", "CQ " + q.id + " full (head " + q.head + ", tail " + q.tail + ") but entry " + index + " was written");
        if (cqe.phase() != q.phase) fail(cycle, "§4.4 phase", "CQ " + q.id + " entry " + index + " has phase " + (cqe.phase() ? 1 : 0) + ", expected " + (q.phase ? 1 : 0));
        q.tail = (index + 1) % q.size;
        if (q.tail == 0) q.phase = !q.phase;
        CheckedQueues.Sq sq = queues.sqs.get(cqe.sqId());
        if (sq == null || sq.cqid != q.id) {
            fail(cycle, "§4.4 CQE", "CQ " + q.id + " entry carries SQ ID " + cqe.sqId() + ", not an SQ bound to this CQ");
        } else {
            int moved = Math.floorMod(cqe.sqHead() - sq.lastSqhd, sq.size);
            int possible = Math.floorMod(sq.handed - sq.lastSqhd, sq.size);
            if (moved > possible) fail(cycle, "§4.4 SQHD", "SQ " + sq.id + " SQHD " + cqe.sqHead() + " is beyond the " + sq.handed + " entries handed out (last SQHD " + sq.lastSqhd + ")");
            sq.lastSqhd = cqe.sqHead();
        }
        List<TraceEvent> pending = pendingCompletions.getOrDefault(q.id, List.of());
        TraceEvent match = null;
        for (TraceEvent c : pending) {
            if (c.get("cpl_sqid") == cqe.sqId() && c.get("cpl_cid") == cqe.cid()) { match = c; break; }
        }
        if (match == null) {
            fail(cycle, "§4.4 CQE", "CQ " + q.id + " entry for SQ " + cqe.sqId() + " CID " + cqe.cid() + " matches no completion from the back end");
        } else {
            pending.remove(match);
            int status = cqe.statusAndPhase() >>> 1;
            if (match.get("cpl_status") != status || (int) match.get("cpl_dw0") != cqe.dw0() || (int) match.get("cpl_dw1") != cqe.dw1()) {
                fail(cycle, "§4.4 CQE", "CQ " + q.id + " entry for CID " + cqe.cid() + " differs from the back end's status/DW0/DW1");
            }
        }
        if (!outstanding.remove((long) cqe.sqId() << 16 | cqe.cid())) {
            fail(cycle, "CID once", "SQ " + cqe.sqId() + " CID " + cqe.cid() + " completed but not outstanding (completed twice or never handed out)");
        }
        if (q.interrupts) {
            b.vectors().add(q.vector);
            cqeWritesInFlight.merge(q.vector, 1, Integer::sum);
        }
    }

    private void writeResponse(TraceEvent e) {
        long id = e.getOr("m_axi_bid", 0);
        ArrayDeque<WriteBurst> fifo = writesById.get(id);
        WriteBurst b = fifo == null ? null : fifo.poll();
        if (b == null) { fail(e.cycle(), "§3.3 AXI", "write response for ID " + id + " with no write outstanding"); return; }
        boolean ok = e.get("m_axi_bresp") == 0;
        if (!ok) hostMemoryError(e.cycle());
        for (int v : b.vectors()) {
            cqeWritesInFlight.merge(v, -1, Integer::sum);
            if (ok) answeredUnannounced.computeIfAbsent(v, k -> new ArrayDeque<>()).add(e.cycle());
        }
    }

    // ---- back end and interrupts ----

    private void command(TraceEvent e) {
        int sqid = (int) e.get("cmd_sqid");
        CheckedQueues.Sq q = queues.sqs.get(sqid);
        if (resetting) return;
        if (q == null) { fail(e.cycle(), "§3.5 cmd", "command for SQ " + sqid + ", which does not exist"); return; }
        BigInteger expected = q.fetched.remove(q.handed);
        BigInteger sqe = e.big("cmd_sqe");
        if (expected == null) fail(e.cycle(), "§3.5 cmd", "SQ " + sqid + " command handed out before it was fetched");
        else if (!expected.equals(sqe)) fail(e.cycle(), "§3.5 cmd", "SQ " + sqid + " cmd_sqe differs from the next SQE fetched from host memory");
        q.handed = (q.handed + 1) % q.size;
        int cid = SubmissionQueueEntry.fromBusWord(sqe).cid();
        if (!outstanding.add((long) sqid << 16 | cid)) fail(e.cycle(), "CID once", "SQ " + sqid + " CID " + cid + " submitted while still outstanding");
    }

    private void completion(TraceEvent e) {
        if (resetting) return;
        int sqid = (int) e.get("cpl_sqid");
        CheckedQueues.Sq q = queues.sqs.get(sqid);
        if (q == null) { fail(e.cycle(), "§3.6 cpl", "completion for SQ " + sqid + ", which does not exist"); return; }
        pendingCompletions.computeIfAbsent(q.cqid, k -> new ArrayList<>()).add(e);
    }

    private void interrupt(TraceEvent e) {
        int v = (int) e.get("irq_vector");
        ArrayDeque<Long> answered = answeredUnannounced.getOrDefault(v, new ArrayDeque<>());
        if (!answered.isEmpty()) {
            // The interrupt announces the CQEs answered before it; one answered in its own cycle may
            // be left for the next interrupt (the front end may send one per CQE, back to back).
            boolean earlier = answered.peekFirst() < e.cycle();
            while (!answered.isEmpty() && (!earlier || answered.peekFirst() < e.cycle())) answered.pollFirst();
        } else if (cqeWritesInFlight.getOrDefault(v, 0) > 0) {
            fail(e.cycle(), "§3.4 interrupt", "interrupt on vector " + v + " while its CQE writes are unanswered");
        }
    }

    /** Checks a saved trace: {@code TraceChecker <trace file>}; prints each violation. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TraceChecker <trace file>");
            System.exit(2);
        }
        List<Violation> v = check(Trace.load(Path.of(args[0])));
        v.forEach(System.out::println);
        System.out.println(v.isEmpty() ? "trace OK" : v.size() + " violation(s)");
        System.exit(Math.min(v.size(), 100));
    }
}
