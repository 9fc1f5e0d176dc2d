package dev.nvmekit.testbench.ssd;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.nvme.*;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A minimal device back end for the host-side tests until the firmware model lands: admin
 * Identify (01h/00h/02h), Set Features (Number of Queues granted up to 8), queue create/delete
 * through {@code qm_}, held AERs answered from {@code aer_}, Abort (not aborted), and Read/Write
 * on one 512-byte-block namespace in a RAM array through PRPs or SGLs. {@link #loseCommands}
 * makes matching commands vanish, to provoke timeouts.
 */
final class StandInBackEnd implements CycleAgent {
    static final long BLOCKS = 4096;
    private final HostMemory memory;
    final byte[] media = new byte[(int) BLOCKS * 512];
    private final ArrayDeque<long[]> work = new ArrayDeque<>();          // {sqid, ready cycle}
    private final ArrayDeque<SubmissionQueueEntry> workSqe = new ArrayDeque<>();
    private final ArrayDeque<long[]> completions = new ArrayDeque<>();   // sqid cid status dw0
    private final ArrayDeque<Object[]> qm = new ArrayDeque<>();          // op fields + waiting command
    private final List<int[]> heldAers = new ArrayList<>();             // {sqid, cid}
    private Predicate<SubmissionQueueEntry> lose = s -> false;
    private boolean qmSent;
    private long cycle;
    final List<SubmissionQueueEntry> received = new ArrayList<>();

    StandInBackEnd(Simulator sim, HostMemory memory) {
        this.memory = memory;
    }

    void loseCommands(Predicate<SubmissionQueueEntry> p) {
        lose = p;
    }

    @Override
    public void drive(Simulator sim) {
        sim.poke("cmd_ready", work.size() < 8 ? 1 : 0);
        long[] c = completions.peek();
        sim.poke("cpl_valid", c != null ? 1 : 0);
        sim.poke("cpl_sqid", c != null ? c[0] : 0);
        sim.poke("cpl_cid", c != null ? c[1] : 0);
        sim.poke("cpl_status", c != null ? c[2] : 0);
        sim.poke("cpl_dw0", c != null ? c[3] & 0xFFFF_FFFFL : 0);
        sim.poke("cpl_dw1", 0);
        Object[] q = qm.peek();
        sim.poke("qm_req_valid", q != null && !qmSent ? 1 : 0);
        if (q != null) {
            SubmissionQueueEntry s = (SubmissionQueueEntry) q[1];
            int op = (int) q[0];
            sim.poke("qm_req_op", op);
            sim.poke("qm_req_qid", s.cdw10() & 0xFFFF);
            sim.poke("qm_req_base", BigInteger.valueOf(s.prp1()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
            sim.poke("qm_req_size", s.cdw10() >>> 16);
            sim.poke("qm_req_cqid", s.cdw11() >>> 16);
            sim.poke("qm_req_qprio", s.cdw11() >>> 1 & 3);
            sim.poke("qm_req_ien", s.cdw11() >>> 1 & 1);
            sim.poke("qm_req_iv", op == 0 ? s.cdw11() >>> 16 : 0);
        }
        sim.poke("qm_rsp_ready", 1);
        sim.poke("aer_ready", heldAers.isEmpty() ? 0 : 1);
        sim.poke("ctrl_fatal", 0);
    }

    @Override
    public void sample(Simulator sim) {
        cycle++;
        sim.poke("ctrl_shutdown_done", sim.peek("ctrl_shutdown_req"));
        if (sim.peek("ctrl_enabled") == 0) { work.clear(); workSqe.clear(); completions.clear(); qm.clear(); heldAers.clear(); qmSent = false; return; }
        if (sim.peek("cmd_valid") == 1 && work.size() < 8) {
            SubmissionQueueEntry s = SubmissionQueueEntry.fromBusWord(sim.peekBig("cmd_sqe"));
            received.add(s);
            if (!lose.test(s)) {
                work.add(new long[] {sim.peek("cmd_sqid"), cycle + 6});
                workSqe.add(s);
            }
        }
        if (sim.peek("cpl_valid") == 1 && sim.peek("cpl_ready") == 1) completions.poll();
        if (!qm.isEmpty() && !qmSent && sim.peek("qm_req_ready") == 1) qmSent = true;
        if (qmSent && sim.peek("qm_rsp_valid") == 1) {
            Object[] q = qm.poll();
            qmSent = false;
            SubmissionQueueEntry s = (SubmissionQueueEntry) q[1];
            complete(0, s.cid(), (int) sim.peek("qm_rsp_status"), 0);
        }
        if (sim.peek("aer_valid") == 1 && !heldAers.isEmpty()) {
            int[] a = heldAers.removeFirst();
            int dw0 = (int) (sim.peek("aer_type") | sim.peek("aer_info") << 8 | 1L << 16);
            complete(a[0], a[1], 0, dw0);
        }
        if (!work.isEmpty() && work.peek()[1] <= cycle && qm.isEmpty()) {
            long[] w = work.poll();
            execute((int) w[0], workSqe.poll());
        }
    }

    private void complete(int sqid, int cid, int status, int dw0) {
        completions.add(new long[] {sqid, cid, status, dw0});
    }

    private void execute(int sqid, SubmissionQueueEntry s) {
        if (sqid == 0) admin(s);
        else io(sqid, s);
    }

    private void admin(SubmissionQueueEntry s) {
        int ok = 0;
        switch (s.opcode()) {
            case 0x06 -> {
                int cns = s.cdw10() & 0xFF;
                byte[] data = switch (cns) {
                    case 1 -> IdentifyController.builder().serialNumber("SIM0001").modelNumber("nvmekit stand-in")
                            .firmwareRevision("0.1").mdts(6).acl(3).aerl(3).oaes(0x100).sgls(1).build().build();
                    case 0 -> IdentifyNamespace.simple(BLOCKS, 512).build();
                    case 2 -> ActiveNamespaceList.page(List.of(1), s.nsid()).build();
                    default -> null;
                };
                if (data == null) { complete(0, s.cid(), field(StatusCode.INVALID_FIELD_IN_COMMAND), 0); return; }
                memory.write(s.prp1(), data);
                complete(0, s.cid(), ok, 0);
            }
            case 0x09 -> {
                int fid = s.cdw10() & 0xFF;
                int dw0 = 0;
                if (fid == 7) {
                    int n = Math.min(7, Math.min(s.cdw11() & 0xFFFF, s.cdw11() >>> 16));
                    dw0 = n | n << 16;
                }
                complete(0, s.cid(), ok, dw0);
            }
            case 0x05 -> qm.add(new Object[] {0, s});
            case 0x01 -> qm.add(new Object[] {1, s});
            case 0x00 -> qm.add(new Object[] {2, s});
            case 0x04 -> qm.add(new Object[] {3, s});
            case 0x0C -> heldAers.add(new int[] {0, s.cid()});
            case 0x08 -> complete(0, s.cid(), ok, 1);
            default -> complete(0, s.cid(), field(StatusCode.INVALID_COMMAND_OPCODE), 0);
        }
    }

    private static int field(StatusCode c) {
        return CompletionStatus.of(c, true).toField();
    }

    private void io(int sqid, SubmissionQueueEntry s) {
        if (s.opcode() != 0x01 && s.opcode() != 0x02) { complete(sqid, s.cid(), field(StatusCode.INVALID_COMMAND_OPCODE), 0); return; }
        long slba = (s.cdw10() & 0xFFFF_FFFFL) | (long) s.cdw11() << 32;
        int blocks = (s.cdw12() & 0xFFFF) + 1;
        if (slba + blocks > BLOCKS) { complete(sqid, s.cid(), field(StatusCode.LBA_OUT_OF_RANGE), 0); return; }
        long length = 512L * blocks;
        List<DmaSegment> segs = s.usesSgl() ? SglWalker.walk(s.sgl1(), length, memory) : PrpWalker.walk(s.prp1(), s.prp2(), length, 4096, memory);
        int off = (int) slba * 512;
        for (DmaSegment seg : segs) {
            if (s.opcode() == 0x01) memory.read(seg.address(), media, off, (int) seg.length());
            else memory.write(seg.address(), media, off, (int) seg.length());
            off += (int) seg.length();
        }
        complete(sqid, s.cid(), 0, 0);
    }
}
