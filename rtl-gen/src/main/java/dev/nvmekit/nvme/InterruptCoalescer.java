package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * Turns announced CQE writes into MSI-X requests on {@code irq_}, one vector per request, with
 * interrupt coalescing (NVMe Base Specification 2.0, §5.27.1.8 "Interrupt Coalescing", Feature
 * 08h): a vector's interrupt waits until THR + 1 entries are pending or TIME × 100 µs have passed
 * since its first pending entry; THR = 0 or TIME = 0 means no coalescing. Entries of the admin
 * CQ are never coalesced, nor are those of a vector whose Coalescing Disable bit is set
 * (Feature 09h, §5.27.1.9). A vector masked through INTMS holds its request until INTMC clears
 * the mask.
 *
 * <p>Per vector it keeps {urgent, coalescing disabled, pending count, time stamp of the first
 * pending entry} in a memory; an announced entry either fires at once or is counted, and a scan
 * that visits one vector per idle cycle fires the ones whose time is up, that were unmasked or
 * that found the request port busy. The time stamp is in clock cycles, so TIME is honoured to
 * the cycle plus at most one scan round.
 */
public final class InterruptCoalescer extends Component {
    public final Signal flush, eventValid, eventReady, eventVector, eventAdmin;
    public final Signal coalesceValid, coalesceThr, coalesceTime, vectorValid, vectorIndex, vectorDisable;
    public final Signal intMask, irqValid, irqReady, irqVector, flushDone;

    public InterruptCoalescer(FrontendParameters p) {
        parameter("vectors", p.msixVectors());
        parameter("ticksPer100us", p.ticksPer100us());
        int vectors = p.msixVectors();
        int va = FrontendParameters.bitsToIndex(vectors);
        int tw = p.coalescingTimerBits();
        int wordBits = 1 + 1 + 8 + tw;
        flush = in("flush", 1);
        eventValid = in("event_valid", 1);
        eventReady = out("event_ready", 1);
        eventVector = in("event_vector", 11);
        eventAdmin = in("event_admin", 1);
        coalesceValid = in("coalesce_valid", 1);
        coalesceThr = in("coalesce_thr", 8);
        coalesceTime = in("coalesce_time", 8);
        vectorValid = in("vector_valid", 1);
        vectorIndex = in("vector_index", 11);
        vectorDisable = in("vector_disable", 1);
        intMask = in("int_mask", 32);
        irqValid = out("irq_valid", 1);
        irqReady = in("irq_ready", 1);
        irqVector = out("irq_vector", 11);
        flushDone = out("flush_done", 1);

        Mem state = mem("vector_state", wordBits, vectors); // urgent, disable, count[7:0], stamp
        Reg now = reg("now", tw).init(0);
        Reg thr = reg("coalesce_thr_q", 8).init(0);
        Reg time = reg("coalesce_time_q", 8).init(0);
        Reg limit = reg("time_limit", tw).init(0);
        Reg scan = reg("scan", va).init(0);
        Reg sweep = reg("sweep", va + 1).init(0);
        Reg requestValid = reg("request_valid", 1).init(0);
        Reg requestVector = reg("request_vector", 11).init(0);
        now.set(now.add(1));

        Value doVector = named("do_vector", flush.not().and(vectorValid));
        Value doEvent = named("do_event", flush.not().and(vectorValid.not()).and(eventValid));
        Value doScan = named("do_scan", flush.not().and(vectorValid.not()).and(eventValid.not()));
        Value v = named("v", mux(doVector, vectorIndex.resize(va), mux(doEvent, eventVector.resize(va), scan)));
        Value word = named("word", state.read(v));
        Value urgent = word.bit(wordBits - 1);
        Value disabled = word.bit(wordBits - 2);
        Value count = word.slice(tw + 7, tw);
        Value stamp = word.slice(tw - 1, 0);
        Value v11 = v.resize(11);
        Value masked = named("masked", v11.lt(32).and(intMask.bit(v11.resize(5))));
        Value slotFree = requestValid.not().or(irqReady);
        Value noCoalescing = thr.eq(0).or(time.eq(0));

        // An announced entry: fire now when nothing holds it, else count it.
        Value count1 = mux(count.eq(255), count, count.add(1));
        Value eventDue = eventAdmin.or(disabled).or(noCoalescing).or(count1.gt(thr));
        Value eventFires = named("event_fires", doEvent.and(eventDue).and(masked.not()).and(slotFree));
        // A scanned vector: fire when its threshold or time is reached, or it was held by the mask or a busy port.
        Value expired = now.sub(stamp).ge(limit);
        Value scanDue = count.ne(0).and(urgent.or(disabled).or(noCoalescing).or(count.gt(thr)).or(expired));
        Value scanFires = named("scan_fires", doScan.and(scanDue).and(masked.not()).and(slotFree));
        Value fires = eventFires.or(scanFires);

        when(flush, () -> {
            state.write(sweep.slice(va - 1, 0), lit(0, wordBits));
            when(sweep.lt(vectors), () -> sweep.set(sweep.add(1)));
            thr.set(0);
            time.set(0);
            limit.set(0);
            scan.set(0);
            requestValid.set(0);
        }).otherwise(() -> {
            sweep.set(0);
            when(doVector, () -> state.write(v, urgent.cat(vectorDisable, count, stamp)))
                    .elseWhen(fires, () -> state.write(v, lit(0, 1).cat(disabled, lit(0, 8), stamp)))
                    .elseWhen(doEvent, () -> state.write(v, urgent.or(eventAdmin).cat(disabled, count1, mux(count.eq(0), now, stamp))));
            when(doScan, () -> scan.set(mux(scan.eq(vectors - 1), lit(0, va), scan.add(1))));
            when(fires, () -> {
                requestValid.set(1);
                requestVector.set(v11);
            }).elseWhen(irqReady, () -> requestValid.set(0));
            when(coalesceValid, () -> {
                thr.set(coalesceThr);
                time.set(coalesceTime);
                limit.set(coalesceTime.resize(tw).mul(lit(p.ticksPer100us(), tw)).truncate(tw));
            });
        });
        eventReady.set(flush.not().and(vectorValid.not()));
        irqValid.set(requestValid);
        irqVector.set(requestVector);
        flushDone.set(sweep.ge(vectors));
    }
}
