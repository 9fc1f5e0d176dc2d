package dev.nvmekit.testbench.firmware;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.Simulator.SignalInfo;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.HostMemory;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The firmware and media of a simulated SSD on the back-end ports of {@code nvme_frontend}
 * (nvme-frontend-ports.md §3.5–3.9): takes SQEs on {@code cmd_} while a command slot is free,
 * posts completions on {@code cpl_}, sends queue-management requests on {@code qm_req_} and takes
 * their answers on {@code qm_rsp_}, turns {@code aer_} events into Asynchronous Event Request
 * completions, and answers {@code ctrl_shutdown_req} with {@code ctrl_shutdown_done} once all
 * commands are done and the media is idle. The command logic is {@link CommandProcessor}; this
 * class only moves it on and off the ports, one handshake per port per cycle, holding every
 * valid and payload until its transfer.
 *
 * <p>When {@code ctrl_enabled} falls (a controller reset, after which the front end has deleted
 * every queue) the firmware drops its commands and the completion it was offering, and queued
 * queue-management requests not yet offered; a request already offered is held until taken (the
 * handshake rule), its answer ignored. Port names may carry a prefix, for a top that wraps the
 * front end and exposes these ports under other names.
 */
public final class FirmwareBackEnd implements CycleAgent {
    private final CommandProcessor processor;
    private final String prefix;
    private final ArrayDeque<Pending> toSend = new ArrayDeque<>();
    private final ArrayDeque<Consumer<CompletionStatus>> awaitingAnswer = new ArrayDeque<>();
    private Ports ports;
    private Completion offered;
    private Pending offeredRequest;
    private boolean cmdReadyDriven;
    private boolean enabled;
    private boolean shutdownDone;
    private long cycle;

    private record Pending(QueueManagementRequest request, Consumer<CompletionStatus> answer) {
    }

    /** A back end with fresh media made from {@code config}. */
    public FirmwareBackEnd(FirmwareConfig config, HostMemory memory) {
        this(config, memory, new Media(config.media()), "");
    }

    /**
     * @param media  the drive's media, kept by the caller across back ends for a power cycle
     * @param prefix prepended to every port name (usually "")
     */
    public FirmwareBackEnd(FirmwareConfig config, HostMemory memory, Media media, String prefix) {
        this.prefix = prefix;
        this.processor = new CommandProcessor(config, memory, media, (req, answer) -> toSend.add(new Pending(req, answer)));
    }

    /** The command execution core, for fault hooks, temperature, and inspection. */
    public CommandProcessor processor() {
        return processor;
    }

    public Media media() {
        return processor.media();
    }

    /** Whether the firmware currently reports shutdown complete. */
    public boolean shutdownDone() {
        return shutdownDone;
    }

    @Override
    public void drive(Simulator sim) {
        Ports p = ports(sim);
        cmdReadyDriven = enabled && processor.canAccept();
        sim.poke(p.cmdReady, cmdReadyDriven ? 1 : 0);
        sim.poke(p.cplValid, offered != null ? 1 : 0);
        if (offered != null) {
            sim.poke(p.cplSqid, offered.sqid());
            sim.poke(p.cplCid, offered.cid());
            sim.poke(p.cplStatus, offered.status().toField());
            sim.poke(p.cplDw0, Integer.toUnsignedLong(offered.dw0()));
            sim.poke(p.cplDw1, Integer.toUnsignedLong(offered.dw1()));
        }
        sim.poke(p.qmReqValid, offeredRequest != null ? 1 : 0);
        if (offeredRequest != null) {
            QueueManagementRequest r = offeredRequest.request();
            sim.poke(p.qmOp, r.op().code());
            sim.poke(p.qmQid, r.qid());
            sim.poke(p.qmBase, new BigInteger(Long.toUnsignedString(r.base())));
            sim.poke(p.qmSize, r.size());
            sim.poke(p.qmCqid, r.cqid());
            sim.poke(p.qmQprio, r.qprio());
            sim.poke(p.qmIen, r.ien() ? 1 : 0);
            sim.poke(p.qmIv, r.iv());
            sim.poke(p.qmThr, r.thr());
            sim.poke(p.qmTime, r.time());
        }
        sim.poke(p.qmRspReady, 1);
        sim.poke(p.aerReady, 1);
        sim.poke(p.shutdownDone, shutdownDone ? 1 : 0);
        sim.poke(p.fatal, processor.fatal() ? 1 : 0);
    }

