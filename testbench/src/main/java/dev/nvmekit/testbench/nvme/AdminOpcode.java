package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * Admin command set opcodes, valid only on the admin submission queue (queue 0)
 * (NVMe Base Specification 2.0, Figure 138). Identify is one of these, not an I/O command.
 */
public enum AdminOpcode implements CodedValue {
    DELETE_IO_SUBMISSION_QUEUE(0x00, "Delete I/O Submission Queue"),
    CREATE_IO_SUBMISSION_QUEUE(0x01, "Create I/O Submission Queue"),
    GET_LOG_PAGE(0x02, "Get Log Page"),
    DELETE_IO_COMPLETION_QUEUE(0x04, "Delete I/O Completion Queue"),
    CREATE_IO_COMPLETION_QUEUE(0x05, "Create I/O Completion Queue"),
    IDENTIFY(0x06, "Identify"),
    ABORT(0x08, "Abort"),
    SET_FEATURES(0x09, "Set Features"),
    GET_FEATURES(0x0A, "Get Features"),
    ASYNCHRONOUS_EVENT_REQUEST(0x0C, "Asynchronous Event Request"),
    NAMESPACE_MANAGEMENT(0x0D, "Namespace Management"),
    FIRMWARE_COMMIT(0x10, "Firmware Commit"),
    FIRMWARE_IMAGE_DOWNLOAD(0x11, "Firmware Image Download"),
    DEVICE_SELF_TEST(0x14, "Device Self-test"),
    NAMESPACE_ATTACHMENT(0x15, "Namespace Attachment"),
    KEEP_ALIVE(0x18, "Keep Alive"),
    DIRECTIVE_SEND(0x19, "Directive Send"),
    DIRECTIVE_RECEIVE(0x1A, "Directive Receive"),
    VIRTUALIZATION_MANAGEMENT(0x1C, "Virtualization Management"),
    NVME_MI_SEND(0x1D, "NVMe-MI Send"),
    NVME_MI_RECEIVE(0x1E, "NVMe-MI Receive"),
    CAPACITY_MANAGEMENT(0x20, "Capacity Management"),
    LOCKDOWN(0x24, "Lockdown"),
    DOORBELL_BUFFER_CONFIG(0x7C, "Doorbell Buffer Config"),
    FABRICS_COMMANDS(0x7F, "Fabrics Commands"),
    FORMAT_NVM(0x80, "Format NVM"),
    SECURITY_SEND(0x81, "Security Send"),
    SECURITY_RECEIVE(0x82, "Security Receive"),
    SANITIZE(0x84, "Sanitize"),
    GET_LBA_STATUS(0x86, "Get LBA Status");

    private final int value;
    private final String title;

    AdminOpcode(int value, String title) {
        this.value = value;
        this.title = title;
    }

    /** The opcode byte, CDW0 bits 7:0. */
    @Override
    public int value() {
        return value;
    }

    /** The command's name as the spec and nvme-cli spell it. */
    @Override
    public String title() {
        return title;
    }

    /**
     * Bits 1:0 of an opcode give its data direction (NVMe 2.0, Figure 28): 01b host to
     * controller, 10b controller to host, 11b bidirectional, 00b none.
     */
    public int dataTransferDirection() {
        return value & 0b11;
    }

    public static Optional<AdminOpcode> of(int opcode) {
        return CodedValue.find(values(), opcode);
    }
}
