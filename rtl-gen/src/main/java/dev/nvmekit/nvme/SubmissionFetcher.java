package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SQEs granted by {@link SqArbiter} from host memory and hands them to the back end
 * on {@code cmd_}. Each grant becomes one AXI4 INCR read burst of full-width beats into a
 * reorder slot of its own, whose index is the burst's ARID, so several bursts are in flight and
 * their data may return in any order across IDs. Slots are handed out and drained in grant
 * order, which keeps the SQEs of each SQ in queue order on {@code cmd_} (contract §3.5).
 *
 * <p>It also keeps each SQ's head pointer: the index after the last SQE handed to the back end,
 * which the completion poster reports as SQHD (contract §4.3). Data answered with an error
 * response is never handed on (the controller reports CSTS.CFS instead, contract §3.3).
 */
public final class SubmissionFetcher extends Component {
    public final Signal flush, reqValid, reqQid, reqAddr, reqCount, reqStart, reqSize, reqReady;
    public final Signal arvalid, arready, araddr, arlen, arsize, arburst, arid;
    public final Signal rvalid, rready, rdata, rresp, rlast, rid;
    public final Signal cmdValid, cmdReady, cmdSqid, cmdSqe;
    public final Signal headReadAddr, headReadData, idle, memError;

    public SubmissionFetcher(FrontendParameters p) {
        parameter("dmaDataBits", p.dmaDataBits());
        parameter("fetchBurst", p.fetchBurst());
        parameter("axiIdBits", p.axiIdBits());
        parameter("queues", p.queueSlots());
        int qa = p.queueIndexBits();
        int slots = p.fetchSlots();
        int sb = Integer.numberOfTrailingZeros(slots);
        int bps = p.beatsPerSqe();
        int laneBits = Integer.numberOfTrailingZeros(bps);
        int entryBits = FrontendParameters.bitsToIndex(Integer.highestOneBit(p.fetchBurst() * 2 - 1));
        int perSlot = 1 << entryBits;
        int bufferDepth = slots * perSlot;
        int bufferAddrBits = FrontendParameters.bitsToIndex(bufferDepth);
        int data = p.dmaDataBits();

        flush = in("flush", 1);
        reqValid = in("req_valid", 1);
        reqQid = in("req_qid", qa);
        reqAddr = in("req_addr", 64);
        reqCount = in("req_count", 5);
        reqStart = in("req_start", 16);
        reqSize = in("req_size", 16);
        reqReady = out("req_ready", 1);
        arvalid = out("arvalid", 1);
        arready = in("arready", 1);
        araddr = out("araddr", 64);
        arlen = out("arlen", 8);
        arsize = out("arsize", 3);
        arburst = out("arburst", 2);
        arid = out("arid", p.axiIdBits());
        rvalid = in("rvalid", 1);
        rready = out("rready", 1);
        rdata = in("rdata", data);
        rresp = in("rresp", 2);
        rlast = in("rlast", 1);
        rid = in("rid", p.axiIdBits());
        cmdValid = out("cmd_valid", 1);
        cmdReady = in("cmd_ready", 1);
        cmdSqid = out("cmd_sqid", 16);
        cmdSqe = out("cmd_sqe", 512);
        headReadAddr = in("head_read_addr", qa);
        headReadData = out("head_read_data", 16);
        idle = out("idle", 1);
        memError = out("mem_error", 1);

        Reg allocPtr = reg("alloc_ptr", sb + 1).init(0);
        Reg outPtr = reg("out_ptr", sb + 1).init(0);
        Reg outIdx = reg("out_idx", 5).init(0);
        Reg offered = reg("offered", 1).init(0);
        Reg arValid = reg("ar_valid", 1).init(0);
        Reg arAddr = reg("ar_addr", 64).init(0);
        Reg arLen = reg("ar_len", 8).init(0);
        Reg arId = reg("ar_id", sb).init(0);
        List<Value> qids = new ArrayList<>(), counts = new ArrayList<>(), starts = new ArrayList<>(), sizes = new ArrayList<>(),
                beats = new ArrayList<>(), errors = new ArrayList<>();
        List<Reg> beatRegs = new ArrayList<>(), errorRegs = new ArrayList<>(), qidRegs = new ArrayList<>(), countRegs = new ArrayList<>(),
                startRegs = new ArrayList<>(), sizeRegs = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            qidRegs.add(reg("slot" + s + "_qid", qa).init(0));
            countRegs.add(reg("slot" + s + "_count", 5).init(0));
            startRegs.add(reg("slot" + s + "_start", 16).init(0));
            sizeRegs.add(reg("slot" + s + "_size", 16).init(0));
            beatRegs.add(reg("slot" + s + "_beats", 8).init(0));
            errorRegs.add(reg("slot" + s + "_error", 1).init(0));
        }
        qids.addAll(qidRegs);
        counts.addAll(countRegs);
        starts.addAll(startRegs);
        sizes.addAll(sizeRegs);
        beats.addAll(beatRegs);
        errors.addAll(errorRegs);
        Mem buffer = mem("sqe_buffer", 512, bufferDepth);
        Mem heads = mem("sq_head", 16, p.queueSlots());

