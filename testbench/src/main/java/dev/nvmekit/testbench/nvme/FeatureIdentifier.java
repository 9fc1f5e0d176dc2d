package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * Feature identifiers of Set Features / Get Features, CDW10 bits 7:0 (NVMe Base Specification
 * 2.0, section 5.27.1, Figure 317). Set Features puts Save in CDW10 bit 31; Get Features puts
 * Select (current, default, saved, supported capabilities) in CDW10 bits 10:8.
 */
public enum FeatureIdentifier implements CodedValue {
    ARBITRATION(0x01, "Arbitration"),
    POWER_MANAGEMENT(0x02, "Power Management"),
    LBA_RANGE_TYPE(0x03, "LBA Range Type"),
    TEMPERATURE_THRESHOLD(0x04, "Temperature Threshold"),
    ERROR_RECOVERY(0x05, "Error Recovery"),
    VOLATILE_WRITE_CACHE(0x06, "Volatile Write Cache"),
    NUMBER_OF_QUEUES(0x07, "Number of Queues"),
    INTERRUPT_COALESCING(0x08, "Interrupt Coalescing"),
    INTERRUPT_VECTOR_CONFIGURATION(0x09, "Interrupt Vector Configuration"),
    WRITE_ATOMICITY_NORMAL(0x0A, "Write Atomicity Normal"),
    ASYNCHRONOUS_EVENT_CONFIGURATION(0x0B, "Asynchronous Event Configuration"),
    AUTONOMOUS_POWER_STATE_TRANSITION(0x0C, "Autonomous Power State Transition"),
    HOST_MEMORY_BUFFER(0x0D, "Host Memory Buffer"),
    TIMESTAMP(0x0E, "Timestamp"),
    KEEP_ALIVE_TIMER(0x0F, "Keep Alive Timer"),
    HOST_CONTROLLED_THERMAL_MANAGEMENT(0x10, "Host Controlled Thermal Management"),
    NON_OPERATIONAL_POWER_STATE_CONFIG(0x11, "Non-Operational Power State Config"),
    HOST_BEHAVIOR_SUPPORT(0x16, "Host Behavior Support"),
    SOFTWARE_PROGRESS_MARKER(0x80, "Software Progress Marker"),
    HOST_IDENTIFIER(0x81, "Host Identifier");

    private final int value;
    private final String title;

    FeatureIdentifier(int value, String title) {
        this.value = value;
        this.title = title;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String title() {
        return title;
    }

    /** CDW10 of Set Features for this feature. */
    public int setFeaturesCdw10(boolean save) {
        return value | (save ? 1 << 31 : 0);
    }

    /** CDW10 of Get Features: {@code select} 0 current, 1 default, 2 saved, 3 supported capabilities. */
    public int getFeaturesCdw10(int select) {
        Bits.checkRange("SEL", select, 0, 3);
        return value | select << 8;
    }

    public static Optional<FeatureIdentifier> of(int fid) {
        return CodedValue.find(values(), fid);
    }
}
