package dev.nvmekit.testbench.nvme;

/** SCT, the Status Code Type of a completion (NVMe Base Specification 2.0, Figure 100). */
public enum StatusCodeType implements CodedValue {
    GENERIC(0x0, "Generic Command Status"),
    COMMAND_SPECIFIC(0x1, "Command Specific Status"),
    MEDIA_AND_DATA_INTEGRITY(0x2, "Media and Data Integrity Errors"),
    PATH_RELATED(0x3, "Path Related Status"),
    VENDOR_SPECIFIC(0x7, "Vendor Specific");

    private final int value;
    private final String title;

    StatusCodeType(int value, String title) {
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

    /** The type for an SCT value, or {@code null} for the reserved values 4h..6h. */
    public static StatusCodeType of(int sct) {
        return CodedValue.find(values(), sct).orElse(null);
    }
}
