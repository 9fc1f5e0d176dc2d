package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * NVM command set I/O opcodes, valid on I/O submission queues
 * (NVM Command Set Specification 1.0, Figure 15).
 */
public enum NvmOpcode implements CodedValue {
    FLUSH(0x00, "Flush"),
    WRITE(0x01, "Write"),
    READ(0x02, "Read"),
    WRITE_UNCORRECTABLE(0x04, "Write Uncorrectable"),
    COMPARE(0x05, "Compare"),
    WRITE_ZEROES(0x08, "Write Zeroes"),
    DATASET_MANAGEMENT(0x09, "Dataset Management"),
    VERIFY(0x0C, "Verify"),
    RESERVATION_REGISTER(0x0D, "Reservation Register"),
    RESERVATION_REPORT(0x0E, "Reservation Report"),
    RESERVATION_ACQUIRE(0x11, "Reservation Acquire"),
    RESERVATION_RELEASE(0x15, "Reservation Release"),
    COPY(0x19, "Copy");

    private final int value;
    private final String title;

    NvmOpcode(int value, String title) {
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

    public static Optional<NvmOpcode> of(int opcode) {
        return CodedValue.find(values(), opcode);
    }
}
