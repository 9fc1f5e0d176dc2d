package dev.nvmekit.testbench.host;

import dev.nvmekit.testbench.nvme.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The parts of the driver model that take the controller through states: probe and bring-up
 * ({@code nvme_probe} → {@code nvme_reset_work}), the request timer ({@code nvme_timeout}),
 * controller reset, shutdown and Asynchronous Event completions. Runs its slow work in bench
 * processes, as Linux runs it in work queues.
 */
final class ControllerRecovery {
    private final HostDriver d;
    private int abortsInFlight;
    private boolean recovering; // probe or reset work running (Linux: CONNECTING / RESETTING)

    ControllerRecovery(HostDriver driver) {
        this.d = driver;
    }

    /** Whether probe or reset work is running. */
    boolean recovering() {
        return recovering;
    }

    // ------------------------------------------------------------ registers

    private int csts() {
        return d.bar.read32(d.ctx(), ControllerRegisters.CSTS);
    }

    private long readyTimeoutNs() {
        return d.config.readyTimeoutNs() > 0 ? d.config.readyTimeoutNs() : d.cap.readyTimeoutMillis() * 1_000_000L;
    }

    /** nvme_wait_ready: poll CSTS until {@code test} holds, giving up after CAP.TO or on all ones. */
    private boolean waitCsts(IntPredicate test, long timeoutNs, String what) {
        long deadline = d.loop.cycle() + d.nsToCycles(timeoutNs);
        while (true) {
            int csts = csts();
            if (ControllerStatus.isDeviceGone(csts)) { d.info("controller is gone (CSTS=0xffffffff)"); return false; }
            if (test.test(csts)) return true;
            if (d.loop.cycle() >= deadline) {
                d.info(String.format("Device not ready; aborting %s, CSTS=0x%x", what, csts));
                return false;
            }
            d.ctx().waitCycles(d.nsToCycles(d.config.pollIntervalNs()));
        }
    }

    /** nvme_disable_ctrl: CC.EN = 0 (no SHN) and wait for RDY = 0. */
    private boolean disable(String what) {
        int cc = d.cc == null ? 0 : d.cc.withEnable(false).encode();
        d.bar.write(ControllerRegisters.CC, cc);
        return waitCsts(c -> (c & 1) == 0, readyTimeoutNs(), what);
    }

    // ------------------------------------------------------------ probe / bring-up

    /** The whole enable and bring-up; false (controller DEAD) when the controller does not come up. */
    boolean probe(String what) {
        boolean outer = recovering;
        recovering = true;
        try {
            return probeSteps(what);
        } finally {
            recovering = outer;
        }
    }

    private boolean probeSteps(String what) {
        d.state = HostDriver.State.RESETTING;
        int csts = csts();
        if (ControllerStatus.isDeviceGone(csts)) return dead("controller is gone");
        d.cap = ControllerCapabilities.decode(d.bar.read64(d.ctx(), ControllerRegisters.CAP));
        d.dstrd = d.cap.dstrd();
        int vs = d.bar.read32(d.ctx(), ControllerRegisters.VS);
        if (d.cap.minPageSize() > 4096) {
            return dead(String.format("Minimum device page size %d too large for host (4096)", d.cap.minPageSize()));
        }
        // nvme_pci_configure_admin_queue: disable, AQA = 32 entries each, ASQ/ACQ low then high dword.
        if (!disable(what)) return dead("could not disable the controller");
        if (d.admin == null) d.admin = new HostQueue(d.memory, 0, 32, 0);
        d.admin.resetRings();
        d.admin.live = true;
        d.bar.write(ControllerRegisters.AQA, AdminQueueAttributes.ofEntries(32, 32).encode());
        d.bar.write64(ControllerRegisters.ASQ, d.admin.sqBase);
        d.bar.write64(ControllerRegisters.ACQ, d.admin.cqBase);
        // nvme_enable_ctrl: CC with EN = 0 first, then EN = 1; wait for RDY with CAP.TO.
        d.cc = ControllerConfiguration.linuxDefault(d.cap, false);
        d.bar.write(ControllerRegisters.CC, d.cc.encode());
        d.cc = d.cc.withEnable(true);
        d.bar.write(ControllerRegisters.CC, d.cc.encode());
        if (!waitCsts(c -> (c & 1) == 1, readyTimeoutNs(), what)) return dead("controller did not become ready");
        d.state = HostDriver.State.LIVE;
        try {
            bringUp(vs);
        } catch (HostDriverException e) {
            if (d.state == HostDriver.State.LIVE) return dead("bring-up failed: " + e.getMessage());
            return d.state != HostDriver.State.DEAD;
        }
        return true;
    }

