package dev.nvmekit.testbench.host;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.nvme.*;
import dev.nvmekit.testbench.port.AxiLiteMaster;
import dev.nvmekit.testbench.port.InterruptSink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A model of the Linux nvme PCIe driver talking to the simulated controller through BAR0
 * ({@link AxiLiteMaster}), host memory and MSI-X messages ({@link InterruptSink}). Its methods are
 * straight-line and block in simulated time, so call them from a {@link BenchLoop} process:
 * {@code enable()} (probe and bring-up), {@code identifyController()}, {@code read(...)},
 * {@code write(...)}, {@code shutdown()}. It is also a {@link CycleAgent} — its interrupt handler,
 * batched doorbells and request timer — and must be added to the loop before the AXI-Lite master.
 *
 * <p>What it does and where Linux does it is said at each step; recovery (timeouts, Abort,
 * controller reset) lives in {@link ControllerRecovery}.
 */
public final class HostDriver implements CycleAgent {
    /** The driver's view of the controller ({@code enum nvme_ctrl_state}, simplified). */
    public enum State { NEW, LIVE, RESETTING, DEAD, SHUT_DOWN }

    final BenchLoop loop;
    final AxiLiteMaster bar;
    final HostMemory memory;
    final InterruptSink irq;
    final HostDriverConfig config;
    final long clockPeriodPs;
    final DriverLog log = new DriverLog();
    final ControllerRecovery recovery;
    final ControllerSetup setup;
    private final PrpBuilder prps;
    private final SglBuilder sgls;

    State state = State.NEW;
    ControllerCapabilities cap;
    int dstrd;
    ControllerConfiguration cc;
    HostQueue admin;
    final List<HostQueue> ioQueues = new ArrayList<>();
    IdentifyController identify;
    final Map<Integer, IdentifyNamespace> namespaces = new LinkedHashMap<>();
    final List<AsynchronousEvent> asyncEvents = new ArrayList<>();
    boolean aerOutstanding;
    final List<HostRequest> requeue = new ArrayList<>();
    private final Map<Integer, Long> interruptsSeen = new LinkedHashMap<>();
    private long cycle;

    public HostDriver(BenchLoop loop, AxiLiteMaster bar, HostMemory memory, InterruptSink irq, HostDriverConfig config,
                      long clockPeriodPs) {
        if (clockPeriodPs <= 0) throw new IllegalArgumentException("clock period must be positive");
        this.loop = loop;
        this.bar = bar;
        this.memory = memory;
        this.irq = irq;
        this.config = config;
        this.clockPeriodPs = clockPeriodPs;
        this.prps = new PrpBuilder(memory);
        this.sgls = new SglBuilder(memory);
        this.recovery = new ControllerRecovery(this);
        this.setup = new ControllerSetup(this);
    }

    // ---------------------------------------------------------------- public API

    /** Probes and brings the controller up: enable, Identify, I/O queues, AER, namespace scan. */
    public void enable() {
        if (state != State.NEW && state != State.SHUT_DOWN && state != State.DEAD) throw new IllegalStateException("controller already enabled");
        if (!recovery.probe("initialisation")) throw new HostDriverException("probe failed: " + lastLogLine());
    }

    /** Identify Controller (CNS 01h) as read at the last probe. */
    public IdentifyController identifyController() {
        requireLive();
        return identify;
    }

    /** Issues Identify Controller again and returns the parsed data. */
    public IdentifyController identifyControllerNow() {
        return IdentifyController.parse(identifyData(IdentifyCommand.of(IdentifyCns.CONTROLLER, 0)));
    }

    /** Identify Namespace (CNS 00h) for {@code nsid}, issued now. */
    public IdentifyNamespace identifyNamespace(int nsid) {
        return IdentifyNamespace.parse(identifyData(IdentifyCommand.of(IdentifyCns.NAMESPACE, nsid)));
    }

    /** The active namespace list (CNS 02h), issued now. */
    public ActiveNamespaceList activeNamespaces() {
        return ActiveNamespaceList.parse(identifyData(IdentifyCommand.of(IdentifyCns.ACTIVE_NAMESPACE_LIST, 0)));
    }

    /** Namespaces found by the scan at bring-up. */
    public Map<Integer, IdentifyNamespace> namespaces() {
        return Map.copyOf(namespaces);
    }

