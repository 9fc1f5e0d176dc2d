package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.NamespaceMedia;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.StatusCode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin commands that change what the namespaces hold or are: Namespace Management (0Dh),
 * Namespace Attachment (15h), Format NVM (80h) and Sanitize (84h) (NVMe Base Specification 2.0,
 * sections 5.20, 5.21, 5.23 and 5.24). Format completes once the media has erased; Sanitize
 * completes at once and runs on, its progress in the Sanitize Status log.
 */
final class NamespaceCommands {
    private static final int SEL_CREATE = 0;
    private static final int SEL_DELETE = 1;
    private static final int SEL_ATTACH = 0;
    private static final int SEL_DETACH = 1;
    private static final int SANACT_EXIT_FAILURE_MODE = 1;
    private static final int SANACT_BLOCK_ERASE = 2;
    private static final int SANACT_OVERWRITE = 3;
    private static final int SANACT_CRYPTO_ERASE = 4;

    private final FirmwareState s;

    NamespaceCommands(FirmwareState s) {
        this.s = s;
    }

    Outcome management(Command c) {
        int sel = c.sqe.cdw10() & 0xF;
        return switch (sel) {
            case SEL_CREATE -> {
                IdentifyNamespace wanted = IdentifyNamespace.parse(s.fromHost(c, IdentifyNamespace.SIZE));
                // FLBAS bits 3:0 pick the format; this controller has at most 16, so bits 6:5 are 0.
                int nsid = s.namespaces.create(wanted.nsze(), wanted.ncap(), wanted.flbas() & 0xF);
                yield Outcome.success(nsid);
            }
            case SEL_DELETE -> {
                s.namespaceAttributesChanged(s.namespaces.delete(c.sqe.nsid()));
                yield Outcome.success();
            }
            default -> throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "Namespace Management SEL " + sel);
        };
    }

    Outcome attachment(Command c) {
        int sel = c.sqe.cdw10() & 0xF;
        if (sel != SEL_ATTACH && sel != SEL_DETACH) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "Namespace Attachment SEL " + sel);
        }
        int nsid = c.sqe.nsid();
        if (nsid == NamespaceInventory.BROADCAST) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "attachment needs one NSID, not FFFFFFFFh");
        }
        NamespaceMedia ns = s.namespaces.allocated(nsid).orElseThrow(() -> CommandFailure.of(
                StatusCode.INVALID_NAMESPACE_OR_FORMAT, "namespace " + Integer.toUnsignedString(nsid) + " does not exist"));
        // The controller list: a count, then that many controller identifiers (16 bits each).
        ByteBuffer list = ByteBuffer.wrap(s.fromHost(c, 4096)).order(ByteOrder.LITTLE_ENDIAN);
        int count = Short.toUnsignedInt(list.getShort(0));
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= Math.min(count, 2047); i++) {
            ids.add(Short.toUnsignedInt(list.getShort(2 * i)));
        }
        if (count == 0 || count > 2047 || !ids.contains(s.config.controllerId())) {
            throw CommandFailure.of(StatusCode.CONTROLLER_LIST_INVALID,
                    "controller list " + ids + " does not name controller " + s.config.controllerId());
        }
        boolean attach = sel == SEL_ATTACH;
        if (attach && ns.attached()) {
            throw CommandFailure.of(StatusCode.NAMESPACE_ALREADY_ATTACHED, "namespace " + nsid + " is attached");
        }
        if (!attach && !ns.attached()) {
            throw CommandFailure.of(StatusCode.NAMESPACE_NOT_ATTACHED, "namespace " + nsid + " is not attached");
        }
        ns.setAttached(attach);
        s.namespaceAttributesChanged(List.of(nsid));
        return Outcome.success();
    }

    Outcome format(Command c, long now) {
        int cdw10 = c.sqe.cdw10();
        int lbaf = (cdw10 & 0xF) | ((cdw10 >>> 12) & 3) << 4;
        boolean mset = (cdw10 & 1 << 4) != 0;
        int pi = (cdw10 >>> 5) & 7;
        int ses = (cdw10 >>> 9) & 7;
        if (lbaf >= s.config.lbaFormats().size() || pi != 0 || mset) {
            throw CommandFailure.of(StatusCode.INVALID_FORMAT,
                    "LBA format " + lbaf + (pi != 0 ? " with protection information" : "") + " is not supported");
        }
        if (ses > 2) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "SES " + ses + " is reserved");
        }
        List<NamespaceMedia> targets = c.sqe.nsid() == NamespaceInventory.BROADCAST
                ? s.namespaces.activeNamespaces() : List.of(s.namespaces.requireActive(c.sqe.nsid()));
        long bytes = 0;
        for (NamespaceMedia ns : targets) {
            ns.reformat(lbaf, s.namespaces.blockSize(lbaf));
            bytes += ns.bytes();
        }
        return Outcome.successAt(s.media.erase(bytes, now));
    }

    Outcome sanitize(Command c, long now) {
        int cdw10 = c.sqe.cdw10();
        int action = cdw10 & 7;
        int passes = (cdw10 >>> 4) & 0xF;
        boolean noDeallocate = (cdw10 & 1 << 9) != 0;
        if (action == SANACT_EXIT_FAILURE_MODE) {
            return Outcome.success();
        }
        if (action != SANACT_BLOCK_ERASE && action != SANACT_OVERWRITE && action != SANACT_CRYPTO_ERASE) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "SANACT " + action + " is reserved");
        }
        // OWPASS 0 means 16 passes.
        int overwritePasses = action == SANACT_OVERWRITE ? (passes == 0 ? 16 : passes) : 0;
        long bytes = 0;
        for (NamespaceMedia ns : s.media.store().namespaces()) {
            if (action == SANACT_OVERWRITE && noDeallocate) {
                ns.overwrite(c.sqe.cdw11());
            } else {
                ns.erase();
            }
            bytes += ns.bytes();
        }
        long done = now;
        for (int i = 0; i < Math.max(1, overwritePasses); i++) {
            done = s.media.erase(bytes, done);
        }
        s.sanitize.begin(cdw10, now, done, overwritePasses);
        return Outcome.success();
    }

    /** Called as time passes: a finished sanitize raises its I/O command set specific event. */
    void sanitizeFinished() {
        s.events.raise(new AsynchronousEvent(AsynchronousEvent.TYPE_IO_COMMAND_SPECIFIC, 0x01,
                LogPageIdentifier.SANITIZE_STATUS.value()));
    }
}
