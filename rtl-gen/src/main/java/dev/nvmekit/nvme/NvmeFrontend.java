package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * The NVMe front end: the host-interface part of an NVMe controller for an FPGA, emitted as the
 * Verilog module {@code nvme_frontend} with exactly the ports of the integration contract
 * (shared/spec/nvme-frontend-ports.md, §3). It connects:
 * <ul>
 *   <li>{@link ControllerRegisters} (BAR0 over AXI4-Lite) and {@link ControllerState} (enable,
 *       reset, shutdown, fatal status);</li>
 *   <li>{@link QueueManager} ({@code qm_}) and the queue memories of {@link QueueContexts};</li>
 *   <li>{@link SqArbiter} and {@link SubmissionFetcher}: SQ tail doorbells → AXI4 reads → {@code cmd_};</li>
 *   <li>{@link CompletionPoster}: {@code cpl_} → CQE writes, CQ head doorbells;</li>
 *   <li>{@link InterruptCoalescer} ({@code irq_}) and {@link AsyncEventReporter} ({@code aer_}).</li>
 * </ul>
 * Parameters out of the contract's ranges (§2) are reported as elaboration errors naming the
 * parameter and its range.
 */
public final class NvmeFrontend extends Component {
    private final FrontendParameters parameters;

    public NvmeFrontend() {
        this(FrontendParameters.DEFAULT);
    }