    /** Reads {@code blocks} blocks at {@code lba} into {@code into} on CPU 0's queue; returns the status. */
    public CompletionStatus read(int nsid, long lba, int blocks, byte[] into) {
        return transfer(NvmOpcode.READ, 0, nsid, lba, blocks, into, 0);
    }

    /** Writes {@code blocks} blocks from {@code from} at {@code lba} on CPU 0's queue; returns the status. */
    public CompletionStatus write(int nsid, long lba, int blocks, byte[] from) {
        return transfer(NvmOpcode.WRITE, 0, nsid, lba, blocks, from, 0);
    }

    /**
     * A read or write from {@code cpu}'s queue through a host buffer starting {@code pageOffset}
     * bytes into a page (Linux buffers may start anywhere dword aligned; PRP1 then has an offset).
     */
    public CompletionStatus transfer(NvmOpcode op, int cpu, int nsid, long lba, int blocks, byte[] data, int pageOffset) {
        HostRequest r = submitIo(op, cpu, nsid, lba, blocks, data, pageOffset);
        await(r);
        return r.status();
    }

    /** Submits a read/write without waiting; {@link #await} it. Data of a read is in {@code data} once done. */
    public HostRequest submitIo(NvmOpcode op, int cpu, int nsid, long lba, int blocks, byte[] data, int pageOffset) {
        return submitIo(op, cpu, nsid, lba, blocks, data, pageOffset, false);
    }

    /** As {@link #submitIo}, on a polled queue (created without interrupts) when {@code polled}. */
    public HostRequest submitIo(NvmOpcode op, int cpu, int nsid, long lba, int blocks, byte[] data, int pageOffset,
                                boolean polled) {
        requireLive();
        IdentifyNamespace ns = namespaces.get(nsid);
        long blockSize = ns == null ? 512 : ns.blockSize();
        long length = blockSize * blocks;
        if (data.length < length) throw new IllegalArgumentException("buffer of " + data.length + " bytes for " + length + " bytes of data");
        long mdts = identify.maxTransferBytes(cap.minPageSize());
        if (mdts != 0 && length > mdts) throw new IllegalArgumentException("transfer of " + length + " bytes exceeds MDTS (" + mdts + " bytes)");
        if ((pageOffset & 3) != 0 || pageOffset < 0 || pageOffset >= 4096) throw new IllegalArgumentException("page offset must be dword aligned in 0..4095");
        long buffer = memory.allocate(length + pageOffset, 4096) + pageOffset;
        if (op == NvmOpcode.WRITE) memory.write(buffer, data, 0, (int) length);
        HostQueue q = ioQueueFor(cpu, polled);
        SubmissionQueueEntry.Builder b = ReadWriteCommand.of(op, nsid, lba, blocks).applyTo(SubmissionQueueEntry.builder(op));
        Runnable release;
        if (useSgl(q, length)) {
            SglMapping m = sgls.map(buffer, length);
            b.dataPointer(m);
            release = () -> sgls.release(m);
        } else {
            PrpMapping m = prps.map(buffer, length);
            b.dataPointer(m);
            release = () -> prps.release(m);
        }
        Runnable done = () -> {
            release.run();
            if (op == NvmOpcode.READ) memory.read(buffer, data, 0, (int) length);
            memory.free(buffer - pageOffset);
        };
        HostRequest r = new HostRequest(HostRequest.Kind.IO, b.build(), done);
        submit(q, r);
        return r;
    }

    /** Runs an admin command to completion ({@code __nvme_submit_sync_cmd}); returns the finished request. */
    public HostRequest adminCommand(SubmissionQueueEntry command) {
        if (state != State.LIVE && state != State.RESETTING) throw new HostDriverException("controller is " + state);
        HostRequest r = new HostRequest(HostRequest.Kind.ADMIN, command, null);
        submit(admin, r);
        await(r);
        return r;
    }

    /**
     * Runs any I/O command (its data pointer already set by the caller) on CPU 0's queue to
     * completion: the path of an {@code NVME_IOCTL_IO_CMD} passthrough, which user tools such as
     * nvme-cli use for Compare, Write Zeroes, Dataset Management and io-passthru.
     */
    public HostRequest ioCommand(SubmissionQueueEntry command) {
        requireLive();
        HostRequest r = new HostRequest(HostRequest.Kind.IO, command, null);
        submit(ioQueueFor(0, false), r);
        await(r);
        return r;
    }

