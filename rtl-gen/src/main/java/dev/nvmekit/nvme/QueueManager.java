package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * Executes the back end's queue-management requests on {@code qm_} (contract §3.7): create and
 * delete I/O queues with the checks of NVMe Base Specification 2.0 §5.4–§5.7 (Create/Delete I/O
 * Completion/Submission Queue), and the Features that the front end implements (Arbitration
 * 01h, Interrupt Coalescing 08h, Interrupt Vector Configuration 09h). It is the only writer of
 * {@link QueueContexts}; besides requests it loads the admin queues from AQA/ASQ/ACQ at enable
 * and sweeps every context to "absent" during a controller reset.
 *
 * <p>A request is answered two cycles after it is taken: one cycle reads the contexts, checks
 * and writes, the next presents the response until it is taken.
 */
public final class QueueManager extends Component {
    static final int IDLE = 0, CHECK = 1, RESPOND = 2;

    public final Signal flush, loadAdmin, aqa, asq, acq, adminDone, flushDone;
    public final Signal reqValid, reqReady, reqOp, reqQid, reqBase, reqSize, reqCqid, reqQprio, reqIen, reqIv, reqThr, reqTime;
    public final Signal rspValid, rspReady, rspStatus;
    public final Signal sqWrite, sqWriteAddr, sqWriteData, sqReadAddr, sqContext, cqWrite, cqWriteAddr, cqWriteData, cqReadAddr, cqContext;
    public final Signal initSqValid, initSqQid, initCqValid, initCqQid;
    public final Signal abValid, abValue, coalesceValid, coalesceThr, coalesceTime, vectorValid, vectorIndex, vectorDisable;

