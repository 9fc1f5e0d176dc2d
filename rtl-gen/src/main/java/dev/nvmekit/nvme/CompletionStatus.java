package dev.nvmekit.nvme;

/**
 * Completion status values in the contract's 15-bit encoding (the CQE Status field without the
 * phase tag: SC in [7:0], SCT in [10:8], CRD [12:11], M [13], DNR [14]). Codes from NVMe Base
 * Specification 2.0: generic status (SCT 0) Figure "Generic Command Status Values" and
 * command-specific status (SCT 1) Figure "Command Specific Status Values".
 */
public final class CompletionStatus {
    private CompletionStatus() {
    }

    /** Successful Completion (SCT 0, SC 00h). */
    public static final int SUCCESS = 0x000;
    /** Invalid Field in Command (SCT 0, SC 02h). */
    public static final int INVALID_FIELD = 0x002;
    /** Completion Queue Invalid (SCT 1, SC 00h), Create I/O Submission Queue. */
    public static final int COMPLETION_QUEUE_INVALID = 0x100;
    /** Invalid Queue Identifier (SCT 1, SC 01h). */
    public static final int INVALID_QUEUE_IDENTIFIER = 0x101;
    /** Invalid Queue Size (SCT 1, SC 02h; "Maximum Queue Size Exceeded" before 2.0). */
    public static final int INVALID_QUEUE_SIZE = 0x102;
    /** Invalid Interrupt Vector (SCT 1, SC 08h), Create I/O Completion Queue. */
    public static final int INVALID_INTERRUPT_VECTOR = 0x108;
    /** Invalid Queue Deletion (SCT 1, SC 0Ch), Delete I/O Completion Queue with an SQ still bound. */
    public static final int INVALID_QUEUE_DELETION = 0x10C;

    /** Asynchronous event information for Error status events (Base spec 2.0, Figure "Asynchronous Event Information - Error Status"). */
    public static final int AER_INVALID_DOORBELL_REGISTER = 0x00;
    /** Invalid Doorbell Write Value. */
    public static final int AER_INVALID_DOORBELL_VALUE = 0x01;
}