    /** Identifies the active namespaces again ({@code nvme_scan_work}), e.g. after a Format NVM changed a block size. */
    public void rescanNamespaces() {
        requireLive();
        Map<Integer, IdentifyNamespace> found = setup.scan();
        if (found == null) return;
        namespaces.clear();
        namespaces.putAll(found);
    }

    /** Set Features with dword 11 {@code value}; returns the completion. */
    public HostRequest setFeature(FeatureIdentifier fid, int value) {
        return adminCommand(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).cdw10(fid.value()).cdw11(value).build());
    }

    /** Waits (in the calling process) until {@code r} finishes; a polled queue is polled meanwhile. */
    public void await(HostRequest r) {
        BooleanSupplier done = r::done;
        if (r.queue != null && r.queue.polled()) {
            HostQueue q = r.queue;
            done = () -> {
                if (!r.done() && r.queue == q && q.live) processCompletions(q); // io_uring-style iopoll
                return r.done();
            };
        }
        loop.currentContext().waitUntil(done);
    }

    /** A controller reset as {@code nvme_reset_ctrl} does it (echo 1 > reset_controller); waits for it. */
    public void reset() {
        requireLive();
        recovery.resetController("user request");
        // nvme_reset_ctrl_sync flushes the reset work: wait for the bring-up (queues, namespace scan) too.
        loop.currentContext().waitUntil(() -> state != State.RESETTING && !recovery.recovering());
    }

    /** Normal shutdown ({@code nvme_dev_disable(dev, true)}): delete I/O queues, CC.SHN = 01b, wait for SHST = 10b. */
    public void shutdown() {
        requireLive();
        recovery.shutdown();
    }

    public State state() { return state; }
    public DriverLog log() { return log; }
    public List<AsynchronousEvent> asyncEvents() { return List.copyOf(asyncEvents); }
    public ControllerCapabilities capabilities() { return cap; }
    public List<HostQueue> ioQueues() { return List.copyOf(ioQueues); }
    public HostQueue adminQueue() { return admin; }
    /** What the optional bring-up steps read and set: effects log, APST table, Timestamp, namespace descriptors. */
    public ControllerSetup setup() { return setup; }

    /** Per-queue counts: entries submitted and completed, interrupts on its vector. */
    public List<QueueStatistics> statistics() {
        List<QueueStatistics> l = new ArrayList<>();
        List<HostQueue> all = new ArrayList<>();
        if (admin != null) all.add(admin);
        all.addAll(ioQueues);
        for (HostQueue q : all) l.add(new QueueStatistics(q.qid, q.vector, q.submitted, q.completed, q.vector < 0 ? 0 : irq.count(q.vector)));
        return l;
    }

    /** Interrupt counts per vector in the layout of {@code /proc/interrupts}. */
    public String procInterrupts() {
        StringBuilder s = new StringBuilder(String.format("%6s %10s  %s%n", "", "CPU0", "name"));
        irq.countsByVector().forEach((v, n) -> s.append(String.format("%5d: %10d  PCI-MSIX nvme0q%d%n", v, n, v)));
        return s.toString();
    }

    // ---------------------------------------------------------------- package internals

    long nsToCycles(long ns) {
        return Math.max(1, ns * 1000 / clockPeriodPs);
    }

    long nowNs() {
        return cycle * clockPeriodPs / 1000;
    }

    void info(String message) {
        log.add(cycle, nowNs(), message);
    }

    String lastLogLine() {
        List<DriverLog.Entry> e = log.entries();
        return e.isEmpty() ? "" : e.getLast().message();
    }

    BenchLoop.Context ctx() {
        return loop.currentContext();
    }

    private void requireLive() {
        if (state != State.LIVE) throw new HostDriverException("controller is " + state + ", not LIVE");
    }

    private boolean useSgl(HostQueue q, long length) {
        // nvme_pci_use_sgls: only on I/O queues, only when Identify SGLS says supported, and only
        // when the average segment (here the whole contiguous buffer) reaches sgl_threshold.
        return q.qid != 0 && (identify.sgls() & 3) != 0 && config.sglThreshold() > 0 && length >= config.sglThreshold();
    }

    HostQueue ioQueueFor(int cpu, boolean polled) {
        List<HostQueue> pool = ioQueues.stream().filter(q -> q.polled() == polled && q.live).toList();
        if (pool.isEmpty()) pool = ioQueues.stream().filter(q -> q.live).toList();
        if (pool.isEmpty()) throw new HostDriverException("no I/O queues (the controller granted none)");
        return pool.get(Math.floorMod(cpu, pool.size()));
    }

    byte[] identifyData(IdentifyCommand id) {
        long buf = memory.allocate(4096, 4096);
        try {
            HostRequest r = adminCommand(id.applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)).prp1(buf).build());
            if (!r.status().isSuccess()) throw new HostDriverException("Identify CNS " + id.cns() + " failed: " + r.status());
            return memory.read(buf, 4096);
        } finally {
            memory.free(buf);
        }
    }

    /** Puts a request on a queue: waits for a tag, copies the SQE, leaves the doorbell for the batch. */
    void submit(HostQueue q, HostRequest r) {
        if (!q.hasFreeTag()) ctx().waitUntil(q::hasFreeTag); // blk-mq sleeps for a tag
        push(q, r);
    }

    void push(HostQueue q, HostRequest r) {
        if (!q.assignTag(r)) throw new IllegalStateException("no free tag on queue " + q.qid);
        r.submitCycle = cycle;
        r.deadlineCycle = cycle + nsToCycles(q.qid == 0 ? config.adminTimeoutNs() : config.ioTimeoutNs());
        r.timeoutInProgress = false;
        q.push(r.command.withCid(r.cid));
    }

    /** The AER with CID 31 on the admin queue ({@code nvme_pci_submit_async_event}): no tag, no timeout. */
    void submitAsyncEventRequest() {
        admin.push(SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST).cid(HostQueue.AER_CID).build());
        aerOutstanding = true;
    }

    /** Reaps new CQEs of {@code q} and rings its CQ head doorbell once ({@code nvme_poll_cq}). */
    int processCompletions(HostQueue q) {
        int found = 0;
        CompletionQueueEntry cqe;
        while ((cqe = q.peekCompletion()) != null) {
            q.advanceHead();
            found++;
            handleCompletion(q, cqe);
        }
        if (found > 0) bar.write(ControllerRegisters.completionQueueHeadDoorbell(q.qid, dstrd), q.cqHead);
        return found;
    }

    private void handleCompletion(HostQueue q, CompletionQueueEntry cqe) {
        if (q.qid == 0 && cqe.cid() == HostQueue.AER_CID) { // nvme_is_aen_req
            aerOutstanding = false;
            recovery.asyncEventCompleted(cqe);
            return;
        }
        HostRequest r = q.lookup(cqe.cid());
        if (r == null) {
            info(String.format("invalid id %d completed on queue %d", cqe.cid(), q.qid));
            return;
        }
        q.releaseTag(r);
        CompletionStatus s = cqe.status();
        // nvme_decide_disposition: retry an I/O that failed without DNR, up to max_retries.
        if (!s.isSuccess() && !s.dnr() && r.kind == HostRequest.Kind.IO && r.retries < config.maxRetries() && state == State.LIVE) {
            r.retries++;
            push(q, r);
            return;
        }
        r.finish(cqe, s, cycle);
    }

    // ---------------------------------------------------------------- per cycle

    @Override
    public void drive(Simulator sim) {
        cycle = loop.cycle();
        if (state == State.LIVE || state == State.RESETTING) {
            // nvme_irq: an MSI-X message on a vector reaps every queue bound to it.
            for (var e : irq.countsByVector().entrySet()) {
                long seen = interruptsSeen.getOrDefault(e.getKey(), 0L);
                if (e.getValue() > seen) {
                    interruptsSeen.put(e.getKey(), e.getValue());
                    if (admin != null && admin.live && e.getKey() == 0) processCompletions(admin);
                    for (HostQueue q : ioQueues) if (q.live && q.vector == e.getKey()) processCompletions(q);
                }
            }
            if ((cycle & 15) == 0) recovery.checkTimeouts(cycle);
        }
        if (state == State.RESETTING && (cycle & 15) == 0) {
            recovery.checkTimeouts(cycle);
        }
        ringDoorbells();
    }

    /** One SQ tail write per queue per cycle, however many entries were added (blk-mq commit_rqs batching). */
    private void ringDoorbells() {
        if (admin != null) ring(admin);
        for (HostQueue q : ioQueues) ring(q);
    }

    private void ring(HostQueue q) {
        if (q.sqTail != q.sqTailRung) {
            bar.write(ControllerRegisters.submissionQueueTailDoorbell(q.qid, dstrd), q.sqTail);
            q.sqTailRung = q.sqTail;
        }
    }

    @Override
    public void sample(Simulator sim) {
    }
}
