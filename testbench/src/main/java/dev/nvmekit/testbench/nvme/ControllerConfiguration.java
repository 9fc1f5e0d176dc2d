package dev.nvmekit.testbench.nvme;

/**
 * CC, the Controller Configuration register at offset 14h
 * (NVMe Base Specification 2.0, Figure 41).
 *
 * @param enable  EN (bit 0)
 * @param css     I/O Command Set Selected (bits 6:4): 000b NVM, 110b all supported I/O sets, 111b admin only
 * @param mps     Memory Page Size, 2^(12 + MPS) bytes (bits 10:7)
 * @param ams     Arbitration Mechanism Selected (bits 13:11): 000b round robin
 * @param shn     Shutdown Notification (bits 15:14)
 * @param iosqes  I/O Submission Queue Entry Size, 2^n bytes (bits 19:16); 6 for 64-byte SQEs
 * @param iocqes  I/O Completion Queue Entry Size, 2^n bytes (bits 23:20); 4 for 16-byte CQEs
 * @param crime   Controller Ready Independent of Media Enable (bit 24)
 */
public record ControllerConfiguration(boolean enable, int css, int mps, int ams, Shutdown shn, int iosqes,
                                      int iocqes, boolean crime) {

    public static final int CSS_NVM = 0b000;
    public static final int CSS_ALL_IO = 0b110;
    public static final int CSS_ADMIN_ONLY = 0b111;

    /** CC.SHN values. */
    public enum Shutdown {
        NONE(0b00), NORMAL(0b01), ABRUPT(0b10),
        /** 11b: reserved; decoded rather than rejected so a checker can report a host that writes it. */
        RESERVED(0b11);

        private final int code;

        Shutdown(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Shutdown of(int code) {
            return switch (code) {
                case 0b00 -> NONE;
                case 0b01 -> NORMAL;
                case 0b10 -> ABRUPT;
                case 0b11 -> RESERVED;
                default -> throw new IllegalArgumentException("CC.SHN is two bits: " + code);
            };
        }
    }

    public ControllerConfiguration {
        Bits.checkRange("CSS", css, 0, 7);
        Bits.checkRange("MPS", mps, 0, 15);
        Bits.checkRange("AMS", ams, 0, 7);
        Bits.checkRange("IOSQES", iosqes, 0, 15);
        Bits.checkRange("IOCQES", iocqes, 0, 15);
        java.util.Objects.requireNonNull(shn, "shn");
    }

    /**
     * What Linux writes (nvme_enable_ctrl): CSS per CAP.CSS bit 6, MPS 0, AMS round robin,
     * IOSQES 6, IOCQES 4. With CAP.CSS bit 6 set and EN = 1 this encodes to 00460061h.
     */
    public static ControllerConfiguration linuxDefault(ControllerCapabilities cap, boolean enable) {
        int css = (cap.css() & ControllerCapabilities.CSS_IO_COMMAND_SETS) != 0 ? CSS_ALL_IO : CSS_NVM;
        return new ControllerConfiguration(enable, css, 0, 0, Shutdown.NONE, 6, 4, false);
    }

    public static ControllerConfiguration decode(int cc) {
        return new ControllerConfiguration(Bits.bit(cc, 0), Bits.field(cc, 6, 4), Bits.field(cc, 10, 7),
                Bits.field(cc, 13, 11), Shutdown.of(Bits.field(cc, 15, 14)), Bits.field(cc, 19, 16),
                Bits.field(cc, 23, 20), Bits.bit(cc, 24));
    }

    public int encode() {
        return (int) (Bits.flag(enable, 0) | Bits.place(css, 6, 4, "CSS") | Bits.place(mps, 10, 7, "MPS")
                | Bits.place(ams, 13, 11, "AMS") | Bits.place(shn.code(), 15, 14, "SHN")
                | Bits.place(iosqes, 19, 16, "IOSQES") | Bits.place(iocqes, 23, 20, "IOCQES")
                | Bits.flag(crime, 24));
    }

    public ControllerConfiguration withEnable(boolean en) {
        return new ControllerConfiguration(en, css, mps, ams, shn, iosqes, iocqes, crime);
    }

    public ControllerConfiguration withShutdown(Shutdown s) {
        return new ControllerConfiguration(enable, css, mps, ams, s, iosqes, iocqes, crime);
    }

    /** Host memory page size in bytes. */
    public long pageSize() {
        return 1L << (12 + mps);
    }
}
