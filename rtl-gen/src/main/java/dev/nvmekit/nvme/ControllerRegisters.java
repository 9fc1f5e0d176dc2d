package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * The BAR0 controller registers behind an AXI4-Lite slave (NVMe Base Specification 2.0, §3.1.3
 * "Controller Properties"): CAP, VS, INTMS, INTMC, CC, CSTS, AQA, ASQ, ACQ, and the doorbell
 * region, which it hands on as doorbell writes. The write address and data channels are accepted
 * in either order; the write response is sent once the write took effect (for a doorbell: once
 * the engine owning that queue took it). Unimplemented offsets read 0 with OKAY, and read-only
 * fields ignore writes.
 */
public final class ControllerRegisters extends Component {
    /** VS: 1.4.0. The contract asks for 1.4 or later; 1.4 keeps CAP's 2.0-only fields (CRMS, NSSS) out of scope. */
    static final long VERSION = 0x0001_0400L;
    /** CAP.TO in 500 ms units: enabling and resetting take microseconds. */
    static final int TIMEOUT = 1;
    /** CAP.MPSMAX: 64 KiB; the front end never depends on the page size, the back end's PRP engine does. */
    static final int MPSMAX = 4;
    /** Writable CC bits: EN, CSS, MPS, AMS, SHN, IOSQES, IOCQES (bits 3:1 and 31:24 are reserved in 1.4). */
    static final long CC_WRITABLE = 0x00FF_FFF1L;
    /** Writable AQA bits: ASQS [11:0], ACQS [27:16]. */
    static final long AQA_WRITABLE = 0x0FFF_0FFFL;

    public final Signal awvalid, awready, awaddr, wvalid, wready, wdata, wstrb, bvalid, bready, bresp;
    public final Signal arvalid, arready, araddr, rvalid, rready, rdata, rresp;
    /** CSTS inputs from {@link ControllerState}. */
    public final Signal cstsRdy, cstsCfs, cstsShst;
    /** Register contents for the rest of the block. */
    public final Signal cc, aqa, asq, acq, intMask;
    /** One-cycle pulse when CC was written (cc already shows the new value the next cycle). */
    public final Signal ccWrite, ccWriteValue;
    /** Doorbells are taken only while the controller is ready and an event could be reported. */
    public final Signal doorbellEnable;
    /** A doorbell write, held until taken. */
    public final Signal dbValid, dbReady, dbQid, dbIsCq, dbValue;

