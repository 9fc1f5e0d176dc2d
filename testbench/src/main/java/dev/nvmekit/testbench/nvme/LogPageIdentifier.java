package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * Log page identifiers of Get Log Page, CDW10 bits 7:0 (NVMe Base Specification 2.0, Figure 202),
 * with the size a controller returns for the fixed-size ones.
 */
public enum LogPageIdentifier implements CodedValue {
    SUPPORTED_LOG_PAGES(0x00, "Supported Log Pages", 1024),
    ERROR_INFORMATION(0x01, "Error Information", 0),
    SMART_HEALTH_INFORMATION(0x02, "SMART / Health Information", SmartHealthLog.SIZE),
    FIRMWARE_SLOT_INFORMATION(0x03, "Firmware Slot Information", FirmwareSlotLog.SIZE),
    CHANGED_NAMESPACE_LIST(0x04, "Changed Namespace List", 4096),
    COMMANDS_SUPPORTED_AND_EFFECTS(0x05, "Commands Supported and Effects", CommandsSupportedAndEffectsLog.SIZE),
    DEVICE_SELF_TEST(0x06, "Device Self-test", 564),
    TELEMETRY_HOST_INITIATED(0x07, "Telemetry Host-Initiated", 0),
    TELEMETRY_CONTROLLER_INITIATED(0x08, "Telemetry Controller-Initiated", 0),
    ASYMMETRIC_NAMESPACE_ACCESS(0x0C, "Asymmetric Namespace Access", 0),
    PERSISTENT_EVENT_LOG(0x0D, "Persistent Event Log", 0),
    DISCOVERY(0x70, "Discovery", 0),
    RESERVATION_NOTIFICATION(0x80, "Reservation Notification", 64),
    SANITIZE_STATUS(0x81, "Sanitize Status", SanitizeStatusLog.SIZE);

    private final int value;
    private final String title;
    private final int size;

    LogPageIdentifier(int value, String title, int size) {
        this.value = value;
        this.title = title;
        this.size = size;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String title() {
        return title;
    }

    /** Size in bytes of the whole page, 0 where it varies (e.g. Error Information: 64 × (ELPE + 1)). */
    public int size() {
        return size;
    }

    public static Optional<LogPageIdentifier> of(int lid) {
        return CodedValue.find(values(), lid);
    }
}