    @Override
    public void sample(Simulator sim) {
        Ports p = ports(sim);
        if (cmdReadyDriven && sim.peek(p.cmdValid) != 0) {
            processor.submit((int) sim.peek(p.cmdSqid), SubmissionQueueEntry.fromBusWord(sim.peekBig(p.cmdSqe)));
        }
        if (offered != null && sim.peek(p.cplReady) != 0) {
            processor.delivered(offered);
            offered = null;
        }
        if (offeredRequest != null && sim.peek(p.qmReqReady) != 0) {
            awaitingAnswer.add(offeredRequest.answer());
            offeredRequest = null;
        }
        if (sim.peek(p.qmRspValid) != 0) {
            Consumer<CompletionStatus> answer = awaitingAnswer.poll();
            if (answer == null) {
                throw new IllegalStateException("qm_rsp_valid at cycle " + cycle + " with no request outstanding");
            }
            answer.accept(CompletionStatus.fromField((int) sim.peek(p.qmRspStatus)));
        }
        if (sim.peek(p.aerValid) != 0) {
            int type = (int) sim.peek(p.aerType);
            int logPage = type == AsynchronousEvent.TYPE_ERROR_STATUS ? LogPageIdentifier.ERROR_INFORMATION.value() : 0;
            processor.asyncEvent(new AsynchronousEvent(type, (int) sim.peek(p.aerInfo), logPage));
        }
        boolean nowEnabled = sim.peek(p.enabled) != 0;
        if (enabled && !nowEnabled) {
            processor.controllerReset();
            offered = null;
            toSend.clear();
        }
        enabled = nowEnabled;
        processor.setMemoryPageSize(4096L << sim.peek(p.mps));
        processor.advance(cycle++);
        if (offered == null && enabled) {
            offered = processor.takeCompletion().orElse(null);
        }
        if (offeredRequest == null) {
            offeredRequest = toSend.poll();
        }
        shutdownDone = sim.peek(p.shutdownReq) != 0 && processor.quiescent();
    }

    private Ports ports(Simulator sim) {
        if (ports == null || ports.sim != sim) {
            ports = new Ports(sim, prefix);
        }
        return ports;
    }

    /** Signal handles, looked up once per simulation. */
    private static final class Ports {
        final Simulator sim;
        final SignalInfo cmdValid, cmdReady, cmdSqid, cmdSqe;
        final SignalInfo cplValid, cplReady, cplSqid, cplCid, cplStatus, cplDw0, cplDw1;
        final SignalInfo qmReqValid, qmReqReady, qmOp, qmQid, qmBase, qmSize, qmCqid, qmQprio, qmIen, qmIv, qmThr, qmTime;
        final SignalInfo qmRspValid, qmRspReady, qmRspStatus;
        final SignalInfo aerValid, aerReady, aerType, aerInfo;
        final SignalInfo enabled, mps, shutdownReq, shutdownDone, fatal;

        Ports(Simulator sim, String p) {
            this.sim = sim;
            cmdValid = sim.signal(p + "cmd_valid");
            cmdReady = sim.signal(p + "cmd_ready");
            cmdSqid = sim.signal(p + "cmd_sqid");
            cmdSqe = sim.signal(p + "cmd_sqe");
            cplValid = sim.signal(p + "cpl_valid");
            cplReady = sim.signal(p + "cpl_ready");
            cplSqid = sim.signal(p + "cpl_sqid");
            cplCid = sim.signal(p + "cpl_cid");
            cplStatus = sim.signal(p + "cpl_status");
            cplDw0 = sim.signal(p + "cpl_dw0");
            cplDw1 = sim.signal(p + "cpl_dw1");
            qmReqValid = sim.signal(p + "qm_req_valid");
            qmReqReady = sim.signal(p + "qm_req_ready");
            qmOp = sim.signal(p + "qm_req_op");
            qmQid = sim.signal(p + "qm_req_qid");
            qmBase = sim.signal(p + "qm_req_base");
            qmSize = sim.signal(p + "qm_req_size");
            qmCqid = sim.signal(p + "qm_req_cqid");
            qmQprio = sim.signal(p + "qm_req_qprio");
            qmIen = sim.signal(p + "qm_req_ien");
            qmIv = sim.signal(p + "qm_req_iv");
            qmThr = sim.signal(p + "qm_req_thr");
            qmTime = sim.signal(p + "qm_req_time");
            qmRspValid = sim.signal(p + "qm_rsp_valid");
            qmRspReady = sim.signal(p + "qm_rsp_ready");
            qmRspStatus = sim.signal(p + "qm_rsp_status");
            aerValid = sim.signal(p + "aer_valid");
            aerReady = sim.signal(p + "aer_ready");
            aerType = sim.signal(p + "aer_type");
            aerInfo = sim.signal(p + "aer_info");
            enabled = sim.signal(p + "ctrl_enabled");
            mps = sim.signal(p + "ctrl_mps");
            shutdownReq = sim.signal(p + "ctrl_shutdown_req");
            shutdownDone = sim.signal(p + "ctrl_shutdown_done");
            fatal = sim.signal(p + "ctrl_fatal");
        }
    }
}
