package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * Controller or Namespace Structure values of the admin command Identify, CDW10 bits 7:0
 * (NVMe Base Specification 2.0, Figure 273). The ones a Linux host sends at bring-up are
 * 01h, 02h, 03h, 00h, 05h and 06h.
 */
public enum IdentifyCns implements CodedValue {
    NAMESPACE(0x00, "Identify Namespace"),
    CONTROLLER(0x01, "Identify Controller"),
    ACTIVE_NAMESPACE_LIST(0x02, "Active Namespace ID list"),
    NAMESPACE_DESCRIPTOR_LIST(0x03, "Namespace Identification Descriptor list"),
    NVM_SET_LIST(0x04, "NVM Set List"),
    IO_COMMAND_SET_NAMESPACE(0x05, "I/O Command Set specific Identify Namespace"),
    IO_COMMAND_SET_CONTROLLER(0x06, "I/O Command Set specific Identify Controller"),
    IO_COMMAND_SET_ACTIVE_NAMESPACE_LIST(0x07, "I/O Command Set specific Active Namespace ID list"),
    IO_COMMAND_SET_INDEPENDENT_NAMESPACE(0x08, "I/O Command Set Independent Identify Namespace"),
    ALLOCATED_NAMESPACE_LIST(0x10, "Allocated Namespace ID list"),
    ALLOCATED_NAMESPACE(0x11, "Identify Namespace for an allocated NSID"),
    NAMESPACE_ATTACHED_CONTROLLER_LIST(0x12, "Namespace Attached Controller list"),
    CONTROLLER_LIST(0x13, "Controller list"),
    IO_COMMAND_SET(0x1C, "Identify I/O Command Set data structure");

    private final int value;
    private final String title;

    IdentifyCns(int value, String title) {
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

    /** CDW10 for this CNS with CNTID (bits 31:16) zero. */
    public int cdw10() {
        return value;
    }

    public static Optional<IdentifyCns> of(int cns) {
        return CodedValue.find(values(), cns);
    }
}
