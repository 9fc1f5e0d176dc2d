package dev.nvmekit.testbench.nvme;

/**
 * CSTS, the Controller Status register at offset 1Ch (NVMe Base Specification 2.0, Figure 42).
 *
 * @param ready  RDY (bit 0)
 * @param fatal  CFS, Controller Fatal Status (bit 1)
 * @param shst   Shutdown Status (bits 3:2)
 * @param nssro  NVM Subsystem Reset Occurred (bit 4, RW1C)
 * @param paused PP, Processing Paused (bit 5)
 * @param st     Shutdown Type (bit 6): 1 if the shutdown reported in SHST is subsystem wide
 */
public record ControllerStatus(boolean ready, boolean fatal, ShutdownStatus shst, boolean nssro, boolean paused,
                               boolean st) {

    /** CSTS.SHST values. */
    public enum ShutdownStatus {
        NORMAL_OPERATION(0b00), OCCURRING(0b01), COMPLETE(0b10),
        /** 11b: reserved; decoded so a checker can report a controller that shows it. */
        RESERVED(0b11);

        private final int code;

        ShutdownStatus(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static ShutdownStatus of(int code) {
            return switch (code) {
                case 0b00 -> NORMAL_OPERATION;
                case 0b01 -> OCCURRING;
                case 0b10 -> COMPLETE;
                case 0b11 -> RESERVED;
                default -> throw new IllegalArgumentException("CSTS.SHST is two bits: " + code);
            };
        }
    }

    /**
     * A CSTS read of FFFFFFFFh means the device fell off the bus, not a state
     * (Linux nvme_wait_ready treats it so); check this before trusting a decoded value.
     */
    public static boolean isDeviceGone(int csts) {
        return csts == 0xFFFF_FFFF;
    }

    public ControllerStatus {
        java.util.Objects.requireNonNull(shst, "shst");
    }

    public static ControllerStatus decode(int csts) {
        return new ControllerStatus(Bits.bit(csts, 0), Bits.bit(csts, 1), ShutdownStatus.of(Bits.field(csts, 3, 2)),
                Bits.bit(csts, 4), Bits.bit(csts, 5), Bits.bit(csts, 6));
    }

    public int encode() {
        return (int) (Bits.flag(ready, 0) | Bits.flag(fatal, 1) | Bits.place(shst.code(), 3, 2, "SHST")
                | Bits.flag(nssro, 4) | Bits.flag(paused, 5) | Bits.flag(st, 6));
    }
}