    public QueueManager(FrontendParameters p) {
        parameter("ioQueues", p.ioQueues());
        parameter("mqes", p.maxQueueEntries());
        parameter("vectors", p.msixVectors());
        int qa = p.queueIndexBits();
        int slots = p.queueSlots();
        int sqBits = QueueContexts.sqWordBits(qa);
        int cqBits = QueueContexts.CQ_WORD_BITS;
        flush = in("flush", 1);
        loadAdmin = in("load_admin", 1);
        aqa = in("aqa", 32);
        asq = in("asq", 64);
        acq = in("acq", 64);
        adminDone = out("admin_done", 1);
        flushDone = out("flush_done", 1);
        reqValid = in("req_valid", 1);
        reqReady = out("req_ready", 1);
        reqOp = in("req_op", 3);
        reqQid = in("req_qid", 16);
        reqBase = in("req_base", 64);
        reqSize = in("req_size", 16);
        reqCqid = in("req_cqid", 16);
        reqQprio = in("req_qprio", 2);
        reqIen = in("req_ien", 1);
        reqIv = in("req_iv", 16);
        reqThr = in("req_thr", 8);
        reqTime = in("req_time", 8);
        rspValid = out("rsp_valid", 1);
        rspReady = in("rsp_ready", 1);
        rspStatus = out("rsp_status", 15);
        sqWrite = out("sq_write", 1);
        sqWriteAddr = out("sq_write_addr", qa);
        sqWriteData = out("sq_write_data", sqBits);
        sqReadAddr = out("sq_read_addr", qa);
        sqContext = in("sq_context", sqBits);
        cqWrite = out("cq_write", 1);
        cqWriteAddr = out("cq_write_addr", qa);
        cqWriteData = out("cq_write_data", cqBits);
        cqReadAddr = out("cq_read_addr", qa);
        cqContext = in("cq_context", cqBits);
        initSqValid = out("init_sq_valid", 1);
        initSqQid = out("init_sq_qid", qa);
        initCqValid = out("init_cq_valid", 1);
        initCqQid = out("init_cq_qid", qa);
        abValid = out("ab_valid", 1);
        abValue = out("ab_value", 3);
        coalesceValid = out("coalesce_valid", 1);
        coalesceThr = out("coalesce_thr", 8);
        coalesceTime = out("coalesce_time", 8);
        vectorValid = out("vector_valid", 1);
        vectorIndex = out("vector_index", 11);
        vectorDisable = out("vector_disable", 1);

        Reg state = reg("state", 2).init(IDLE);
        Reg op = reg("op", 3).init(0);
        Reg qid = reg("qid", 16).init(0);
        Reg base = reg("base", 60).init(0); // bits 63:4: a CQ is 16-byte, an SQ 64-byte aligned
        Reg size = reg("size", 16).init(0);
        Reg cqid = reg("cqid", 16).init(0);
        Reg ien = reg("ien", 1).init(0);
        Reg iv = reg("iv", 16).init(0);
        Reg thr = reg("thr", 8).init(0);
        Reg time = reg("coalesce_time_q", 8).init(0);
        Reg status = reg("status", 15).init(0);
        Reg sweep = reg("sweep", qa + 1).init(0);
        // SQs bound to each CQ, for Invalid Queue Deletion (§5.5: a CQ with an SQ still bound is not deleted).
        Mem users = mem("cq_users", 11, slots);

        Value idle = state.eq(IDLE);
        Value take = named("take", idle.and(flush.not()).and(loadAdmin.not()).and(reqValid));
        Value admin = named("admin", idle.and(flush.not()).and(loadAdmin));
        Value check = named("check", state.eq(CHECK).and(flush.not()));
        reqReady.set(idle.and(flush.not()).and(loadAdmin.not()));
        // Weighted round robin is not offered (CAP.AMS = 0), so QPRIO has no effect (§5.6, Figure "Create I/O SQ – Command Dword 11").
        Value ignoredPriority = named("qprio_ignored", reqQprio.orR().and(lit(0, 1)));
        when(take, () -> {
            state.set(CHECK);
            op.set(reqOp);
            qid.set(reqQid.or(ignoredPriority.resize(16)));
            base.set(reqBase.slice(63, 4));
            size.set(reqSize);
            cqid.set(reqCqid);
            ien.set(reqIen);
            iv.set(reqIv);
            thr.set(reqThr);
            time.set(reqTime);
        });

        Value q = qid.resize(qa);
        Value qidOk = named("qid_ok", qid.ne(0).and(qid.le(p.ioQueues())));
        Value cqidOk = named("cqid_ok", cqid.ne(0).and(cqid.le(p.ioQueues())));
        // With maxQueueEntries = 65536 every 16-bit size fits; comparing anyway would be a constant (a lint warning).
        Value sizeOk = named("size_ok", p.maxQueueEntries() == 65536 ? size.ne(0) : size.ne(0).and(size.le(p.maxQueueEntries() - 1)));
        Value ivOk = named("iv_ok", iv.lt(p.msixVectors()));
        sqReadAddr.set(q);
        cqReadAddr.set(mux(op.eq(1), cqid.resize(qa), q));
        Value sqExists = QueueContexts.sqValid(sqContext);
        Value cqExists = QueueContexts.cqValid(cqContext);
        Value userAddr = named("user_addr", mux(op.eq(1), cqid.resize(qa), mux(op.eq(2), QueueContexts.sqCqid(sqContext, qa), q)));
        Value userCount = named("user_count", users.read(userAddr));

        Signal result = wire("result", 15);
        switchOn(op)
                .is(0, () -> result.set(mux(qidOk.not().or(cqExists), lit(CompletionStatus.INVALID_QUEUE_IDENTIFIER, 15),
                        mux(sizeOk.not(), lit(CompletionStatus.INVALID_QUEUE_SIZE, 15),
                                mux(ivOk.not(), lit(CompletionStatus.INVALID_INTERRUPT_VECTOR, 15), lit(0, 15))))))
                .is(1, () -> result.set(mux(qidOk.not().or(sqExists), lit(CompletionStatus.INVALID_QUEUE_IDENTIFIER, 15),
                        mux(sizeOk.not(), lit(CompletionStatus.INVALID_QUEUE_SIZE, 15),
                                mux(cqidOk.not().or(cqExists.not()), lit(CompletionStatus.COMPLETION_QUEUE_INVALID, 15), lit(0, 15))))))
                .is(2, () -> result.set(mux(qidOk.not().or(sqExists.not()), lit(CompletionStatus.INVALID_QUEUE_IDENTIFIER, 15), lit(0, 15))))
                .is(3, () -> result.set(mux(qidOk.not().or(cqExists.not()), lit(CompletionStatus.INVALID_QUEUE_IDENTIFIER, 15),
                        mux(userCount.ne(0), lit(CompletionStatus.INVALID_QUEUE_DELETION, 15), lit(0, 15)))))
                .is(4, 5, () -> result.set(0))
                .is(6, () -> result.set(mux(ivOk, lit(0, 15), lit(CompletionStatus.INVALID_FIELD, 15))))
                .otherwise(() -> result.set(CompletionStatus.INVALID_FIELD));
        Value ok = named("ok", check.and(result.eq(0)));

        // ---- the single write of each memory ----
        Value sweepAddr = sweep.slice(qa - 1, 0);
        sqWrite.set(flush.or(admin).or(ok.and(op.eq(1).or(op.eq(2)))));
        sqWriteAddr.set(mux(flush, sweepAddr, mux(admin, lit(0, qa), q)));
        Value sqCreated = QueueContexts.sqWord(lit(1, 1), cqid.resize(qa), size, base.cat(lit(0, 4)));
        Value sqAdmin = QueueContexts.sqWord(lit(1, 1), lit(0, qa), aqa.slice(11, 0).resize(16), asq);
        sqWriteData.set(mux(flush.or(op.eq(2).and(admin.not())), lit(0, sqBits), mux(admin, sqAdmin, sqCreated)));
        cqWrite.set(flush.or(admin).or(ok.and(op.eq(0).or(op.eq(3)))));
        cqWriteAddr.set(mux(flush, sweepAddr, mux(admin, lit(0, qa), q)));
        Value cqCreated = QueueContexts.cqWord(lit(1, 1), ien, iv.slice(10, 0), size, base.cat(lit(0, 4)));
        Value cqAdmin = QueueContexts.cqWord(lit(1, 1), lit(1, 1), lit(0, 11), aqa.slice(27, 16).resize(16), acq);
        cqWriteData.set(mux(flush.or(op.eq(3).and(admin.not())), lit(0, cqBits), mux(admin, cqAdmin, cqCreated)));
        when(flush, () -> users.write(sweepAddr, lit(0, 11)))
                .elseWhen(ok.and(op.eq(0)), () -> users.write(userAddr, lit(0, 11)))
                .elseWhen(ok.and(op.eq(1)), () -> users.write(userAddr, userCount.add(1)))
                .elseWhen(ok.and(op.eq(2)), () -> users.write(userAddr, userCount.sub(1)));

        initSqValid.set(admin.or(ok.and(op.eq(1))));
        initSqQid.set(mux(admin, lit(0, qa), q));
        initCqValid.set(admin.or(ok.and(op.eq(0))));
        initCqQid.set(mux(admin, lit(0, qa), q));
        adminDone.set(admin);
        abValid.set(ok.and(op.eq(5)));
        abValue.set(thr.slice(2, 0));
        coalesceValid.set(ok.and(op.eq(4)));
        coalesceThr.set(thr);
        coalesceTime.set(time);
        vectorValid.set(ok.and(op.eq(6)));
        vectorIndex.set(iv.slice(10, 0));
        vectorDisable.set(ien);

        when(check, () -> {
            status.set(result);
            state.set(RESPOND);
        }).elseWhen(state.eq(RESPOND).and(rspReady), () -> state.set(IDLE));
        rspValid.set(state.eq(RESPOND));
        rspStatus.set(status);

        when(flush, () -> when(sweep.lt(slots), () -> sweep.set(sweep.add(1)))).otherwise(() -> sweep.set(0));
        flushDone.set(sweep.ge(slots));
    }
}
