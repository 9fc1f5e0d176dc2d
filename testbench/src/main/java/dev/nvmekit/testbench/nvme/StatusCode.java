package dev.nvmekit.testbench.nvme;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Status codes a controller returns in a completion, each with its Status Code Type and value
 * (NVMe Base Specification 2.0, section 4.6.1.2 and Figures 101-105; NVM Command Set
 * Specification 1.0 for the NVM-specific 80h+ values).
 *
 * <p>{@link #title()} is the name as the spec and nvme-cli spell it; libnvme's
 * {@code nvme_status_to_string} returns that name followed by ": " and a description, and
 * nvme-cli prints {@code NVMe status: <text>(<%#x of the 15-bit status field>)}. See
 * {@link CompletionStatus#toNvmeCliString()}.
 */
public enum StatusCode {
    // SCT GENERIC
    SUCCESS(StatusCodeType.GENERIC, 0x00, "Successful Completion"),
    INVALID_COMMAND_OPCODE(StatusCodeType.GENERIC, 0x01, "Invalid Command Opcode"),
    INVALID_FIELD_IN_COMMAND(StatusCodeType.GENERIC, 0x02, "Invalid Field in Command"),
    COMMAND_ID_CONFLICT(StatusCodeType.GENERIC, 0x03, "Command ID Conflict"),
    DATA_TRANSFER_ERROR(StatusCodeType.GENERIC, 0x04, "Data Transfer Error"),
    ABORTED_POWER_LOSS(StatusCodeType.GENERIC, 0x05, "Commands Aborted due to Power Loss Notification"),
    INTERNAL_ERROR(StatusCodeType.GENERIC, 0x06, "Internal Error"),
    ABORT_REQUESTED(StatusCodeType.GENERIC, 0x07, "Command Abort Requested"),
    ABORTED_SQ_DELETION(StatusCodeType.GENERIC, 0x08, "Command Aborted due to SQ Deletion"),
    ABORTED_FAILED_FUSED(StatusCodeType.GENERIC, 0x09, "Command Aborted due to Failed Fused Command"),
    ABORTED_MISSING_FUSED(StatusCodeType.GENERIC, 0x0A, "Command Aborted due to Missing Fused Command"),
    INVALID_NAMESPACE_OR_FORMAT(StatusCodeType.GENERIC, 0x0B, "Invalid Namespace or Format"),
    COMMAND_SEQUENCE_ERROR(StatusCodeType.GENERIC, 0x0C, "Command Sequence Error"),
    INVALID_SGL_SEGMENT_DESCRIPTOR(StatusCodeType.GENERIC, 0x0D, "Invalid SGL Segment Descriptor"),
    INVALID_NUMBER_OF_SGL_DESCRIPTORS(StatusCodeType.GENERIC, 0x0E, "Invalid Number of SGL Descriptors"),
    DATA_SGL_LENGTH_INVALID(StatusCodeType.GENERIC, 0x0F, "Data SGL Length Invalid"),
    METADATA_SGL_LENGTH_INVALID(StatusCodeType.GENERIC, 0x10, "Metadata SGL Length Invalid"),
    SGL_DESCRIPTOR_TYPE_INVALID(StatusCodeType.GENERIC, 0x11, "SGL Descriptor Type Invalid"),
    INVALID_USE_OF_CMB(StatusCodeType.GENERIC, 0x12, "Invalid Use of Controller Memory Buffer"),
    PRP_OFFSET_INVALID(StatusCodeType.GENERIC, 0x13, "PRP Offset Invalid"),
    ATOMIC_WRITE_UNIT_EXCEEDED(StatusCodeType.GENERIC, 0x14, "Atomic Write Unit Exceeded"),
    OPERATION_DENIED(StatusCodeType.GENERIC, 0x15, "Operation Denied"),
    SGL_OFFSET_INVALID(StatusCodeType.GENERIC, 0x16, "SGL Offset Invalid"),
    HOST_IDENTIFIER_INCONSISTENT_FORMAT(StatusCodeType.GENERIC, 0x18, "Host Identifier Inconsistent Format"),
    KEEP_ALIVE_TIMER_EXPIRED(StatusCodeType.GENERIC, 0x19, "Keep Alive Timer Expired"),
    KEEP_ALIVE_TIMEOUT_INVALID(StatusCodeType.GENERIC, 0x1A, "Keep Alive Timeout Invalid"),
    ABORTED_PREEMPT_AND_ABORT(StatusCodeType.GENERIC, 0x1B, "Command Aborted due to Preempt and Abort"),
    SANITIZE_FAILED(StatusCodeType.GENERIC, 0x1C, "Sanitize Failed"),
    SANITIZE_IN_PROGRESS(StatusCodeType.GENERIC, 0x1D, "Sanitize In Progress"),
    SGL_DATA_BLOCK_GRANULARITY_INVALID(StatusCodeType.GENERIC, 0x1E, "SGL Data Block Granularity Invalid"),
    COMMAND_NOT_SUPPORTED_FOR_QUEUE_IN_CMB(StatusCodeType.GENERIC, 0x1F, "Command Not Supported for Queue in CMB"),
    NAMESPACE_WRITE_PROTECTED(StatusCodeType.GENERIC, 0x20, "Namespace is Write Protected"),
    COMMAND_INTERRUPTED(StatusCodeType.GENERIC, 0x21, "Command Interrupted"),
    TRANSIENT_TRANSPORT_ERROR(StatusCodeType.GENERIC, 0x22, "Transient Transport Error"),
    PROHIBITED_BY_LOCKDOWN(StatusCodeType.GENERIC, 0x23, "Command Prohibited by Command and Feature Lockdown"),
    ADMIN_COMMAND_MEDIA_NOT_READY(StatusCodeType.GENERIC, 0x24, "Admin Command Media Not Ready"),
    LBA_OUT_OF_RANGE(StatusCodeType.GENERIC, 0x80, "LBA Out of Range"),
    CAPACITY_EXCEEDED(StatusCodeType.GENERIC, 0x81, "Capacity Exceeded"),
    NAMESPACE_NOT_READY(StatusCodeType.GENERIC, 0x82, "Namespace Not Ready"),
    RESERVATION_CONFLICT(StatusCodeType.GENERIC, 0x83, "Reservation Conflict"),
    FORMAT_IN_PROGRESS(StatusCodeType.GENERIC, 0x84, "Format In Progress"),
    // SCT COMMAND_SPECIFIC
    COMPLETION_QUEUE_INVALID(StatusCodeType.COMMAND_SPECIFIC, 0x00, "Completion Queue Invalid"),
    INVALID_QUEUE_IDENTIFIER(StatusCodeType.COMMAND_SPECIFIC, 0x01, "Invalid Queue Identifier"),
    INVALID_QUEUE_SIZE(StatusCodeType.COMMAND_SPECIFIC, 0x02, "Invalid Queue Size"),
    ABORT_COMMAND_LIMIT_EXCEEDED(StatusCodeType.COMMAND_SPECIFIC, 0x03, "Abort Command Limit Exceeded"),
    ASYNC_EVENT_REQUEST_LIMIT_EXCEEDED(StatusCodeType.COMMAND_SPECIFIC, 0x05, "Asynchronous Event Request Limit Exceeded"),
    INVALID_FIRMWARE_SLOT(StatusCodeType.COMMAND_SPECIFIC, 0x06, "Invalid Firmware Slot"),
    INVALID_FIRMWARE_IMAGE(StatusCodeType.COMMAND_SPECIFIC, 0x07, "Invalid Firmware Image"),
    INVALID_INTERRUPT_VECTOR(StatusCodeType.COMMAND_SPECIFIC, 0x08, "Invalid Interrupt Vector"),
    INVALID_LOG_PAGE(StatusCodeType.COMMAND_SPECIFIC, 0x09, "Invalid Log Page"),
    INVALID_FORMAT(StatusCodeType.COMMAND_SPECIFIC, 0x0A, "Invalid Format"),
    FIRMWARE_ACTIVATION_REQUIRES_CONVENTIONAL_RESET(StatusCodeType.COMMAND_SPECIFIC, 0x0B, "Firmware Activation Requires Conventional Reset"),
    INVALID_QUEUE_DELETION(StatusCodeType.COMMAND_SPECIFIC, 0x0C, "Invalid Queue Deletion"),
    FEATURE_IDENTIFIER_NOT_SAVEABLE(StatusCodeType.COMMAND_SPECIFIC, 0x0D, "Feature Identifier Not Saveable"),
    FEATURE_NOT_CHANGEABLE(StatusCodeType.COMMAND_SPECIFIC, 0x0E, "Feature Not Changeable"),
    FEATURE_NOT_NAMESPACE_SPECIFIC(StatusCodeType.COMMAND_SPECIFIC, 0x0F, "Feature Not Namespace Specific"),
    FIRMWARE_ACTIVATION_REQUIRES_NVM_SUBSYSTEM_RESET(StatusCodeType.COMMAND_SPECIFIC, 0x10, "Firmware Activation Requires NVM Subsystem Reset"),
    FIRMWARE_ACTIVATION_REQUIRES_CONTROLLER_LEVEL_RESET(StatusCodeType.COMMAND_SPECIFIC, 0x11, "Firmware Activation Requires Controller Level Reset"),
    FIRMWARE_ACTIVATION_REQUIRES_MAXIMUM_TIME_VIOLATION(StatusCodeType.COMMAND_SPECIFIC, 0x12, "Firmware Activation Requires Maximum Time Violation"),
    FIRMWARE_ACTIVATION_PROHIBITED(StatusCodeType.COMMAND_SPECIFIC, 0x13, "Firmware Activation Prohibited"),
    OVERLAPPING_RANGE(StatusCodeType.COMMAND_SPECIFIC, 0x14, "Overlapping Range"),
    NAMESPACE_INSUFFICIENT_CAPACITY(StatusCodeType.COMMAND_SPECIFIC, 0x15, "Namespace Insufficient Capacity"),
    NAMESPACE_IDENTIFIER_UNAVAILABLE(StatusCodeType.COMMAND_SPECIFIC, 0x16, "Namespace Identifier Unavailable"),
    NAMESPACE_ALREADY_ATTACHED(StatusCodeType.COMMAND_SPECIFIC, 0x18, "Namespace Already Attached"),
    NAMESPACE_IS_PRIVATE(StatusCodeType.COMMAND_SPECIFIC, 0x19, "Namespace Is Private"),
    NAMESPACE_NOT_ATTACHED(StatusCodeType.COMMAND_SPECIFIC, 0x1A, "Namespace Not Attached"),
    THIN_PROVISIONING_NOT_SUPPORTED(StatusCodeType.COMMAND_SPECIFIC, 0x1B, "Thin Provisioning Not Supported"),
    CONTROLLER_LIST_INVALID(StatusCodeType.COMMAND_SPECIFIC, 0x1C, "Controller List Invalid"),
    DEVICE_SELF_TEST_IN_PROGRESS(StatusCodeType.COMMAND_SPECIFIC, 0x1D, "Device Self-test In Progress"),
    BOOT_PARTITION_WRITE_PROHIBITED(StatusCodeType.COMMAND_SPECIFIC, 0x1E, "Boot Partition Write Prohibited"),
    INVALID_CONTROLLER_IDENTIFIER(StatusCodeType.COMMAND_SPECIFIC, 0x1F, "Invalid Controller Identifier"),
    INVALID_SECONDARY_CONTROLLER_STATE(StatusCodeType.COMMAND_SPECIFIC, 0x20, "Invalid Secondary Controller State"),
    INVALID_NUMBER_OF_CONTROLLER_RESOURCES(StatusCodeType.COMMAND_SPECIFIC, 0x21, "Invalid Number of Controller Resources"),
    INVALID_RESOURCE_IDENTIFIER(StatusCodeType.COMMAND_SPECIFIC, 0x22, "Invalid Resource Identifier"),
    SANITIZE_PROHIBITED_WHILE_PMR_ENABLED(StatusCodeType.COMMAND_SPECIFIC, 0x23, "Sanitize Prohibited While Persistent Memory Region is Enabled"),
    ANA_GROUP_IDENTIFIER_INVALID(StatusCodeType.COMMAND_SPECIFIC, 0x24, "ANA Group Identifier Invalid"),
    ANA_ATTACH_FAILED(StatusCodeType.COMMAND_SPECIFIC, 0x25, "ANA Attach Failed"),
    INSUFFICIENT_CAPACITY(StatusCodeType.COMMAND_SPECIFIC, 0x26, "Insufficient Capacity"),
    NAMESPACE_ATTACHMENT_LIMIT_EXCEEDED(StatusCodeType.COMMAND_SPECIFIC, 0x27, "Namespace Attachment Limit Exceeded"),
    PROHIBITION_OF_COMMAND_EXECUTION_NOT_SUPPORTED(StatusCodeType.COMMAND_SPECIFIC, 0x28, "Prohibition of Command Execution Not Supported"),
    IO_COMMAND_SET_NOT_SUPPORTED(StatusCodeType.COMMAND_SPECIFIC, 0x29, "I/O Command Set Not Supported"),
    IO_COMMAND_SET_NOT_ENABLED(StatusCodeType.COMMAND_SPECIFIC, 0x2A, "I/O Command Set Not Enabled"),
    IO_COMMAND_SET_COMBINATION_REJECTED(StatusCodeType.COMMAND_SPECIFIC, 0x2B, "I/O Command Set Combination Rejected"),
    INVALID_IO_COMMAND_SET(StatusCodeType.COMMAND_SPECIFIC, 0x2C, "Invalid I/O Command Set"),
    IDENTIFIER_UNAVAILABLE(StatusCodeType.COMMAND_SPECIFIC, 0x2D, "Identifier Unavailable"),
    CONFLICTING_ATTRIBUTES(StatusCodeType.COMMAND_SPECIFIC, 0x80, "Conflicting Attributes"),
    INVALID_PROTECTION_INFORMATION(StatusCodeType.COMMAND_SPECIFIC, 0x81, "Invalid Protection Information"),
    ATTEMPTED_WRITE_TO_READ_ONLY_RANGE(StatusCodeType.COMMAND_SPECIFIC, 0x82, "Attempted Write to Read Only Range"),
    COMMAND_SIZE_LIMIT_EXCEEDED(StatusCodeType.COMMAND_SPECIFIC, 0x83, "Command Size Limit Exceeded"),
    // SCT MEDIA_AND_DATA_INTEGRITY
    WRITE_FAULT(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x80, "Write Fault"),
    UNRECOVERED_READ_ERROR(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x81, "Unrecovered Read Error"),
    END_TO_END_GUARD_CHECK_ERROR(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x82, "End-to-end Guard Check Error"),
    END_TO_END_APPLICATION_TAG_CHECK_ERROR(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x83, "End-to-end Application Tag Check Error"),
    END_TO_END_REFERENCE_TAG_CHECK_ERROR(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x84, "End-to-end Reference Tag Check Error"),
    COMPARE_FAILURE(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x85, "Compare Failure"),
    ACCESS_DENIED(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x86, "Access Denied"),
    DEALLOCATED_OR_UNWRITTEN_LOGICAL_BLOCK(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x87, "Deallocated or Unwritten Logical Block"),
    END_TO_END_STORAGE_TAG_CHECK_ERROR(StatusCodeType.MEDIA_AND_DATA_INTEGRITY, 0x88, "End-to-End Storage Tag Check Error"),
    // SCT PATH_RELATED
    INTERNAL_PATH_ERROR(StatusCodeType.PATH_RELATED, 0x00, "Internal Path Error"),
    ASYMMETRIC_ACCESS_PERSISTENT_LOSS(StatusCodeType.PATH_RELATED, 0x01, "Asymmetric Access Persistent Loss"),
    ASYMMETRIC_ACCESS_INACCESSIBLE(StatusCodeType.PATH_RELATED, 0x02, "Asymmetric Access Inaccessible"),
    ASYMMETRIC_ACCESS_TRANSITION(StatusCodeType.PATH_RELATED, 0x03, "Asymmetric Access Transition"),
    CONTROLLER_PATHING_ERROR(StatusCodeType.PATH_RELATED, 0x60, "Controller Pathing Error"),
    HOST_PATHING_ERROR(StatusCodeType.PATH_RELATED, 0x70, "Host Pathing Error"),
    COMMAND_ABORTED_BY_HOST(StatusCodeType.PATH_RELATED, 0x71, "Command Aborted By Host");

    private static final Map<Integer, StatusCode> BY_KEY = new HashMap<>();

    static {
        for (StatusCode c : values()) {
            BY_KEY.put(key(c.type.value(), c.value), c);
        }
    }

    private final StatusCodeType type;
    private final int value;
    private final String title;

    StatusCode(StatusCodeType type, int value, String title) {
        this.type = type;
        this.value = value;
        this.title = title;
    }

    private static int key(int sct, int sc) {
        return sct << 8 | sc;
    }

    public StatusCodeType type() {
        return type;
    }

    /** SC, the 8-bit status code within its type. */
    public int value() {
        return value;
    }

    /** The spec / nvme-cli name, e.g. "Invalid Field in Command". */
    public String title() {
        return title;
    }

    /** The code for an (SCT, SC) pair, empty for reserved or vendor specific pairs. */
    public static Optional<StatusCode> of(int sct, int sc) {
        return Optional.ofNullable(BY_KEY.get(key(sct, sc)));
    }

    /** This code as a completion status with DNR set, the usual answer to a malformed command. */
    public CompletionStatus doNotRetry() {
        return new CompletionStatus(type.value(), value, 0, false, true);
    }

    /** This code as a completion status with DNR clear. */
    public CompletionStatus retryable() {
        return new CompletionStatus(type.value(), value, 0, false, false);
    }
}
