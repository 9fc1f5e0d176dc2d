package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.util.List;

/**
 * The static part of every queue context, one memory word per queue slot (admin pair at 0),
 * so that 1024 queue pairs cost RAM rather than flip-flops: for each SQ whether it exists, its
 * CQ, size and base address; for each CQ whether it exists, IEN, interrupt vector, size and base.
 * Only {@link QueueManager} writes them; the engines read them through asynchronous read ports
 * (one per reader, which an FPGA tool maps to distributed RAM copies). The moving parts of a
 * queue (head, tail, phase) live with the engine that moves them.
 */
public final class QueueContexts extends Component {
    /** SQ word: base[63:6] in [57:0], size (0-based) in [73:58], CQ ID above, valid bit on top. */
    static int sqWordBits(int qa) {
        return 58 + 16 + qa + 1;
    }

    /** CQ word: base[63:4] in [59:0], size in [75:60], vector [86:76], IEN [87], valid [88]. */
    static final int CQ_WORD_BITS = 60 + 16 + 11 + 1 + 1;

    static Value sqWord(Value valid, Value cqid, Value size, Value base64) {
        return valid.cat(cqid, size, base64.slice(63, 6));
    }

    static Value sqValid(Value w) { return w.msb(); }
    static Value sqCqid(Value w, int qa) { return w.slice(74 + qa - 1, 74); }
    static Value sqSize(Value w) { return w.slice(73, 58); }
    /** Base address bits 63:6 (an SQ is at least 64-byte aligned). */
    static Value sqBaseHigh(Value w) { return w.slice(57, 0); }

    static Value cqWord(Value valid, Value ien, Value vector, Value size, Value base64) {
        return valid.cat(ien, vector, size, base64.slice(63, 4));
    }

    static Value cqValid(Value w) { return w.bit(88); }
    static Value cqIen(Value w) { return w.bit(87); }
    static Value cqVector(Value w) { return w.slice(86, 76); }
    static Value cqSize(Value w) { return w.slice(75, 60); }
    /** Base address bits 63:4 (a CQ is at least 16-byte aligned). */
    static Value cqBaseHigh(Value w) { return w.slice(59, 0); }

    public final Signal sqWrite, sqWriteAddr, sqWriteData, cqWrite, cqWriteAddr, cqWriteData;
    /** SQ read ports: the arbiter, the completion poster, the queue manager. */
    public final List<Signal> sqReadAddr, sqReadData;
    /** CQ read ports: the completion poster, the queue manager. */
    public final List<Signal> cqReadAddr, cqReadData;

    public QueueContexts(FrontendParameters p) {
        parameter("queues", p.queueSlots());
        int qa = p.queueIndexBits();
        int sqBits = sqWordBits(qa);
        sqWrite = in("sq_write", 1);
        sqWriteAddr = in("sq_write_addr", qa);
        sqWriteData = in("sq_write_data", sqBits);
        cqWrite = in("cq_write", 1);
        cqWriteAddr = in("cq_write_addr", qa);
        cqWriteData = in("cq_write_data", CQ_WORD_BITS);
        sqReadAddr = List.of(in("sq_read_addr_arb", qa), in("sq_read_addr_post", qa), in("sq_read_addr_qm", qa));
        sqReadData = List.of(out("sq_read_data_arb", sqBits), out("sq_read_data_post", sqBits), out("sq_read_data_qm", sqBits));
        cqReadAddr = List.of(in("cq_read_addr_post", qa), in("cq_read_addr_qm", qa));
        cqReadData = List.of(out("cq_read_data_post", CQ_WORD_BITS), out("cq_read_data_qm", CQ_WORD_BITS));

        Mem sq = mem("sq_context", sqBits, p.queueSlots());
        Mem cq = mem("cq_context", CQ_WORD_BITS, p.queueSlots());
        when(sqWrite, () -> sq.write(sqWriteAddr, sqWriteData));
        when(cqWrite, () -> cq.write(cqWriteAddr, cqWriteData));
        for (int i = 0; i < sqReadAddr.size(); i++) sqReadData.get(i).set(sq.read(sqReadAddr.get(i)));
        for (int i = 0; i < cqReadAddr.size(); i++) cqReadData.get(i).set(cq.read(cqReadAddr.get(i)));
    }
}
