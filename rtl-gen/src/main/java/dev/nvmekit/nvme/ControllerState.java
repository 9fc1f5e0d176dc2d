package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * The controller's enable / reset / shutdown state (NVMe Base Specification 2.0, §3.6
 * "Controller Initialization" and §3.6.2 "Shutdown Processing"; contract §4.1 and §3.9).
 *
 * <p>After {@code rst}, and after every CC.EN 1→0, the queue memories are swept clean
 * ({@code flush}) before CSTS.RDY reads 0, so that a new enable starts from no queues. CC.EN
 * 1→0 first stops fetching and waits until no AXI transaction is in flight ({@code axiIdle}).
 * CC.EN 0→1 with a valid CC and AQA loads the admin queues ({@code loadAdmin}, answered by
 * {@code adminDone}) and then sets RDY; with an invalid CC (a command set, page size or
 * arbitration mechanism that CAP does not advertise, or an admin queue of fewer than two
 * entries) the controller reports CSTS.CFS instead of becoming ready.
 */
public final class ControllerState extends Component {
    static final int SWEEP = 0, DISABLED = 1, ENABLING = 2, READY = 3, DRAINING = 4, FAILED = 5;

    public final Signal cc, aqa, ccWrite, ccWriteValue, ctrlFatal, shutdownDone, memError, axiIdle, flushDone, adminDone;
    public final Signal rdy, cfs, shst, flush, loadAdmin, fetchEnable, postEnable, doorbellEnable, shutdownReq;

    public ControllerState() {
        cc = in("cc", 32);
        aqa = in("aqa", 32);
        ccWrite = in("cc_write", 1);
        ccWriteValue = in("cc_write_value", 32);
        ctrlFatal = in("ctrl_fatal", 1);
        shutdownDone = in("shutdown_done", 1);
        memError = in("mem_error", 1);
        axiIdle = in("axi_idle", 1);
        flushDone = in("flush_done", 1);
        adminDone = in("admin_done", 1);
        rdy = out("rdy", 1);
        cfs = out("cfs", 1);
        shst = out("shst", 2);
        flush = out("flush", 1);
        loadAdmin = out("load_admin", 1);
        fetchEnable = out("fetch_enable", 1);
        postEnable = out("post_enable", 1);
        doorbellEnable = out("doorbell_enable", 1);
        shutdownReq = out("shutdown_req", 1);

        Reg state = reg("state", 3).init(SWEEP);
        Reg ready = reg("ready", 1).init(0);
        Reg fatal = reg("fatal_sticky", 1).init(0);
        Reg shutdown = reg("shutdown", 1).init(0);
        Reg shutdownStatus = reg("shutdown_status", 2).init(0);

        Value en = cc.bit(0);
        Value css = cc.slice(6, 4);
        Value mps = cc.slice(10, 7);
        Value ams = cc.slice(13, 11);
        Value asqs = aqa.slice(11, 0);
        Value acqs = aqa.slice(27, 16);
        Value ccValid = named("cc_valid", css.eq(0).and(mps.le(ControllerRegisters.MPSMAX)).and(ams.eq(0))
                .and(asqs.ne(0)).and(acqs.ne(0)));

        switchOn(state)
                .is(SWEEP, () -> when(flushDone, () -> {
                    state.set(DISABLED);
                    ready.set(0);
                    fatal.set(0);
                    shutdown.set(0);
                    shutdownStatus.set(0);
                }))
                .is(DISABLED, () -> when(en, () -> when(ccValid, () -> state.set(ENABLING))
                        .otherwise(() -> {
                            state.set(FAILED);
                            fatal.set(1);
                        })))
                .is(ENABLING, () -> when(en.not(), () -> state.set(DRAINING))
                        .elseWhen(adminDone, () -> {
                            state.set(READY);
                            ready.set(1);
                        }))
                .is(READY, () -> when(en.not(), () -> state.set(DRAINING)))
                .is(DRAINING, () -> when(axiIdle, () -> state.set(SWEEP)))
                .is(FAILED, () -> when(en.not(), () -> state.set(SWEEP)))
                .otherwise(() -> state.set(SWEEP));

        // A host memory error is fatal until the next controller reset (contract §3.3, §3.9).
        when(memError, () -> fatal.set(1));
        // Shutdown: CC.SHN written non-zero while ready; SHST 01b until the back end is done, then 10b.
        Value shnWritten = ccWrite.and(ccWriteValue.slice(15, 14).ne(0)).and(state.eq(READY));
        when(shnWritten.and(shutdown.not()), () -> {
            shutdown.set(1);
            shutdownStatus.set(1);
        }).elseWhen(shutdown.and(shutdownDone), () -> shutdownStatus.set(2));

        Value isReady = state.eq(READY);
        Value cfsNow = fatal.or(ctrlFatal);
        rdy.set(ready);
        cfs.set(cfsNow);
        shst.set(shutdownStatus);
        flush.set(state.eq(SWEEP));
        loadAdmin.set(state.eq(ENABLING).and(en));
        fetchEnable.set(isReady.and(cfsNow.not()));
        postEnable.set(isReady);
        doorbellEnable.set(isReady);
        shutdownReq.set(shutdown);
    }
}
