package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * Owns the moving state of every submission queue (tail as last written by the host, fetch
 * pointer, "is scheduled") and decides what to fetch next: round robin over the SQs with work
 * (NVMe Base Specification 2.0, §3.4.4.1 "Round Robin Arbitration"), at most 2^AB entries per
 * turn (Arbitration Burst, Feature 01h; 111b means no limit) and at most {@code fetchBurst} per
 * read burst, never past the tail, a queue wrap or a 4 KiB boundary.
 *
 * <p>The round is a FIFO of queue IDs rather than a priority encoder over a bit per queue: a
 * queue enters it when its tail doorbell gives it work and it was not in it already, and goes
 * back to the end after its turn while it still has work. Each queue is in it at most once (the
 * "scheduled" bit), so its depth is the number of queues, and no queue with work waits longer
 * than one round. One event per cycle (sweep, create, doorbell, grant, in that priority) keeps
 * each memory at a single write port and makes every update a read-modify-write of one cycle.
 */
public final class SqArbiter extends Component {
    public final Signal flush, fetchEnable, initValid, initQid, dbValid, dbQid, dbValue, abValid, abValue, sqContext, fetchReady;
    public final Signal dbReady, aerValid, aerInfo, aerQid, sqContextAddr, fetchValid, fetchQid, fetchAddr, fetchCount,
            fetchStart, fetchSize, flushDone;