    private boolean dead(String why) {
        d.info(why);
        d.info("Removing after probe failure status: -19");
        d.state = HostDriver.State.DEAD;
        failEverything();
        return false;
    }

    private void bringUp(int vs) {
        d.identify = d.identifyControllerNow();                          // nvme_init_ctrl_finish
        d.setup.initCtrlFinish(d.identify, vs);                           // effects log, APST, Timestamp
        int wanted = d.config.cpus() + d.config.pollQueues();
        // nvme_set_queue_count: an error leaves the controller admin-only, not failed.
        HostRequest nq = d.setFeature(FeatureIdentifier.NUMBER_OF_QUEUES, (wanted - 1) | (wanted - 1) << 16);
        int granted = 0;
        if (nq.status().isSuccess()) granted = Math.min(nq.dw0() & 0xFFFF, nq.dw0() >>> 16) + 1;
        else d.info("Could not set queue count (" + nq.status() + ")");
        int count = Math.min(wanted, granted);
        int depth = Math.min(d.cap.maxQueueEntries(), d.config.ioQueueDepth());
        boolean first = d.ioQueues.isEmpty();
        for (int qid = 1; qid <= count; qid++) {
            boolean polled = qid > d.config.cpus();
            if (first) d.ioQueues.add(new HostQueue(d.memory, qid, depth, polled ? -1 : qid));
            HostQueue q = d.ioQueues.get(qid - 1);
            q.resetRings();
            if (!createQueue(q)) break;                                  // nvme_create_io_queues stops at a failure
        }
        d.info(String.format("%d/%d/%d default/read/poll queues", d.config.cpus(), 0, d.config.pollQueues()));
        if ((d.identify.oaes() & 0x0300) != 0) d.setFeature(FeatureIdentifier.ASYNCHRONOUS_EVENT_CONFIGURATION, d.identify.oaes() & 0x0300);
        d.submitAsyncEventRequest();                                     // nvme_start_ctrl → nvme_queue_async_events
        Map<Integer, IdentifyNamespace> found = d.setup.scan();           // nvme_scan_work
        if (found != null) {
            d.namespaces.clear();
            d.namespaces.putAll(found);
        }
        List<HostRequest> again = new ArrayList<>(d.requeue);
        d.requeue.clear();
        for (HostRequest r : again) d.push(d.ioQueueFor(r.queue == null ? 0 : Math.max(0, r.queue.qid - 1), r.queue != null && r.queue.polled()), r);
    }

    /** nvme_create_queue: the CQ first (IEN unless polled, vector = qid), then its SQ. */
    private boolean createQueue(HostQueue q) {
        HostRequest cq = d.adminCommand(CreateIoCompletionQueueCommand.linux(q.qid, q.depth, q.cqBase, q.polled())
                .applyTo(SubmissionQueueEntry.builder(AdminOpcode.CREATE_IO_COMPLETION_QUEUE)).build());
        if (!cq.status().isSuccess()) { d.info("Create CQ " + q.qid + " failed: " + cq.status()); return false; }
        HostRequest sq = d.adminCommand(CreateIoSubmissionQueueCommand.linux(q.qid, q.depth, q.sqBase)
                .applyTo(SubmissionQueueEntry.builder(AdminOpcode.CREATE_IO_SUBMISSION_QUEUE)).build());
        if (!sq.status().isSuccess()) { d.info("Create SQ " + q.qid + " failed: " + sq.status()); return false; }
        q.live = true;
        return true;
    }

