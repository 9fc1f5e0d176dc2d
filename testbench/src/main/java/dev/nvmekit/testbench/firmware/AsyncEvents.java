package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.StatusCode;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Asynchronous Event Requests and the events they report (NVMe Base Specification 2.0, section
 * 5.2): the host keeps up to AERL + 1 requests outstanding; each event completes one. After an
 * event of some type is reported, further events of that type wait until the host reads the log
 * page the event named without Retain Asynchronous Event; events with no request outstanding
 * wait too. Whether a SMART / Health or notice event is raised at all is Feature 0Bh's business
 * (the caller filters); error status events cannot be disabled.
 */
final class AsyncEvents {
    private final int limit;
    private final Completer completer;
    private final ArrayDeque<Command> outstanding = new ArrayDeque<>();
    private final ArrayDeque<AsynchronousEvent> pending = new ArrayDeque<>();
    private final Set<Integer> maskedTypes = new HashSet<>();

    AsyncEvents(int limit, Completer completer) {
        this.limit = limit;
        this.completer = completer;
    }

    /** An Asynchronous Event Request arrives: park it, or refuse it above the limit. */
    Outcome request(Command aer) {
        if (outstanding.size() >= limit) {
            throw CommandFailure.of(StatusCode.ASYNC_EVENT_REQUEST_LIMIT_EXCEEDED,
                    "already " + limit + " requests outstanding");
        }
        aer.parked = true;
        outstanding.add(aer);
        deliver();
        return Outcome.LATER;
    }

    void raise(AsynchronousEvent event) {
        pending.add(event);
        deliver();
    }

    /** The host read log page {@code lid} with RAE clear: events of the type that named it may be reported again. */
    void logPageRead(int lid) {
        for (Iterator<Integer> it = maskedTypes.iterator(); it.hasNext(); ) {
            if (logPageOf(it.next()) == lid) {
                it.remove();
            }
        }
        deliver();
    }

    private static int logPageOf(int type) {
        return switch (type) {
            case AsynchronousEvent.TYPE_ERROR_STATUS -> LogPageIdentifier.ERROR_INFORMATION.value();
            case AsynchronousEvent.TYPE_SMART_HEALTH_STATUS -> LogPageIdentifier.SMART_HEALTH_INFORMATION.value();
            case AsynchronousEvent.TYPE_NOTICE -> LogPageIdentifier.CHANGED_NAMESPACE_LIST.value();
            case AsynchronousEvent.TYPE_IO_COMMAND_SPECIFIC -> LogPageIdentifier.SANITIZE_STATUS.value();
            default -> -1;
        };
    }

    private void deliver() {
        for (Iterator<AsynchronousEvent> it = pending.iterator(); it.hasNext() && !outstanding.isEmpty(); ) {
            AsynchronousEvent e = it.next();
            if (maskedTypes.contains(e.type())) {
                continue;
            }
            it.remove();
            maskedTypes.add(e.type());
            completer.finish(outstanding.poll(), CompletionStatus.SUCCESS, e.dw0());
        }
    }

    /** Removes an outstanding request for Abort. */
    Optional<Command> remove(int cid) {
        for (Iterator<Command> it = outstanding.iterator(); it.hasNext(); ) {
            Command c = it.next();
            if (c.cid() == cid) {
                it.remove();
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    int outstanding() {
        return outstanding.size();
    }

    int pendingEvents() {
        return pending.size();
    }

    /**
     * Controller reset: outstanding requests are gone with the queues. Events not yet reported
     * stay pending for the requests of the next enable; masks are cleared.
     */
    void reset() {
        outstanding.clear();
        maskedTypes.clear();
    }
}
