package dev.nvmekit.testbench.nvme;

/**
 * One Commands Supported and Effects entry (NVMe Base Specification 2.0, Figure 211): CSUPP
 * bit 0, LBCC bit 1, NCC bit 2, NIC bit 3, CCC bit 4, CSE bits 18:16, UUID Selection Supported
 * bit 19. The whole dword is kept so bits this model does not name still round trip.
 */
public record CommandEffects(int value) {
    public static final CommandEffects UNSUPPORTED = new CommandEffects(0);
    /** Supported, no side effects the host must care about. */
    public static final CommandEffects SUPPORTED = new CommandEffects(1);

    public static CommandEffects of(boolean csupp, boolean lbcc, boolean ncc, boolean nic, boolean ccc, int cse) {
        Bits.checkRange("CSE", cse, 0, 7);
        return new CommandEffects((csupp ? 1 : 0) | (lbcc ? 2 : 0) | (ncc ? 4 : 0) | (nic ? 8 : 0) | (ccc ? 16 : 0)
                | cse << 16);
    }

    /** Command Supported. */
    public boolean csupp() {
        return Bits.bit(value, 0);
    }

    /** Logical Block Content Change. */
    public boolean lbcc() {
        return Bits.bit(value, 1);
    }

    /** Namespace Capability Change. */
    public boolean ncc() {
        return Bits.bit(value, 2);
    }

    /** Namespace Inventory Change. */
    public boolean nic() {
        return Bits.bit(value, 3);
    }

    /** Controller Capability Change. */
    public boolean ccc() {
        return Bits.bit(value, 4);
    }

    /** Command Submission and Execution: 0 no restriction, 1 one per namespace, 2 one per subsystem. */
    public int cse() {
        return Bits.field(value, 18, 16);
    }

    /** UUID Selection Supported. */
    public boolean uss() {
        return Bits.bit(value, 19);
    }
}
