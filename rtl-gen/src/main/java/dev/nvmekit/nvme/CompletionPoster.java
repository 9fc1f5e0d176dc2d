package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Posts the back end's completions as 16-byte CQEs (NVMe Base Specification 2.0, §4.2.1
 * "Common Completion Queue Entry"): DW0, DW1, SQHD and SQID in DW2, CID, phase tag and status
 * in DW3, written to the CQ bound to the SQ by one AXI4 write burst. It owns every CQ's tail,
 * head and phase tag, so it also takes the CQ head doorbells and checks them (contract §4.2).
 *
 * <p>A full CQ (head == tail + 1) holds the completion back with {@code cpl_ready} low until a
 * head doorbell frees an entry (contract §4.5). Each write is announced to the interrupt
 * coalescer only when its write response came back OKAY; all CQE writes use one AXI ID, so
 * their responses come back in issue order and an announcement covers every earlier CQE.
 */
public final class CompletionPoster extends Component {
    static final int OUTSTANDING = 8;

    public final Signal postEnable, initValid, initQid, dbValid, dbQid, dbValue, dbReady, aerValid, aerInfo, aerQid;
    public final Signal cplValid, cplReady, cplSqid, cplCid, cplStatus, cplDw0, cplDw1;
    public final Signal sqContextAddr, sqContext, cqContextAddr, cqContext, headAddr, head;
    public final Signal awvalid, awready, awaddr, awlen, awsize, awburst, awid, wvalid, wready, wdata, wstrb, wlast;
    public final Signal bvalid, bready, bresp, bid;
    public final Signal eventValid, eventReady, eventVector, eventAdmin, idle, memError;

