package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.NamespaceMedia;
import dev.nvmekit.testbench.nvme.ActiveNamespaceList;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.CreateIoCompletionQueueCommand;
import dev.nvmekit.testbench.nvme.CreateIoSubmissionQueueCommand;
import dev.nvmekit.testbench.nvme.IdentifyCommand;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.NvmIdentifyController;
import dev.nvmekit.testbench.nvme.StatusCode;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The admin command set on SQ 0: dispatch by opcode, and the commands that need no more than a
 * few lines each — Identify, Create/Delete I/O queues (through {@code qm_}), Abort and
 * Asynchronous Event Request. Features, log pages and namespace changes have their own classes.
 */
final class AdminCommands {
    /** OACS: Format NVM (bit 1) and Namespace Management / Attachment (bit 3). */
    private static final int OACS = 1 << 1 | 1 << 3;
    /** ONCS: Compare (bit 0), Dataset Management (bit 2), Write Zeroes (bit 3), Timestamp (bit 6). */
    private static final int ONCS = 1 | 1 << 2 | 1 << 3 | 1 << 6;
    /** SANICAP: crypto erase, block erase, overwrite. */
    private static final int SANICAP = 0b111;
    /** FNA bit 2: cryptographic erase is supported by Format NVM. */
    private static final int FNA = 1 << 2;
    /** SGLS: supported with any alignment (bits 1:0 = 01b) and bit bucket descriptors (bit 16). */
    private static final int SGLS = 1 | 1 << 16;
    /** OAES bit 8: Namespace Attribute Notices. */
    private static final int OAES = 1 << 8;

    private final FirmwareState s;
    private final CommandProcessor processor;
    private final FeatureCommands features;
    private final LogPageCommands logs;
    private final NamespaceCommands namespaceCommands;
    private UnaryOperator<IdentifyController> revision = UnaryOperator.identity();

    AdminCommands(FirmwareState s, CommandProcessor processor) {
        this.s = s;
        this.processor = processor;
        this.features = new FeatureCommands(s);
        this.logs = new LogPageCommands(s);
        this.namespaceCommands = new NamespaceCommands(s);
    }

    NamespaceCommands namespaceCommands() {
        return namespaceCommands;
    }