    /** nvme_delete_io_queues: every SQ, then every CQ; gives up on the first failure. */
    private void deleteIoQueues() {
        for (boolean cq : new boolean[] {false, true}) {
            for (HostQueue q : d.ioQueues) {
                if (!q.live) continue;
                HostRequest r = d.adminCommand(new DeleteIoQueueCommand(cq, q.qid)
                        .applyTo(SubmissionQueueEntry.builder(cq ? AdminOpcode.DELETE_IO_COMPLETION_QUEUE : AdminOpcode.DELETE_IO_SUBMISSION_QUEUE)).build());
                if (!r.done() || !r.status().isSuccess()) return;
            }
        }
        for (HostQueue q : d.ioQueues) q.live = false;
    }

    // ------------------------------------------------------------ timeouts and reset

    void checkTimeouts(long now) {
        if (d.state != HostDriver.State.LIVE && !recovering) return;
        List<HostRequest> expired = new ArrayList<>();
        for (HostQueue q : allQueues()) for (HostRequest r : q.inFlight()) if (!r.timeoutInProgress && now >= r.deadlineCycle) expired.add(r);
        for (HostRequest r : expired) {
            r.timeoutInProgress = true;
            d.loop.start("nvme_timeout", ctx -> timeout(r));
        }
    }

    private List<HostQueue> allQueues() {
        List<HostQueue> l = new ArrayList<>();
        if (d.admin != null && d.admin.live) l.add(d.admin);
        for (HostQueue q : d.ioQueues) if (q.live) l.add(q);
        return l;
    }

    /** nvme_timeout, in the order Linux decides. */
    private void timeout(HostRequest r) {
        if (r.done() || r.queue == null) return;
        HostQueue q = r.queue;
        if (recovering) {
            // nvme_timeout while CONNECTING/DELETING: cancel the command; the probe or reset sees it fail.
            d.info(String.format("I/O tag %d QID %d timeout, disable controller", r.tag, q.qid));
            q.releaseTag(r);
            r.finish(null, new CompletionStatus(StatusCodeType.PATH_RELATED.value(), 0x71, 0, false, true), d.loop.cycle());
            return;
        }
        if (d.state != HostDriver.State.LIVE) return;
        int csts = csts();
        if ((csts & 2) != 0 || ControllerStatus.isDeviceGone(csts)) {              // nvme_should_reset
            d.info(String.format("controller is down; will reset: CSTS=0x%x", csts));
            resetController("fatal status");
            return;
        }
        if (r.done()) return;
        int tag = r.tag;                                                           // the completion releases it
        d.processCompletions(q);                                                   // did we miss an interrupt?
        if (r.done()) {
            d.info(String.format("I/O tag %d (%04x) QID %d timeout, completion polled", tag, r.cid, q.qid));
            return;
        }
        if (q.qid == 0 || r.aborted) {                                            // admin timeout, or the abort did not help
            d.info(String.format("I/O tag %d (%04x) opcode %#x QID %d timeout, reset controller", r.tag, r.cid, r.command.opcode(), q.qid));
            resetController("timeout");
            return;
        }
        if (abortsInFlight >= d.identify.acl() + 1) {                              // abort_limit: re-arm and wait
            r.deadlineCycle = d.loop.cycle() + d.nsToCycles(d.config.ioTimeoutNs());
            r.timeoutInProgress = false;
            return;
        }
        r.aborted = true;
        r.deadlineCycle = d.loop.cycle() + d.nsToCycles(d.config.ioTimeoutNs());  // BLK_EH_RESET_TIMER
        r.timeoutInProgress = false;
        d.info(String.format("I/O tag %d (%04x) opcode %#x QID %d timeout, aborting", r.tag, r.cid, r.command.opcode(), q.qid));
        abortsInFlight++;
        HostRequest abort = new HostRequest(HostRequest.Kind.ADMIN,
                SubmissionQueueEntry.builder(AdminOpcode.ABORT).cdw10(q.qid | r.cid << 16).build(), null);
        d.submit(d.admin, abort);
        d.ctx().waitUntil(() -> abort.done());
        abortsInFlight--;
        d.info(String.format("Abort status: 0x%x", abort.status().toField()));
    }