    public NvmeFrontend(FrontendParameters requested) {
        super("nvme_frontend");
        for (String problem : requested.problems()) require(false, problem);
        FrontendParameters p = requested.sanitized();
        this.parameters = p;
        parameter("ioQueues", p.ioQueues());
        parameter("maxQueueEntries", p.maxQueueEntries());
        parameter("dmaDataBits", p.dmaDataBits());
        parameter("axiIdBits", p.axiIdBits());
        parameter("doorbellStride", p.doorbellStride());
        parameter("fetchBurst", p.fetchBurst());
        parameter("msixVectors", p.msixVectors());
        parameter("ticksPer100us", p.ticksPer100us());
        int d = p.dmaDataBits();
        int id = p.axiIdBits();

        // ---- §3.2 BAR0 register port ----
        Signal sAwvalid = in("s_axil_awvalid", 1), sAwready = out("s_axil_awready", 1), sAwaddr = in("s_axil_awaddr", 32);
        Signal sWvalid = in("s_axil_wvalid", 1), sWready = out("s_axil_wready", 1), sWdata = in("s_axil_wdata", 32), sWstrb = in("s_axil_wstrb", 4);
        Signal sBvalid = out("s_axil_bvalid", 1), sBready = in("s_axil_bready", 1), sBresp = out("s_axil_bresp", 2);
        Signal sArvalid = in("s_axil_arvalid", 1), sArready = out("s_axil_arready", 1), sAraddr = in("s_axil_araddr", 32);
        Signal sRvalid = out("s_axil_rvalid", 1), sRready = in("s_axil_rready", 1), sRdata = out("s_axil_rdata", 32), sRresp = out("s_axil_rresp", 2);
        // ---- §3.3 host memory port ----
        Signal arvalid = out("m_axi_arvalid", 1), arready = in("m_axi_arready", 1), araddr = out("m_axi_araddr", 64);
        Signal arlen = out("m_axi_arlen", 8), arsize = out("m_axi_arsize", 3), arburst = out("m_axi_arburst", 2), arid = out("m_axi_arid", id);
        Signal rvalid = in("m_axi_rvalid", 1), rready = out("m_axi_rready", 1), rdata = in("m_axi_rdata", d), rresp = in("m_axi_rresp", 2);
        Signal rlast = in("m_axi_rlast", 1), rid = in("m_axi_rid", id);
        Signal awvalid = out("m_axi_awvalid", 1), awready = in("m_axi_awready", 1), awaddr = out("m_axi_awaddr", 64);
        Signal awlen = out("m_axi_awlen", 8), awsize = out("m_axi_awsize", 3), awburst = out("m_axi_awburst", 2), awid = out("m_axi_awid", id);
        Signal wvalid = out("m_axi_wvalid", 1), wready = in("m_axi_wready", 1), wdata = out("m_axi_wdata", d), wstrb = out("m_axi_wstrb", d / 8);
        Signal wlast = out("m_axi_wlast", 1);
        Signal bvalid = in("m_axi_bvalid", 1), bready = out("m_axi_bready", 1), bresp = in("m_axi_bresp", 2), bid = in("m_axi_bid", id);
        // ---- §3.4 interrupts ----
        Signal irqValid = out("irq_valid", 1), irqReady = in("irq_ready", 1), irqVector = out("irq_vector", 11);
        // ---- §3.5 commands ----
        Signal cmdValid = out("cmd_valid", 1), cmdReady = in("cmd_ready", 1), cmdSqid = out("cmd_sqid", 16), cmdSqe = out("cmd_sqe", 512);
        // ---- §3.6 completions ----
        Signal cplValid = in("cpl_valid", 1), cplReady = out("cpl_ready", 1), cplSqid = in("cpl_sqid", 16), cplCid = in("cpl_cid", 16);
        Signal cplStatus = in("cpl_status", 15), cplDw0 = in("cpl_dw0", 32), cplDw1 = in("cpl_dw1", 32);
        // ---- §3.7 queue management ----
        Signal qmReqValid = in("qm_req_valid", 1), qmReqReady = out("qm_req_ready", 1), qmReqOp = in("qm_req_op", 3);
        Signal qmReqQid = in("qm_req_qid", 16), qmReqBase = in("qm_req_base", 64), qmReqSize = in("qm_req_size", 16);
        Signal qmReqCqid = in("qm_req_cqid", 16), qmReqQprio = in("qm_req_qprio", 2), qmReqIen = in("qm_req_ien", 1);
        Signal qmReqIv = in("qm_req_iv", 16), qmReqThr = in("qm_req_thr", 8), qmReqTime = in("qm_req_time", 8);
        Signal qmRspValid = out("qm_rsp_valid", 1), qmRspReady = in("qm_rsp_ready", 1), qmRspStatus = out("qm_rsp_status", 15);
        // ---- §3.8 asynchronous events ----
        Signal aerValid = out("aer_valid", 1), aerReady = in("aer_ready", 1), aerType = out("aer_type", 3);
        Signal aerInfo = out("aer_info", 8), aerQid = out("aer_qid", 16);
        // ---- §3.9 controller state ----
        Signal ctrlEnabled = out("ctrl_enabled", 1), ctrlMps = out("ctrl_mps", 4), ctrlShutdownReq = out("ctrl_shutdown_req", 1);
        Signal ctrlShutdownDone = in("ctrl_shutdown_done", 1), ctrlFatal = in("ctrl_fatal", 1);

        ControllerRegisters regs = instance("registers", new ControllerRegisters(p));
        ControllerState state = instance("control", new ControllerState());
        QueueContexts contexts = instance("contexts", new QueueContexts(p));
        QueueManager manager = instance("queue_manager", new QueueManager(p));
        SqArbiter arbiter = instance("sq_arbiter", new SqArbiter(p));
        SubmissionFetcher fetcher = instance("fetcher", new SubmissionFetcher(p));
        CompletionPoster poster = instance("poster", new CompletionPoster(p));
        InterruptCoalescer coalescer = instance("coalescer", new InterruptCoalescer(p));
        AsyncEventReporter events = instance("events", new AsyncEventReporter());

        // registers
        regs.awvalid.set(sAwvalid);
        regs.awaddr.set(sAwaddr);
        regs.wvalid.set(sWvalid);
        regs.wdata.set(sWdata);
        regs.wstrb.set(sWstrb);
        regs.bready.set(sBready);
        regs.arvalid.set(sArvalid);
        regs.araddr.set(sAraddr);
        regs.rready.set(sRready);
        sAwready.set(regs.awready);
        sWready.set(regs.wready);
        sBvalid.set(regs.bvalid);
        sBresp.set(regs.bresp);
        sArready.set(regs.arready);
        sRvalid.set(regs.rvalid);
        sRdata.set(regs.rdata);
        sRresp.set(regs.rresp);
        regs.cstsRdy.set(state.rdy);
        regs.cstsCfs.set(state.cfs);
        regs.cstsShst.set(state.shst);
        // Sibling outputs meet in wires of this module (the DSL combines a parent's and a child's values, not two children's).
        Value eventBusy = named("event_busy", events.busy);
        regs.doorbellEnable.set(named("doorbell_enable", state.doorbellEnable).and(eventBusy.not()));
        Value dbCq = regs.dbIsCq;
        regs.dbReady.set(mux(named("doorbell_to_cq", dbCq), named("cq_doorbell_ready", poster.dbReady), named("sq_doorbell_ready", arbiter.dbReady)));

        // controller state
        state.cc.set(regs.cc);
        state.aqa.set(regs.aqa);
        state.ccWrite.set(regs.ccWrite);
        state.ccWriteValue.set(regs.ccWriteValue);
        state.ctrlFatal.set(ctrlFatal);
        state.shutdownDone.set(ctrlShutdownDone);
        state.memError.set(named("read_error", fetcher.memError).or(named("write_error", poster.memError)));
        state.axiIdle.set(named("reads_idle", fetcher.idle).and(named("writes_idle", poster.idle)));
        state.flushDone.set(named("contexts_swept", manager.flushDone).and(named("pointers_swept", arbiter.flushDone))
                .and(named("vectors_swept", coalescer.flushDone)));
        state.adminDone.set(manager.adminDone);
        ctrlEnabled.set(state.rdy);
        ctrlMps.set(regs.cc.slice(10, 7));
        ctrlShutdownReq.set(state.shutdownReq);

        // queue manager and contexts
        manager.flush.set(state.flush);
        manager.loadAdmin.set(state.loadAdmin);
        manager.aqa.set(regs.aqa);
        manager.asq.set(regs.asq);
        manager.acq.set(regs.acq);
        manager.reqValid.set(qmReqValid);
        manager.reqOp.set(qmReqOp);
        manager.reqQid.set(qmReqQid);
        manager.reqBase.set(qmReqBase);
        manager.reqSize.set(qmReqSize);
        manager.reqCqid.set(qmReqCqid);
        manager.reqQprio.set(qmReqQprio);
        manager.reqIen.set(qmReqIen);
        manager.reqIv.set(qmReqIv);
        manager.reqThr.set(qmReqThr);
        manager.reqTime.set(qmReqTime);
        manager.rspReady.set(qmRspReady);
        qmReqReady.set(manager.reqReady);
        qmRspValid.set(manager.rspValid);
        qmRspStatus.set(manager.rspStatus);
        contexts.sqWrite.set(manager.sqWrite);
        contexts.sqWriteAddr.set(manager.sqWriteAddr);
        contexts.sqWriteData.set(manager.sqWriteData);
        contexts.cqWrite.set(manager.cqWrite);
        contexts.cqWriteAddr.set(manager.cqWriteAddr);
        contexts.cqWriteData.set(manager.cqWriteData);
        contexts.sqReadAddr.get(0).set(arbiter.sqContextAddr);
        contexts.sqReadAddr.get(1).set(poster.sqContextAddr);
        contexts.sqReadAddr.get(2).set(manager.sqReadAddr);
        contexts.cqReadAddr.get(0).set(poster.cqContextAddr);
        contexts.cqReadAddr.get(1).set(manager.cqReadAddr);
        manager.sqContext.set(contexts.sqReadData.get(2));
        manager.cqContext.set(contexts.cqReadData.get(1));

        // submission side
        arbiter.flush.set(state.flush);
        arbiter.fetchEnable.set(state.fetchEnable);
        arbiter.initValid.set(manager.initSqValid);
        arbiter.initQid.set(manager.initSqQid);
        arbiter.dbValid.set(regs.dbValid.and(dbCq.not()));
        arbiter.dbQid.set(regs.dbQid);
        arbiter.dbValue.set(regs.dbValue);
        arbiter.abValid.set(manager.abValid);
        arbiter.abValue.set(manager.abValue);
        arbiter.sqContext.set(contexts.sqReadData.get(0));
        arbiter.fetchReady.set(fetcher.reqReady);
        fetcher.flush.set(state.flush);
        fetcher.reqValid.set(arbiter.fetchValid);
        fetcher.reqQid.set(arbiter.fetchQid);
        fetcher.reqAddr.set(arbiter.fetchAddr);
        fetcher.reqCount.set(arbiter.fetchCount);
        fetcher.reqStart.set(arbiter.fetchStart);
        fetcher.reqSize.set(arbiter.fetchSize);
        fetcher.arready.set(arready);
        fetcher.rvalid.set(rvalid);
        fetcher.rdata.set(rdata);
        fetcher.rresp.set(rresp);
        fetcher.rlast.set(rlast);
        fetcher.rid.set(rid);
        fetcher.cmdReady.set(cmdReady);
        fetcher.headReadAddr.set(poster.headAddr);
        arvalid.set(fetcher.arvalid);
        araddr.set(fetcher.araddr);
        arlen.set(fetcher.arlen);
        arsize.set(fetcher.arsize);
        arburst.set(fetcher.arburst);
        arid.set(fetcher.arid);
        rready.set(fetcher.rready);
        cmdValid.set(fetcher.cmdValid);
        cmdSqid.set(fetcher.cmdSqid);
        cmdSqe.set(fetcher.cmdSqe);

        // completion side
        poster.postEnable.set(state.postEnable);
        poster.initValid.set(manager.initCqValid);
        poster.initQid.set(manager.initCqQid);
        poster.dbValid.set(regs.dbValid.and(dbCq));
        poster.dbQid.set(regs.dbQid);
        poster.dbValue.set(regs.dbValue);
        poster.cplValid.set(cplValid);
        poster.cplSqid.set(cplSqid);
        poster.cplCid.set(cplCid);
        poster.cplStatus.set(cplStatus);
        poster.cplDw0.set(cplDw0);
        poster.cplDw1.set(cplDw1);
        poster.sqContext.set(contexts.sqReadData.get(1));
        poster.cqContext.set(contexts.cqReadData.get(0));
        poster.head.set(fetcher.headReadData);
        poster.awready.set(awready);
        poster.wready.set(wready);
        poster.bvalid.set(bvalid);
        poster.bresp.set(bresp);
        poster.bid.set(bid);
        poster.eventReady.set(coalescer.eventReady);
        cplReady.set(poster.cplReady);
        awvalid.set(poster.awvalid);
        awaddr.set(poster.awaddr);
        awlen.set(poster.awlen);
        awsize.set(poster.awsize);
        awburst.set(poster.awburst);
        awid.set(poster.awid);
        wvalid.set(poster.wvalid);
        wdata.set(poster.wdata);
        wstrb.set(poster.wstrb);
        wlast.set(poster.wlast);
        bready.set(poster.bready);

        // interrupts and events
        coalescer.flush.set(state.flush);
        coalescer.eventValid.set(poster.eventValid);
        coalescer.eventVector.set(poster.eventVector);
        coalescer.eventAdmin.set(poster.eventAdmin);
        coalescer.coalesceValid.set(manager.coalesceValid);
        coalescer.coalesceThr.set(manager.coalesceThr);
        coalescer.coalesceTime.set(manager.coalesceTime);
        coalescer.vectorValid.set(manager.vectorValid);
        coalescer.vectorIndex.set(manager.vectorIndex);
        coalescer.vectorDisable.set(manager.vectorDisable);
        coalescer.intMask.set(regs.intMask);
        coalescer.irqReady.set(irqReady);
        irqValid.set(coalescer.irqValid);
        irqVector.set(coalescer.irqVector);
        events.sqValid.set(arbiter.aerValid);
        events.sqInfo.set(arbiter.aerInfo);
        events.sqQid.set(arbiter.aerQid);
        events.cqValid.set(poster.aerValid);
        events.cqInfo.set(poster.aerInfo);
        events.cqQid.set(poster.aerQid);
        events.aerReady.set(aerReady);
        aerValid.set(events.aerValid);
        aerType.set(events.aerType);
        aerInfo.set(events.aerInfo);
        aerQid.set(events.aerQid);
    }

    /** The parameters this instance was built with (out-of-range ones replaced by defaults). */
    public FrontendParameters parameters() {
        return parameters;
    }
}