        // ---- grants become read bursts ----
        Value used = named("used", allocPtr.sub(outPtr));
        // After any error response nothing more is fetched or handed out (contract §3.3, §3.5), from
        // the very edge the error arrives at: CSTS.CFS, and with it the arbiter's stop, come a cycle later.
        Reg failed = reg("fetch_failed", 1).init(0);
        Signal errorNow = wire("r_error_now", 1);
        Value canTake = named("can_take", arValid.not().and(used.lt(slots)).and(failed.not()).and(errorNow.not()));
        Value accept = named("accept", reqValid.and(canTake));
        reqReady.set(canTake);
        Value allocSlot = allocPtr.slice(sb - 1, 0);
        when(accept, () -> {
            arValid.set(1);
            arAddr.set(reqAddr);
            arLen.set(reqCount.resize(8).shl(laneBits).sub(1));
            arId.set(allocSlot);
            allocPtr.set(allocPtr.add(1));
        }).elseWhen(arready, () -> arValid.set(0));
        arvalid.set(arValid);
        araddr.set(arAddr);
        arlen.set(arLen);
        arsize.set(p.axiSize());
        arburst.set(1);
        arid.set(arId.resize(p.axiIdBits()));

        // ---- read data lands in its slot, whatever the order across IDs ----
        rready.set(1);
        Value rslot = rid.slice(sb - 1, 0);
        Value rbeat = named("r_beat", pick(rslot, beats));
        Value entry = rbeat.shr(laneBits).resize(entryBits);
        Value writeAddr = named("buffer_write_addr", rslot.cat(entry).resize(bufferAddrBits));
        Value rCount = named("r_count", pick(rslot, counts));
        // An RLAST out of place is as much a host-memory fault as an error response.
        Value expectLast = rbeat.add(1).eq(rCount.resize(8).shl(laneBits));
        Value rError = named("r_error", rresp.ne(0).or(rlast.ne(expectLast)));
        memError.set(rvalid.and(rError));
        errorNow.set(rvalid.and(rError));
        when(rvalid, () -> {
            if (bps == 1) {
                buffer.write(writeAddr, rdata);
            } else {
                Value lane = rbeat.slice(laneBits - 1, 0);
                List<Value> enables = new ArrayList<>();
                for (int l = bps - 1; l >= 0; l--) enables.add(lane.eq(l).replicate(p.busBytes()));
                buffer.write(writeAddr, rdata.replicate(bps), cat(enables));
            }
        });

        // ---- drain slots in grant order ----
        Value cur = outPtr.slice(sb - 1, 0);
        Value curBeats = named("cur_beats", pick(cur, beats));
        Value curCount = named("cur_count", pick(cur, counts));
        Value curError = named("cur_error", pick(cur, errors));
        Value nonEmpty = used.ne(0);
        Value need = outIdx.addExpand(lit(1, 1)).resize(8).shl(laneBits);
        Value arrived = curBeats.ge(need);
        Value allArrived = curBeats.eq(curCount.resize(8).shl(laneBits));
        // A later slot of the same SQ would otherwise run its entries out of queue order and SQHD
        // would skip the lost ones. Slots still drain (skipped once all their data is in), so the
        // AXI side goes idle for the disable that the host's reset brings.
        when(flush, () -> failed.set(0)).elseWhen(rvalid.and(rError), () -> failed.set(1));
        Value discard = named("discard", curError.or(failed));
        // Once offered, an SQE stays offered even if a later beat of its burst fails (AXI handshake rule).
        Value offer = named("offer", nonEmpty.and(arrived).and(discard.not().or(offered)));
        Value skip = named("skip", nonEmpty.and(discard).and(offered.not()).and(allArrived));
        Value handed = named("handed", offer.and(cmdReady));
        Value lastOfSlot = outIdx.add(1).eq(curCount);
        Value curStart = pick(cur, starts);
        Value curSize = pick(cur, sizes);
        Value afterSum = curStart.addExpand(outIdx.resize(16)).add(1);
        Value headAfter = named("head_after", mux(afterSum.eq(curSize.addExpand(lit(1, 1))), lit(0, 16), afterSum.slice(15, 0)));
        Value curQid = pick(cur, qids);
        cmdValid.set(offer);
        cmdSqid.set(curQid.resize(16));
        cmdSqe.set(buffer.read(cur.cat(outIdx.resize(entryBits)).resize(bufferAddrBits)));
        when(handed, () -> heads.write(curQid, headAfter));
        headReadData.set(heads.read(headReadAddr));
        Value free = named("free_slot", handed.and(lastOfSlot).or(skip));
        when(handed, () -> offered.set(0)).elseWhen(offer, () -> offered.set(1));
        when(free, () -> {
            outPtr.set(outPtr.add(1));
            outIdx.set(0);
        }).elseWhen(handed, () -> outIdx.set(outIdx.add(1)));

        for (int s = 0; s < slots; s++) {
            int slot = s;
            Value hit = rvalid.and(rslot.eq(slot));
            when(accept.and(allocSlot.eq(slot)), () -> {
                qidRegs.get(slot).set(reqQid);
                countRegs.get(slot).set(reqCount);
                startRegs.get(slot).set(reqStart);
                sizeRegs.get(slot).set(reqSize);
                beatRegs.get(slot).set(0);
                errorRegs.get(slot).set(0);
            }).elseWhen(hit, () -> {
                beatRegs.get(slot).set(beatRegs.get(slot).add(1));
                when(rError, () -> errorRegs.get(slot).set(1));
            });
        }
        when(flush, () -> {
            allocPtr.set(0);
            outPtr.set(0);
            outIdx.set(0);
            offered.set(0);
            arValid.set(0);
        });
        idle.set(used.eq(0).and(arValid.not()));
    }
}