    /** nvme_reset_ctrl: start the reset work unless one is running. */
    void resetController(String why) {
        if (d.state != HostDriver.State.LIVE) return;
        d.state = HostDriver.State.RESETTING;
        d.loop.start("nvme_reset_work", ctx -> resetWork(why));
    }

    /** nvme_dev_disable then nvme_reset_work: tear down, cancel, probe again, re-queue. */
    private void resetWork(String why) {
        recovering = true;
        try {
            resetSteps(why);
        } finally {
            recovering = false;
        }
    }

    private void resetSteps(String why) {
        d.info("resetting controller (" + why + ")");
        int csts = csts();
        boolean dead = (csts & 2) != 0 || (csts & 1) == 0 || ControllerStatus.isDeviceGone(csts);
        if (!dead) {
            d.state = HostDriver.State.LIVE;   // the delete commands are ordinary admin commands
            deleteIoQueuesBounded();
            d.state = HostDriver.State.RESETTING;
        }
        cancelAll();
        if (probe("reset")) d.info("controller reset done");
    }

    private void deleteIoQueuesBounded() {
        try {
            deleteIoQueues();
        } catch (HostDriverException e) {
            d.info("deleting I/O queues failed: " + e.getMessage());
        }
    }

    /** nvme_cancel_request on everything in flight: I/O is re-queued (max_retries), admin commands fail. */
    private void cancelAll() {
        CompletionStatus aborted = new CompletionStatus(StatusCodeType.PATH_RELATED.value(), 0x71, 0, false, false);
        for (HostQueue q : allQueuesIncludingDead()) {
            for (HostRequest r : q.inFlight()) {
                q.releaseTag(r);
                if (r.kind == HostRequest.Kind.IO && r.retries < d.config.maxRetries()) {
                    r.retries++;
                    r.aborted = false;
                    d.requeue.add(r);
                } else {
                    r.finish(null, aborted, d.loop.cycle());
                }
            }
            q.live = q.qid == 0 && q.live;
        }
        d.aerOutstanding = false;
    }

    private List<HostQueue> allQueuesIncludingDead() {
        List<HostQueue> l = new ArrayList<>();
        if (d.admin != null) l.add(d.admin);
        l.addAll(d.ioQueues);
        return l;
    }

    private void failEverything() {
        CompletionStatus aborted = new CompletionStatus(StatusCodeType.PATH_RELATED.value(), 0x71, 0, false, true);
        cancelAll();
        for (HostRequest r : d.requeue) r.finish(null, aborted, d.loop.cycle());
        d.requeue.clear();
        for (HostQueue q : allQueuesIncludingDead()) q.live = false;
    }

    // ------------------------------------------------------------ shutdown and events

    void shutdown() {
        deleteIoQueues();
        d.cc = d.cc.withShutdown(ControllerConfiguration.Shutdown.NORMAL);
        d.bar.write(ControllerRegisters.CC, d.cc.encode());
        // nvme_disable_ctrl(ctrl, true): poll CSTS.SHST until 10b, shutdown_timeout at most.
        boolean ok = waitCsts(c -> (c >>> 2 & 3) == 2, d.config.shutdownTimeoutNs(), "shutdown");
        d.info(ok ? "shutdown complete" : "Device shutdown incomplete; abort shutdown");
        d.state = HostDriver.State.SHUT_DOWN;
        if (d.admin != null) d.admin.live = false;
    }

    /** nvme_complete_async_event: record the event and submit a new AER (none for a persistent error). */
    void asyncEventCompleted(CompletionQueueEntry cqe) {
        if (!cqe.status().isSuccess()) {
            d.info("async event request failed: " + cqe.status());
            return;
        }
        AsynchronousEvent e = AsynchronousEvent.decode(cqe.dw0());
        d.asyncEvents.add(e);
        d.info(String.format("async event result %08x", cqe.dw0()));
        boolean persistent = e.type() == AsynchronousEvent.TYPE_ERROR_STATUS && e.info() == AsynchronousEvent.INFO_PERSISTENT_INTERNAL_ERROR;
        if (!persistent && d.state == HostDriver.State.LIVE) d.submitAsyncEventRequest();
    }
}