    public ControllerRegisters(FrontendParameters p) {
        parameter("ioQueues", p.ioQueues());
        parameter("stride", p.doorbellStride());
        parameter("mqes", p.maxQueueEntries());
        int bar = p.barBits();
        awvalid = in("awvalid", 1);
        awready = out("awready", 1);
        awaddr = in("awaddr", 32);
        wvalid = in("wvalid", 1);
        wready = out("wready", 1);
        wdata = in("wdata", 32);
        wstrb = in("wstrb", 4);
        bvalid = out("bvalid", 1);
        bready = in("bready", 1);
        bresp = out("bresp", 2);
        arvalid = in("arvalid", 1);
        arready = out("arready", 1);
        araddr = in("araddr", 32);
        rvalid = out("rvalid", 1);
        rready = in("rready", 1);
        rdata = out("rdata", 32);
        rresp = out("rresp", 2);
        cstsRdy = in("csts_rdy", 1);
        cstsCfs = in("csts_cfs", 1);
        cstsShst = in("csts_shst", 2);
        cc = out("cc", 32);
        aqa = out("aqa", 32);
        asq = out("asq", 64);
        acq = out("acq", 64);
        intMask = out("int_mask", 32);
        ccWrite = out("cc_write", 1);
        ccWriteValue = out("cc_write_value", 32);
        doorbellEnable = in("doorbell_enable", 1);
        dbValid = out("db_valid", 1);
        dbReady = in("db_ready", 1);
        dbQid = out("db_qid", 16);
        dbIsCq = out("db_is_cq", 1);
        dbValue = out("db_value", 16);

        Reg ccReg = reg("cc_q", 32).init(0);
        Reg aqaReg = reg("aqa_q", 32).init(0);
        Reg asqLo = reg("asq_lo", 32).init(0);
        Reg asqHi = reg("asq_hi", 32).init(0);
        Reg acqLo = reg("acq_lo", 32).init(0);
        Reg acqHi = reg("acq_hi", 32).init(0);
        Reg mask = reg("int_mask_q", 32).init(0);

        // ---- write channel: address and data in either order ----
        Reg awHeld = reg("aw_held", 1).init(0);
        Reg awOffset = reg("aw_offset", bar).init(0);
        Reg wHeld = reg("w_held", 1).init(0);
        Reg wData = reg("w_data", 32).init(0);
        Reg wStrb = reg("w_strb", 4).init(0);
        Reg bValid = reg("b_valid", 1).init(0);
        awready.set(awHeld.not());
        wready.set(wHeld.not());
        bvalid.set(bValid);
        bresp.set(0);
        when(awvalid.and(awHeld.not()), () -> {
            awHeld.set(1);
            awOffset.set(awaddr.slice(bar - 1, 0));
        });
        when(wvalid.and(wHeld.not()), () -> {
            wHeld.set(1);
            wData.set(wdata);
            wStrb.set(wstrb);
        });

        DoorbellDecoder decoder = instance("doorbell_decoder", new DoorbellDecoder(bar, p.doorbellStride()));
        decoder.offset.set(awOffset);
        Value pending = named("write_pending", awHeld.and(wHeld).and(bValid.not()));
        Value toDoorbell = named("write_doorbell", pending.and(decoder.isDoorbell).and(doorbellEnable));
        dbValid.set(toDoorbell);
        dbQid.set(decoder.qid);
        dbIsCq.set(decoder.isCq);
        dbValue.set(wData.slice(15, 0));
        // A doorbell write waits for its engine; everything else (including doorbells while not
        // ready, which NVMe leaves undefined, and strided gaps) takes effect at once.
        Value done = named("write_done", pending.and(toDoorbell.not().or(dbReady)));
        Value byteMask = cat(wStrb.bit(3).replicate(8), wStrb.bit(2).replicate(8), wStrb.bit(1).replicate(8), wStrb.bit(0).replicate(8));
        Value wordOffset = awOffset.slice(bar - 1, 2);
        Value isReg = named("write_is_reg", done.and(awOffset.slice(bar - 1, 12).orR().not()));
        Value ccNext = named("cc_next", merge(ccReg, wData, byteMask).and(lit(CC_WRITABLE, 32)));
        ccWrite.set(isReg.and(wordOffset.eq(0x14 >> 2)));
        ccWriteValue.set(ccNext);
        when(done, () -> {
            awHeld.set(0);
            wHeld.set(0);
            bValid.set(1);
        }).elseWhen(bValid.and(bready), () -> bValid.set(0));
        when(isReg, () -> switchOn(wordOffset)
                .is(0x0C >> 2, () -> mask.set(mask.or(wData.and(byteMask))))
                .is(0x10 >> 2, () -> mask.set(mask.and(wData.and(byteMask).not())))
                .is(0x14 >> 2, () -> ccReg.set(ccNext))
                .is(0x24 >> 2, () -> aqaReg.set(merge(aqaReg, wData, byteMask).and(lit(AQA_WRITABLE, 32))))
                .is(0x28 >> 2, () -> asqLo.set(merge(asqLo, wData, byteMask).and(lit(0xFFFF_F000L, 32))))
                .is(0x2C >> 2, () -> asqHi.set(merge(asqHi, wData, byteMask)))
                .is(0x30 >> 2, () -> acqLo.set(merge(acqLo, wData, byteMask).and(lit(0xFFFF_F000L, 32))))
                .is(0x34 >> 2, () -> acqHi.set(merge(acqHi, wData, byteMask)))
                .otherwise(() -> { }));

        // ---- read channel ----
        Reg rValid = reg("r_valid", 1).init(0);
        Reg rData = reg("r_data", 32).init(0);
        arready.set(rValid.not());
        rvalid.set(rValid);
        rdata.set(rData);
        rresp.set(0);
        long capLo = (p.maxQueueEntries() - 1L) | (1L << 16) /* CQR */ | ((long) TIMEOUT << 24);
        long capHi = p.doorbellStride() | (1L << 5) /* CSS bit 0: NVM command set (CAP bit 37) */ | ((long) MPSMAX << 20);
        Value csts = cat(lit(0, 28), cstsShst, cstsCfs, cstsRdy);
        Value readOffset = araddr.slice(bar - 1, 2);
        Value inRegs = araddr.slice(bar - 1, 12).orR().not();
        Signal readValue = wire("read_value", 32);
        when(inRegs, () -> switchOn(readOffset)
                .is(0x00 >> 2, () -> readValue.set(lit(capLo, 32)))
                .is(0x04 >> 2, () -> readValue.set(lit(capHi, 32)))
                .is(0x08 >> 2, () -> readValue.set(lit(VERSION, 32)))
                .is(0x0C >> 2, 0x10 >> 2, () -> readValue.set(mask))
                .is(0x14 >> 2, () -> readValue.set(ccReg))
                .is(0x1C >> 2, () -> readValue.set(csts))
                .is(0x24 >> 2, () -> readValue.set(aqaReg))
                .is(0x28 >> 2, () -> readValue.set(asqLo))
                .is(0x2C >> 2, () -> readValue.set(asqHi))
                .is(0x30 >> 2, () -> readValue.set(acqLo))
                .is(0x34 >> 2, () -> readValue.set(acqHi))
                .otherwise(() -> readValue.set(0)))
                .otherwise(() -> readValue.set(0));
        when(arvalid.and(rValid.not()), () -> {
            rValid.set(1);
            rData.set(readValue);
        }).elseWhen(rValid.and(rready), () -> rValid.set(0));

        cc.set(ccReg);
        aqa.set(aqaReg);
        asq.set(cat(asqHi, asqLo));
        acq.set(cat(acqHi, acqLo));
        intMask.set(mask);
    }

    private static Value merge(Value old, Value data, Value byteMask) {
        return old.and(byteMask.not()).or(data.and(byteMask));
    }
}