    public SqArbiter(FrontendParameters p) {
        parameter("ioQueues", p.ioQueues());
        parameter("fetchBurst", p.fetchBurst());
        int qa = p.queueIndexBits();
        int slots = p.queueSlots();
        int fifoBits = FrontendParameters.bitsToIndex(slots);
        int fifoDepth = 1 << fifoBits;
        flush = in("flush", 1);
        fetchEnable = in("fetch_enable", 1);
        initValid = in("init_valid", 1);
        initQid = in("init_qid", qa);
        dbValid = in("db_valid", 1);
        dbQid = in("db_qid", 16);
        dbValue = in("db_value", 16);
        abValid = in("ab_valid", 1);
        abValue = in("ab_value", 3);
        sqContext = in("sq_context", QueueContexts.sqWordBits(qa));
        fetchReady = in("fetch_ready", 1);
        dbReady = out("db_ready", 1);
        aerValid = out("aer_valid", 1);
        aerInfo = out("aer_info", 8);
        aerQid = out("aer_qid", 16);
        sqContextAddr = out("sq_context_addr", qa);
        fetchValid = out("fetch_valid", 1);
        fetchQid = out("fetch_qid", qa);
        fetchAddr = out("fetch_addr", 64);
        fetchCount = out("fetch_count", 5);
        fetchStart = out("fetch_start", 16);
        fetchSize = out("fetch_size", 16);
        flushDone = out("flush_done", 1);

        Mem pointers = mem("sq_pointers", 33, slots); // scheduled [32], fetch [31:16], tail [15:0]
        Mem round = mem("round", qa, fifoDepth);
        Reg roundWrite = reg("round_wr", fifoBits + 1).init(0);
        Reg roundRead = reg("round_rd", fifoBits + 1).init(0);
        Reg sweep = reg("sweep", qa + 1).init(0);
        Reg burst = reg("arbitration_burst", 3).init(7);

        Value roundEmpty = roundWrite.eq(roundRead);
        Value head = named("round_head", round.read(roundRead.slice(fifoBits - 1, 0).resize(FrontendParameters.bitsToIndex(fifoDepth))));
        Value doInit = named("do_init", flush.not().and(initValid));
        Value doDb = named("do_db", flush.not().and(initValid.not()).and(dbValid));
        Value doGrant = named("do_grant", flush.not().and(initValid.not()).and(dbValid.not()).and(fetchEnable)
                .and(roundEmpty.not()).and(fetchReady));
        Value q = named("q", mux(doInit, initQid, mux(doDb, dbQid.resize(qa), head)));
        sqContextAddr.set(q);
        Value ptr = named("ptr", pointers.read(q));
        Value scheduled = ptr.bit(32);
        Value fetch = ptr.slice(31, 16);
        Value tail = ptr.slice(15, 0);
        Value exists = named("exists", QueueContexts.sqValid(sqContext));
        Value size = QueueContexts.sqSize(sqContext);

        // ---- doorbell checks (contract §4.2) ----
        Value dbInRange = dbQid.le(p.ioQueues());
        Value dbExists = named("db_exists", dbInRange.and(exists));
        Value dbBadValue = named("db_bad_value", dbValue.gt(size));
        dbReady.set(doDb);
        aerValid.set(doDb.and(dbExists.not().or(dbBadValue)));
        aerInfo.set(mux(dbExists, lit(CompletionStatus.AER_INVALID_DOORBELL_VALUE, 8), lit(CompletionStatus.AER_INVALID_DOORBELL_REGISTER, 8)));
        aerQid.set(dbQid);
        Value dbTakes = named("db_takes", doDb.and(dbExists).and(dbBadValue.not()));
        Value dbSchedules = named("db_schedules", dbTakes.and(scheduled.not()).and(dbValue.ne(fetch)));

        // ---- grant: how many entries this turn ----
        Value size1 = size.addExpand(lit(1, 1));
        Value contiguous = named("contiguous", mux(tail.ge(fetch), tail.subExpand(fetch), size1.sub(fetch.resize(17))));
        Value addrHigh = named("entry_addr", QueueContexts.sqBaseHigh(sqContext).add(fetch.resize(58)));
        Value toPage = named("to_page", lit(64, 7).sub(addrHigh.slice(5, 0).resize(7)));
        Value abLimit = named("ab_limit", mux(burst.eq(7), lit(128, 8), lit(1, 8).shl(burst)));
        Value n = named("grant_count", min(min(contiguous, lit(p.fetchBurst(), 17)), min(abLimit.resize(17), toPage.resize(17))).slice(4, 0));
        Value fetchSum = fetch.addExpand(n.resize(16));
        Value fetchNext = named("fetch_next", mux(fetchSum.eq(size1), lit(0, 16), fetchSum.slice(15, 0)));
        Value grantValid = named("grant_valid", doGrant.and(exists).and(n.ne(0)));
        Value more = fetchNext.ne(tail);
        fetchValid.set(grantValid);
        fetchQid.set(q);
        fetchAddr.set(addrHigh.cat(lit(0, 6)));
        fetchCount.set(n);
        fetchStart.set(fetch);
        fetchSize.set(size);

        // ---- the one write of this cycle ----
        when(flush, () -> {
            pointers.write(sweep.slice(qa - 1, 0), lit(0, 33));
            roundWrite.set(0);
            roundRead.set(0);
            burst.set(7);
            when(sweep.lt(slots), () -> sweep.set(sweep.add(1)));
        }).otherwise(() -> {
            sweep.set(0);
            when(doInit, () -> pointers.write(q, scheduled.cat(lit(0, 32))))
                    .elseWhen(dbTakes, () -> pointers.write(q, scheduled.or(dbSchedules).cat(fetch, dbValue)))
                    .elseWhen(doGrant, () -> pointers.write(q, grantValid.and(more).cat(mux(grantValid, fetchNext, fetch), tail)));
            Value push = dbSchedules.or(grantValid.and(more));
            when(push, () -> {
                round.write(roundWrite.slice(fifoBits - 1, 0).resize(FrontendParameters.bitsToIndex(fifoDepth)), q);
                roundWrite.set(roundWrite.add(1));
            });
            when(doGrant, () -> roundRead.set(roundRead.add(1)));
            when(abValid, () -> burst.set(abValue));
        });
        flushDone.set(sweep.ge(slots));
    }

    private Value min(Value a, Value b) {
        return mux(a.lt(b), a, b);
    }
}
