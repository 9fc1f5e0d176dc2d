package dev.nvmekit.testbench.nvme;

/**
 * Completion dword 0 of an Asynchronous Event Request (NVMe Base Specification 2.0, section 5.2,
 * Figure 146): Asynchronous Event Type bits 2:0, Asynchronous Event Information bits 15:8, Log
 * Page Identifier bits 23:16 (the page the host reads to clear the event).
 */
public record AsynchronousEvent(int type, int info, int logPage) {
    public static final int TYPE_ERROR_STATUS = 0;
    public static final int TYPE_SMART_HEALTH_STATUS = 1;
    public static final int TYPE_NOTICE = 2;
    public static final int TYPE_IO_COMMAND_SPECIFIC = 6;
    public static final int TYPE_VENDOR_SPECIFIC = 7;
    /** Error status information, as the front end's {@code aer_info} carries it. */
    public static final int INFO_WRITE_TO_INVALID_DOORBELL = 0x00;
    public static final int INFO_INVALID_DOORBELL_WRITE_VALUE = 0x01;
    public static final int INFO_DIAGNOSTIC_FAILURE = 0x02;
    public static final int INFO_PERSISTENT_INTERNAL_ERROR = 0x03;
    public static final int INFO_TRANSIENT_INTERNAL_ERROR = 0x04;
    public static final int INFO_FIRMWARE_IMAGE_LOAD_ERROR = 0x05;

    public AsynchronousEvent {
        Bits.checkRange("AET", type, 0, 7);
        Bits.checkRange("AEI", info, 0, 0xFF);
        Bits.checkRange("LID", logPage, 0, 0xFF);
    }

    /**
     * An error status event; errors are cleared by reading the Error Information log, so that is
     * the page named.
     */
    public static AsynchronousEvent errorStatus(int info) {
        return new AsynchronousEvent(TYPE_ERROR_STATUS, info, LogPageIdentifier.ERROR_INFORMATION.value());
    }

    public static AsynchronousEvent decode(int dw0) {
        return new AsynchronousEvent(Bits.field(dw0, 2, 0), Bits.field(dw0, 15, 8), Bits.field(dw0, 23, 16));
    }

    public int dw0() {
        return type | info << 8 | logPage << 16;
    }
}
