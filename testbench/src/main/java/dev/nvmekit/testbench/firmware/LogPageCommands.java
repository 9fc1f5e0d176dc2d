package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.ActiveNamespaceList;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.CommandEffects;
import dev.nvmekit.testbench.nvme.CommandsSupportedAndEffectsLog;
import dev.nvmekit.testbench.nvme.FirmwareSlotLog;
import dev.nvmekit.testbench.nvme.GetLogPageCommand;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.StatusCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Get Log Page (02h) for Error Information (01h), SMART / Health (02h), Firmware Slot (03h),
 * Changed Namespace List (04h), Commands Supported and Effects (05h) and Sanitize Status (81h)
 * (NVMe Base Specification 2.0, section 5.16). The host may read part of a page from a dword
 * offset; bytes past the page read as zero. Reading with RAE clear re-arms the events that named
 * the page, and clears the Changed Namespace List.
 */
final class LogPageCommands {
    static final List<AdminOpcode> ADMIN_SUPPORTED = List.of(AdminOpcode.DELETE_IO_SUBMISSION_QUEUE,
            AdminOpcode.CREATE_IO_SUBMISSION_QUEUE, AdminOpcode.GET_LOG_PAGE, AdminOpcode.DELETE_IO_COMPLETION_QUEUE,
            AdminOpcode.CREATE_IO_COMPLETION_QUEUE, AdminOpcode.IDENTIFY, AdminOpcode.ABORT, AdminOpcode.SET_FEATURES,
            AdminOpcode.GET_FEATURES, AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST, AdminOpcode.NAMESPACE_MANAGEMENT,
            AdminOpcode.NAMESPACE_ATTACHMENT, AdminOpcode.FORMAT_NVM, AdminOpcode.SANITIZE);
    static final List<NvmOpcode> IO_SUPPORTED = List.of(NvmOpcode.FLUSH, NvmOpcode.WRITE, NvmOpcode.READ,
            NvmOpcode.COMPARE, NvmOpcode.WRITE_ZEROES, NvmOpcode.DATASET_MANAGEMENT);

    private final FirmwareState s;

    LogPageCommands(FirmwareState s) {
        this.s = s;
    }

    Outcome get(Command c) {
        GetLogPageCommand cmd;
        try {
            cmd = GetLogPageCommand.decode(c.sqe);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, e.getMessage());
        }
        byte[] page = page(cmd.lid());
        if (cmd.offset() > page.length) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND,
                    "offset " + cmd.offset() + " is past the " + page.length + "-byte page");
        }
        if (cmd.lengthBytes() > Integer.MAX_VALUE || cmd.lengthBytes() > s.config.maxTransferBytes()) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "log transfer of " + cmd.lengthBytes() + " bytes is too long");
        }
        byte[] out = new byte[(int) cmd.lengthBytes()];
        int from = (int) cmd.offset();
        System.arraycopy(page, from, out, 0, Math.min(out.length, page.length - from));
        s.toHost(c, out);
        if (!cmd.rae()) {
            if (cmd.lid() == LogPageIdentifier.CHANGED_NAMESPACE_LIST.value()) {
                s.changedNamespaces.clear();
            }
            s.events.logPageRead(cmd.lid());
        }
        return Outcome.success();
    }

    private byte[] page(int lid) {
        LogPageIdentifier id = LogPageIdentifier.of(lid).orElseThrow(() -> unsupported(lid));
        return switch (id) {
            case ERROR_INFORMATION -> s.health.errorLog();
            case SMART_HEALTH_INFORMATION -> s.health.smart().build();
            case FIRMWARE_SLOT_INFORMATION -> FirmwareSlotLog.single(s.config.firmwareRevision()).build();
            case CHANGED_NAMESPACE_LIST -> new ActiveNamespaceList(new ArrayList<>(s.changedNamespaces)).build();
            case COMMANDS_SUPPORTED_AND_EFFECTS -> effects().build();
            case SANITIZE_STATUS -> s.sanitize.log(s.completer.now()).build();
            default -> throw unsupported(lid);
        };
    }

    private static CommandFailure unsupported(int lid) {
        return CommandFailure.of(StatusCode.INVALID_LOG_PAGE, "log page 0x" + Integer.toHexString(lid) + " is not supported");
    }

    /** Supported commands with the effects a host must know: which change data, capabilities or inventory. */
    static CommandsSupportedAndEffectsLog effects() {
        List<CommandEffects> admin = new ArrayList<>(Collections.nCopies(256, CommandEffects.UNSUPPORTED));
        List<CommandEffects> io = new ArrayList<>(Collections.nCopies(256, CommandEffects.UNSUPPORTED));
        ADMIN_SUPPORTED.forEach(o -> admin.set(o.value(), CommandEffects.SUPPORTED));
        IO_SUPPORTED.forEach(o -> io.set(o.value(), CommandEffects.SUPPORTED));
        // Format changes data and namespace capabilities, one namespace at a time (CSE 1); Sanitize
        // the whole subsystem (CSE 2); namespace management changes the inventory.
        admin.set(AdminOpcode.FORMAT_NVM.value(), CommandEffects.of(true, true, true, false, false, 1));
        admin.set(AdminOpcode.SANITIZE.value(), CommandEffects.of(true, true, true, false, false, 2));
        admin.set(AdminOpcode.NAMESPACE_MANAGEMENT.value(), CommandEffects.of(true, false, true, true, false, 0));
        admin.set(AdminOpcode.NAMESPACE_ATTACHMENT.value(), CommandEffects.of(true, false, false, true, false, 0));
        for (NvmOpcode o : List.of(NvmOpcode.WRITE, NvmOpcode.WRITE_ZEROES, NvmOpcode.DATASET_MANAGEMENT)) {
            io.set(o.value(), CommandEffects.of(true, true, false, false, false, 0));
        }
        return new CommandsSupportedAndEffectsLog(admin, io);
    }
}