    public CompletionPoster(FrontendParameters p) {
        parameter("ioQueues", p.ioQueues());
        parameter("dmaDataBits", p.dmaDataBits());
        int qa = p.queueIndexBits();
        int bytes = p.busBytes();
        int idBits = p.axiIdBits();
        postEnable = in("post_enable", 1);
        initValid = in("init_valid", 1);
        initQid = in("init_qid", qa);
        dbValid = in("db_valid", 1);
        dbQid = in("db_qid", 16);
        dbValue = in("db_value", 16);
        dbReady = out("db_ready", 1);
        aerValid = out("aer_valid", 1);
        aerInfo = out("aer_info", 8);
        aerQid = out("aer_qid", 16);
        cplValid = in("cpl_valid", 1);
        cplReady = out("cpl_ready", 1);
        cplSqid = in("cpl_sqid", 16);
        cplCid = in("cpl_cid", 16);
        cplStatus = in("cpl_status", 15);
        cplDw0 = in("cpl_dw0", 32);
        cplDw1 = in("cpl_dw1", 32);
        sqContextAddr = out("sq_context_addr", qa);
        sqContext = in("sq_context", QueueContexts.sqWordBits(qa));
        cqContextAddr = out("cq_context_addr", qa);
        cqContext = in("cq_context", QueueContexts.CQ_WORD_BITS);
        headAddr = out("head_addr", qa);
        head = in("head", 16);
        awvalid = out("awvalid", 1);
        awready = in("awready", 1);
        awaddr = out("awaddr", 64);
        awlen = out("awlen", 8);
        awsize = out("awsize", 3);
        awburst = out("awburst", 2);
        awid = out("awid", idBits);
        wvalid = out("wvalid", 1);
        wready = in("wready", 1);
        wdata = out("wdata", p.dmaDataBits());
        wstrb = out("wstrb", bytes);
        wlast = out("wlast", 1);
        bvalid = in("bvalid", 1);
        bready = out("bready", 1);
        bresp = in("bresp", 2);
        bid = in("bid", idBits);
        eventValid = out("event_valid", 1);
        eventReady = in("event_ready", 1);
        eventVector = out("event_vector", 11);
        eventAdmin = out("event_admin", 1);
        idle = out("idle", 1);
        memError = out("mem_error", 1);

        Mem pointers = mem("cq_pointers", 33, p.queueSlots()); // phase [32], head [31:16], tail [15:0]
        Mem pending = mem("pending_writes", 13, OUTSTANDING);   // admin [12], ien [11], vector [10:0]
        Reg pendWrite = reg("pending_wr", 4).init(0);
        Reg pendRead = reg("pending_rd", 4).init(0);
        Reg awValid = reg("aw_valid", 1).init(0);
        Reg awAddr = reg("aw_addr", 64).init(0);
        Reg wValid = reg("w_valid", 1).init(0);
        Reg wBeat = p.beatsPerCqe() == 1 ? null : reg("w_beat", 1).init(0);
        Reg cqe = reg("cqe", 128).init(0);

        Value doInit = named("do_init", initValid);
        Value doDb = named("do_db", initValid.not().and(dbValid));
        Value post = named("post", initValid.not().and(dbValid.not()).and(cplValid));
        Value sqInRange = cplSqid.le(p.ioQueues());
        sqContextAddr.set(cplSqid.resize(qa));
        headAddr.set(cplSqid.resize(qa));
        Value cqid = QueueContexts.sqCqid(sqContext, qa);
        Value q = named("q", mux(doInit, initQid, mux(doDb, dbQid.resize(qa), cqid)));
        cqContextAddr.set(q);
        Value ptr = named("ptr", pointers.read(q));
        Value phase = ptr.bit(32);
        Value cqHead = ptr.slice(31, 16);
        Value tail = ptr.slice(15, 0);
        Value size = QueueContexts.cqSize(cqContext);
        Value size1 = size.addExpand(lit(1, 1));
        Value cqExists = QueueContexts.cqValid(cqContext);

        // ---- completions ----
        Value count = named("pending_count", pendWrite.sub(pendRead));
        Value canIssue = named("can_issue", awValid.not().and(wValid.not()).and(count.lt(OUTSTANDING)));
        Value drop = named("drop", postEnable.not().or(sqInRange.not()).or(QueueContexts.sqValid(sqContext).not()).or(cqExists.not()));
        Value wrapped = tail.eq(size);
        Value nextTail = named("next_tail", mux(wrapped, lit(0, 16), tail.add(1)));
        Value full = named("cq_full", nextTail.eq(cqHead));
        Value issue = named("issue", post.and(drop.not()).and(full.not()).and(canIssue));
        cplReady.set(initValid.not().and(dbValid.not()).and(drop.or(full.not().and(canIssue))));
        Value dw2 = cplSqid.cat(head);
        Value dw3 = cplStatus.cat(phase, cplCid);
        Value entryAddr = named("entry_addr", QueueContexts.cqBaseHigh(cqContext).add(tail.resize(60)).cat(lit(0, 4)));

        // ---- CQ head doorbells ----
        Value dbExists = named("db_exists", dbQid.le(p.ioQueues()).and(cqExists));
        Value used = named("used_entries", modulo(tail.subExpand(cqHead), size1));
        Value advance = named("head_advance", modulo(dbValue.subExpand(cqHead), size1));
        Value dbBad = named("db_bad_value", dbValue.gt(size).or(advance.gt(used)));
        dbReady.set(doDb);
        aerValid.set(doDb.and(dbExists.not().or(dbBad)));
        aerInfo.set(mux(dbExists, lit(CompletionStatus.AER_INVALID_DOORBELL_VALUE, 8), lit(CompletionStatus.AER_INVALID_DOORBELL_REGISTER, 8)));
        aerQid.set(dbQid);

        when(doInit, () -> pointers.write(q, lit(1L << 32, 33)))
                .elseWhen(doDb.and(dbExists).and(dbBad.not()), () -> pointers.write(q, phase.cat(dbValue, tail)))
                .elseWhen(issue, () -> pointers.write(q, phase.xor(wrapped).cat(cqHead, nextTail)));

        when(issue, () -> {
            awValid.set(1);
            awAddr.set(entryAddr);
            wValid.set(1);
            if (wBeat != null) wBeat.set(0);
            cqe.set(dw3.cat(dw2, cplDw1, cplDw0));
            pending.write(pendWrite.slice(2, 0), q.eq(0).cat(QueueContexts.cqIen(cqContext), QueueContexts.cqVector(cqContext)));
            pendWrite.set(pendWrite.add(1));
        }).otherwise(() -> {
            when(awValid.and(awready), () -> awValid.set(0));
            when(wValid.and(wready), () -> {
                if (p.beatsPerCqe() == 1) {
                    wValid.set(0);
                } else {
                    when(wBeat.eq(1), () -> wValid.set(0));
                    wBeat.set(wBeat.add(1));
                }
            });
        });

        // ---- AXI write address and data ----
        awvalid.set(awValid);
        awaddr.set(awAddr);
        awlen.set(p.beatsPerCqe() - 1);
        awsize.set(p.axiSize());
        awburst.set(1);
        awid.set(0);
        wvalid.set(wValid);
        if (bytes == 8) {
            wdata.set(mux(wBeat, cqe.slice(127, 64), cqe.slice(63, 0)));
            wstrb.set(0xFF);
            wlast.set(wBeat);
        } else {
            int lanes = bytes / 16;
            wdata.set(cqe.replicate(lanes));
            if (lanes == 1) {
                wstrb.set(0xFFFF);
            } else {
                int laneBits = Integer.numberOfTrailingZeros(lanes);
                Value lane = awAddr.slice(4 + laneBits - 1, 4);
                List<Value> strobes = new ArrayList<>();
                for (int l = lanes - 1; l >= 0; l--) strobes.add(lane.eq(l).replicate(16));
                wstrb.set(cat(strobes));
            }
            wlast.set(1);
        }

        // ---- write responses: in order (one ID); announce OKAY ones to the coalescer ----
        Value entry = pending.read(pendRead.slice(2, 0));
        Value nonEmpty = count.ne(0);
        bready.set(nonEmpty.and(eventReady));
        Value response = named("response", bvalid.and(nonEmpty).and(eventReady));
        // Every CQE write uses ID 0: a response with another ID is as wrong as an error response.
        Value okay = named("okay", bresp.eq(0).and(bid.eq(0)));
        when(response, () -> pendRead.set(pendRead.add(1)));
        eventValid.set(response.and(okay).and(entry.bit(11)));
        eventVector.set(entry.slice(10, 0));
        eventAdmin.set(entry.bit(12));
        memError.set(response.and(okay.not()));
        idle.set(nonEmpty.not());
    }

    /** {@code diff} (17 bits, two's complement) taken modulo {@code size1}, for |diff| < size1. */
    private Value modulo(Value diff, Value size1) {
        return mux(diff.msb(), diff.add(size1), diff).slice(15, 0);
    }
}
