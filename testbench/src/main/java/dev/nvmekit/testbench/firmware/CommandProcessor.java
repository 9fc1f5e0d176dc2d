package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.DataPointerException;
import dev.nvmekit.testbench.nvme.ErrorInformationEntry;
import dev.nvmekit.testbench.nvme.HostMemory;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * The firmware's command execution core, with no simulator behind it: commands go in with
 * {@link #submit}, time moves on with {@link #advance}, completions come out of
 * {@link #takeCompletion} once their media time has passed and are confirmed with
 * {@link #delivered}; queue management goes out through {@link QueueManagement}. The
 * {@link FirmwareBackEnd} moves exactly these calls on and off the front end's ports, and unit
 * tests call them directly.
 *
 * <p>Timing: commands wait in arrival order, admin commands ahead of I/O; the firmware starts one every
 * {@link FirmwareConfig#commandCycles()} cycles, moves its data at once, and its completion
 * becomes ready when both that time and its media work have passed. Until then it holds one of
 * {@link FirmwareConfig#commandSlots()} slots; with all slots taken {@link #canAccept()} is false,
 * which is the back pressure on {@code cmd_ready}. Outstanding Asynchronous Event Requests hold
 * no slot. A queued command can still be aborted; once started it runs to completion.
 */
public final class CommandProcessor {
    private record Ready(long at, long seq, Completion completion) {
    }

    private final FirmwareConfig config;
    private final FirmwareState state;
    private final AdminCommands admin;
    private final NvmCommands nvm;
    /** Admin commands go before queued I/O, as a firmware with its own admin path would run them. */
    private final ArrayDeque<Command> adminQueued = new ArrayDeque<>();
    private final ArrayDeque<Command> ioQueued = new ArrayDeque<>();
    private final PriorityQueue<Ready> ready = new PriorityQueue<>(
            Comparator.comparingLong(Ready::at).thenComparingLong(Ready::seq));
    private final Map<Integer, Integer> outstandingPerSq = new HashMap<>();
    private final Map<Integer, Runnable> drainWaiters = new HashMap<>();
    private final Set<Integer> deletingSqs = new HashSet<>();
    /** Commands taken but never run (a firmware hang, for recovery tests); they keep their slots. */
    private final List<Command> hung = new ArrayList<>();
    private BiPredicate<Integer, SubmissionQueueEntry> hang = (sqid, sqe) -> false;
    private int occupied;
    private int generation;
    private long now;
    private long coreFreeAt;
    private long seq;
    private boolean fatal;

    /**
     * @param media kept across controller resets by the caller; a fresh one is filled with
     *              {@code config}'s namespaces, one that holds namespaces is used as it is
     */
    public CommandProcessor(FirmwareConfig config, HostMemory memory, Media media, QueueManagement qm) {
        this.config = config;
        this.state = new FirmwareState(config, media, memory, qm, new Completer() {
            @Override
            public void finish(Command command, CompletionStatus status, int dw0) {
                complete(command, status, dw0, now);
            }

            @Override
            public long now() {
                return now;
            }
        });
        this.admin = new AdminCommands(state, this);
        this.nvm = new NvmCommands(state);
        media.store().countPowerCycle();
    }

    /** Whether a command slot is free (and the firmware is not in a fatal state). */
    public boolean canAccept() {
        return !fatal && occupied < config.commandSlots();
    }

    /** A fetched SQE from submission queue {@code sqid}. */
    public void submit(int sqid, SubmissionQueueEntry sqe) {
        if (!canAccept()) {
            throw new IllegalStateException("no command slot free: check canAccept() before submitting");
        }
        Command c = new Command(sqid, sqe, generation);
        occupied++;
        outstandingPerSq.merge(sqid, 1, Integer::sum);
        if (deletingSqs.contains(sqid)) {
            complete(c, StatusCode.ABORTED_SQ_DELETION.retryable(), 0, now);
            return;
        }
        if (hang.test(sqid, sqe)) {
            hung.add(c);
            return;
        }
        (sqid == 0 ? adminQueued : ioQueued).add(c);
    }

    /** Moves time on to cycle {@code cycle} and starts the next command if the firmware is free. */
    public void advance(long cycle) {
        if (cycle > now) {
            state.media.store().addPoweredCycles(cycle - now);
            now = cycle;
        }
        if (state.sanitize.update(now)) {
            admin.namespaceCommands().sanitizeFinished();
        }
        if (!fatal && now >= coreFreeAt && !(adminQueued.isEmpty() && ioQueued.isEmpty())) {
            coreFreeAt = now + config.commandCycles();
            execute(adminQueued.isEmpty() ? ioQueued.poll() : adminQueued.poll());
        }
    }

    private void execute(Command c) {
        Outcome o;
        try {
            if (c.sqe.fuse() != 0) {
                throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "fused operations are not supported");
            }
            o = c.sqid == 0 ? admin.execute(c, now) : nvm.execute(c, now);
        } catch (CommandFailure f) {
            o = new Outcome.Done(f.status, 0, 0);
        } catch (DataPointerException e) {
            o = new Outcome.Done(e.status(), 0, 0);
        } catch (DmaFaultException e) {
            o = new Outcome.Done(StatusCode.DATA_TRANSFER_ERROR.retryable(), 0, 0);
        }
        switch (o) {
            case Outcome.Done d -> complete(c, d.status(), d.dw0(), Math.max(now + config.commandCycles(), d.mediaDoneAt()));
            case Outcome.Later l -> {
                if (c.parked) {
                    occupied--;
                }
            }
        }
    }

    private void complete(Command c, CompletionStatus status, int dw0, long at) {
        if (c.generation != generation) {
            return;
        }
        if (c.parked) {
            c.parked = false;
            occupied++;
        }
        if (!status.isSuccess() && !status.is(StatusCode.ABORT_REQUESTED) && !status.is(StatusCode.ABORTED_SQ_DELETION)) {
            long lba = c.sqid == 0 ? 0 : Integer.toUnsignedLong(c.sqe.cdw10()) | (long) c.sqe.cdw11() << 32;
            state.health.logError(c.sqid, c.cid(), status, c.sqe.nsid(), lba);
        }
        ready.add(new Ready(at, seq++, new Completion(c.sqid, c.cid(), status, dw0, 0)));
    }

    /** The next completion whose time has come, if any; hand it to the front end, then call {@link #delivered}. */
    public Optional<Completion> takeCompletion() {
        Ready r = ready.peek();
        if (r == null || r.at() > now) {
            return Optional.empty();
        }
        ready.poll();
        return Optional.of(r.completion());
    }

    /** The front end took {@code c}: its slot is free, and an SQ waiting to be deleted may now go. */
    public void delivered(Completion c) {
        occupied--;
        int left = outstandingPerSq.merge(c.sqid(), -1, Integer::sum);
        if (left <= 0) {
            outstandingPerSq.remove(c.sqid());
            Runnable waiter = drainWaiters.remove(c.sqid());
            if (waiter != null) {
                waiter.run();
            }
        }
    }

    /** An asynchronous event from the front end ({@code aer_} port). */
    public void asyncEvent(AsynchronousEvent event) {
        state.events.raise(event);
    }

    /**
     * Controller reset (CC.EN 1→0; the front end has deleted every queue): commands and
     * outstanding AERs are dropped, features return to their defaults. Media, namespaces,
     * health counters, logs and a running sanitize stay.
     */
    public void controllerReset() {
        generation++;
        adminQueued.clear();
        ioQueued.clear();
        ready.clear();
        outstandingPerSq.clear();
        drainWaiters.clear();
        deletingSqs.clear();
        hung.clear();
        occupied = 0;
        fatal = false;
        coreFreeAt = now;
        state.events.reset();
        state.resetFeatures();
    }

    /** Nothing left to do for a shutdown: no command held and the media idle. */
    public boolean quiescent() {
        return occupied == 0 && now >= state.media.idleAt();
    }

    /**
     * Fault hook: commands for which {@code which(sqid, sqe)} holds are taken from the front end and
     * then neither run nor completed, as if the firmware lost them; they hold their command slot
     * (and keep their SQ from being deleted) until a controller reset. An Abort does not find them
     * (they count as started), so the host's recovery has to go on to a reset.
     */
    public void hangCommands(BiPredicate<Integer, SubmissionQueueEntry> which) {
        hang = which == null ? (sqid, sqe) -> false : which;
    }

    /**
     * Revises the Identify Controller data this firmware returns (e.g. clears LPA, APSTA or an
     * ONCS bit), to test how a host treats a controller that does not advertise a capability.
     * The commands themselves keep working; {@code null} restores the firmware's own data.
     */
    public void reviseIdentifyController(UnaryOperator<IdentifyController> revision) {
        admin.reviseIdentifyController(revision);
    }

    /** Commands the {@link #hangCommands} hook has swallowed since the last controller reset. */
    public int hungCommands() {
        return hung.size();
    }

    /** Stops taking and executing commands, as an internal fatal error does ({@code ctrl_fatal}). */
    public void injectFatalError() {
        fatal = true;
    }

    public boolean fatal() {
        return fatal;
    }

    /** CC.MPS as a page size in bytes, for PRPs. */
    public void setMemoryPageSize(long bytes) {
        state.dma.setPageSize(bytes);
    }

    /** Which of the firmware's host memory accesses fail (Data Transfer Error). */
    public void setDmaFault(DmaFault fault) {
        state.dma.setFault(fault);
    }

    /** Sets the composite temperature, raising a SMART / Health event if it crosses a threshold. */
    public void setTemperature(int kelvin) {
        state.health.setTemperature(kelvin);
        state.checkTemperature();
    }

    public Media media() {
        return state.media;
    }

    public FirmwareConfig config() {
        return config;
    }

    /** The Identify Controller data this firmware returns. */
    public IdentifyController identifyController() {
        return admin.identifyController();
    }

    public List<ErrorInformationEntry> errorLog() {
        return state.health.errors();
    }

    /** Command slots in use. */
    public int occupiedSlots() {
        return occupied;
    }

    public int outstandingAsyncEventRequests() {
        return state.events.outstanding();
    }

    public long now() {
        return now;
    }

    Optional<Command> abortQueued(int sqid, int cid) {
        for (Iterator<Command> it = (sqid == 0 ? adminQueued : ioQueued).iterator(); it.hasNext(); ) {
            Command c = it.next();
            if (c.sqid == sqid && c.cid() == cid) {
                it.remove();
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Aborts SQ {@code qid}'s queued commands, then runs {@code then} once all its completions are delivered. */
    void drainSq(int qid, Runnable then) {
        deletingSqs.add(qid);
        for (Iterator<Command> it = ioQueued.iterator(); it.hasNext(); ) {
            Command c = it.next();
            if (c.sqid == qid) {
                it.remove();
                complete(c, StatusCode.ABORTED_SQ_DELETION.retryable(), 0, now);
            }
        }
        if (outstandingPerSq.getOrDefault(qid, 0) == 0) {
            then.run();
        } else {
            drainWaiters.put(qid, then);
        }
    }

    void sqDeleted(int qid) {
        deletingSqs.remove(qid);
    }

    void sqCreated(int qid) {
        deletingSqs.remove(qid);
    }
}