    Outcome execute(Command c, long now) {
        AdminOpcode op = AdminOpcode.of(c.sqe.opcode()).orElseThrow(() -> invalidOpcode(c));
        if (c.sqe.psdt() != 0) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "admin commands take PRPs only");
        }
        if (s.sanitize.inProgress() && !allowedDuringSanitize(op)) {
            throw CommandFailure.retryable(StatusCode.SANITIZE_IN_PROGRESS, op.title() + " during sanitize");
        }
        return switch (op) {
            case IDENTIFY -> identify(c);
            case CREATE_IO_COMPLETION_QUEUE -> createCq(c);
            case CREATE_IO_SUBMISSION_QUEUE -> createSq(c);
            case DELETE_IO_SUBMISSION_QUEUE -> deleteSq(c);
            case DELETE_IO_COMPLETION_QUEUE -> deleteCq(c);
            case SET_FEATURES -> features.set(c);
            case GET_FEATURES -> features.get(c);
            case GET_LOG_PAGE -> logs.get(c);
            case ASYNCHRONOUS_EVENT_REQUEST -> s.events.request(c);
            case ABORT -> abort(c);
            case NAMESPACE_MANAGEMENT -> namespaceCommands.management(c);
            case NAMESPACE_ATTACHMENT -> namespaceCommands.attachment(c);
            case FORMAT_NVM -> namespaceCommands.format(c, now);
            case SANITIZE -> namespaceCommands.sanitize(c, now);
            default -> throw invalidOpcode(c);
        };
    }

    private static CommandFailure invalidOpcode(Command c) {
        return CommandFailure.of(StatusCode.INVALID_COMMAND_OPCODE, "admin opcode 0x" + Integer.toHexString(c.sqe.opcode()));
    }

    /** NVMe 2.0 section 8.21: what a controller still does while sanitizing. */
    private static boolean allowedDuringSanitize(AdminOpcode op) {
        return switch (op) {
            case ABORT, ASYNCHRONOUS_EVENT_REQUEST, CREATE_IO_COMPLETION_QUEUE, CREATE_IO_SUBMISSION_QUEUE,
                 DELETE_IO_COMPLETION_QUEUE, DELETE_IO_SUBMISSION_QUEUE, GET_FEATURES, GET_LOG_PAGE, IDENTIFY,
                 SET_FEATURES -> true;
            default -> false;
        };
    }

    /** A variant of this firmware that advertises less (or more); see {@link CommandProcessor#reviseIdentifyController}. */
    void reviseIdentifyController(UnaryOperator<IdentifyController> revision) {
        this.revision = revision == null ? UnaryOperator.identity() : revision;
    }

    IdentifyController identifyController() {
        FirmwareConfig k = s.config;
        return revision.apply(IdentifyController.builder().vid(k.vid()).ssvid(k.vid())
                .serialNumber(k.serialNumber()).modelNumber(k.modelNumber()).firmwareRevision(k.firmwareRevision())
                .mdts(k.mdts()).cntlid(k.controllerId()).ver(k.version()).oaes(OAES).oacs(OACS)
                .acl(k.abortLimit() - 1).aerl(k.aerLimit() - 1).frmw(0b011).lpa(IdentifyController.LPA_COMMAND_EFFECTS)
                .elpe(k.errorLogEntries() - 1).apsta(1).wctemp(k.warningTemperatureKelvin())
                .cctemp(k.criticalTemperatureKelvin()).sanicap(SANICAP).nn(k.maxNamespaces()).oncs(ONCS).fna(FNA)
                .sgls(k.sglSupported() ? SGLS : 0).mnan(k.maxNamespaces())
                .subnqn("nqn.2024-01.dev.nvmekit:" + k.serialNumber()).powerStates(k.powerStates()).build());
    }

    private Outcome identify(Command c) {
        IdentifyCommand cmd = IdentifyCommand.decode(c.sqe);
        int nsid = cmd.nsid();
        byte[] data = switch (cmd.cns()) {
            case 0x00 -> {
                if (nsid == NamespaceInventory.BROADCAST) {
                    yield s.namespaces.commonCapabilities().build();
                }
                requireValidNsid(nsid);
                // An allocated but inactive namespace, or an unallocated valid NSID, reads as zeros.
                yield s.namespaces.active(nsid).map(ns -> s.namespaces.identify(ns).build())
                        .orElseGet(() -> new byte[4096]);
            }
            case 0x01 -> withCapacity(identifyController().build());
            case 0x02 -> {
                if (nsid == NamespaceInventory.BROADCAST || nsid == 0xFFFF_FFFE) {
                    throw CommandFailure.of(StatusCode.INVALID_NAMESPACE_OR_FORMAT, "active list after NSID " + Integer.toUnsignedString(nsid));
                }
                yield ActiveNamespaceList.page(s.namespaces.activeIds(), nsid).build();
            }
            case 0x03 -> {
                NamespaceMedia ns = s.namespaces.active(nsid).orElseThrow(() -> CommandFailure.of(
                        StatusCode.INVALID_NAMESPACE_OR_FORMAT, "namespace " + Integer.toUnsignedString(nsid) + " is not active"));
                yield s.namespaces.descriptors(ns).build();
            }
            case 0x06 -> nvmIdentify(cmd.csi());
            case 0x10 -> AllocatedNamespaceIdentify.list(s.namespaces, nsid, s.config.maxNamespaces());
            case 0x11 -> AllocatedNamespaceIdentify.identify(s.namespaces, nsid);
            default -> throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "CNS 0x" + Integer.toHexString(cmd.cns()));
        };
        s.toHost(c, data);
        return Outcome.success();
    }

    /** CNS 06h: the I/O Command Set specific Identify Controller data of the one set this firmware has, NVM. */
    private byte[] nvmIdentify(int csi) {
        if (csi != NvmIdentifyController.CSI_NVM) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "CSI 0x" + Integer.toHexString(csi) + " is not supported");
        }
        return s.config.nvmIdentify().orElseThrow(() -> CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND,
                "CNS 0x6 is not implemented by this firmware")).build();
    }

    private void requireValidNsid(int nsid) {
        if (!s.namespaces.validId(nsid)) {
            throw CommandFailure.of(StatusCode.INVALID_NAMESPACE_OR_FORMAT, "NSID " + Integer.toUnsignedString(nsid) + " is not valid");
        }
    }

    /** TNVMCAP (bytes 295:280) and UNVMCAP (311:296), 128-bit little endian, which the record does not model. */
    private byte[] withCapacity(byte[] b) {
        putU128(b, 280, s.config.capacityBytes());
        putU128(b, 296, s.namespaces.unallocatedBytes());
        return b;
    }

    private static void putU128(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private Outcome createCq(Command c) {
        CreateIoCompletionQueueCommand cmd = CreateIoCompletionQueueCommand.decode(c.sqe);
        if (!cmd.physicallyContiguous()) {
            // CAP.CQR = 1: queues must be physically contiguous.
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "PC must be 1");
        }
        if (cmd.qid() == 0 || cmd.qid() > s.completionQueuesAllocated) {
            throw CommandFailure.of(StatusCode.INVALID_QUEUE_IDENTIFIER, "CQ " + cmd.qid() + " is beyond the "
                    + s.completionQueuesAllocated + " allocated");
        }
        return queueManagement(c, QueueManagementRequest.createCq(cmd.qid(), cmd.baseAddress(), cmd.qsize(),
                cmd.interruptsEnabled(), cmd.interruptVector()));
    }

    private Outcome createSq(Command c) {
        CreateIoSubmissionQueueCommand cmd = CreateIoSubmissionQueueCommand.decode(c.sqe);
        if (!cmd.physicallyContiguous()) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "PC must be 1");
        }
        if (cmd.qid() == 0 || cmd.qid() > s.submissionQueuesAllocated) {
            throw CommandFailure.of(StatusCode.INVALID_QUEUE_IDENTIFIER, "SQ " + cmd.qid() + " is beyond the "
                    + s.submissionQueuesAllocated + " allocated");
        }
        if (cmd.cqid() == 0) {
            throw CommandFailure.of(StatusCode.COMPLETION_QUEUE_INVALID, "an I/O SQ cannot use the admin CQ");
        }
        processor.sqCreated(cmd.qid());
        return queueManagement(c, QueueManagementRequest.createSq(cmd.qid(), cmd.baseAddress(), cmd.qsize(),
                cmd.cqid(), cmd.qprio()));
    }

    /**
     * Delete I/O SQ: commands of that SQ still queued here complete with Command Aborted due to
     * SQ Deletion, those executing finish, and only when every completion of the SQ has been
     * handed to the front end does the front end delete the queue (NVMe 2.0, section 5.6).
     */
    private Outcome deleteSq(Command c) {
        int qid = c.sqe.cdw10() & 0xFFFF;
        if (qid == 0) {
            throw CommandFailure.of(StatusCode.INVALID_QUEUE_IDENTIFIER, "the admin SQ cannot be deleted");
        }
        processor.drainSq(qid, () -> s.qm.request(QueueManagementRequest.deleteSq(qid), status -> {
            processor.sqDeleted(qid);
            s.completer.finish(c, status, 0);
        }));
        return Outcome.LATER;
    }

    private Outcome deleteCq(Command c) {
        int qid = c.sqe.cdw10() & 0xFFFF;
        if (qid == 0) {
            throw CommandFailure.of(StatusCode.INVALID_QUEUE_IDENTIFIER, "the admin CQ cannot be deleted");
        }
        return queueManagement(c, QueueManagementRequest.deleteCq(qid));
    }

    private Outcome queueManagement(Command c, QueueManagementRequest req) {
        s.qm.request(req, status -> s.completer.finish(c, status, 0));
        return Outcome.LATER;
    }

    /** Abort (08h): dword 0 bit 0 is 0 when the command was aborted, 1 when it was not. */
    private Outcome abort(Command c) {
        int sqid = c.sqe.cdw10() & 0xFFFF;
        int cid = c.sqe.cdw10() >>> 16;
        Optional<Command> victim = processor.abortQueued(sqid, cid);
        if (victim.isEmpty() && sqid == 0) {
            victim = s.events.remove(cid);
        }
        victim.ifPresent(v -> s.completer.finish(v, StatusCode.ABORT_REQUESTED.retryable(), 0));
        return Outcome.success(victim.isPresent() ? 0 : 1);
    }
}
