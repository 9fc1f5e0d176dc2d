package dev.nvmekit.testbench.nvme;

/**
 * CAP, the 64-bit Controller Capabilities register at offset 0h
 * (NVMe Base Specification 2.0, Figure 36).
 *
 * @param mqes    Maximum Queue Entries Supported, 0's based (bits 15:0)
 * @param cqr     Contiguous Queues Required (bit 16)
 * @param ams     Arbitration Mechanism Supported (bits 18:17): bit 0 weighted round robin with urgent, bit 1 vendor specific
 * @param to      Timeout in 500 ms units (bits 31:24): worst case time to wait for CSTS.RDY
 * @param dstrd   Doorbell Stride, stride = 2^(2 + DSTRD) bytes (bits 35:32)
 * @param nssrs   NVM Subsystem Reset Supported (bit 36)
 * @param css     Command Sets Supported (bits 44:37): bit 0 NVM, bit 6 I/O command sets, bit 7 admin only
 * @param bps     Boot Partition Support (bit 45)
 * @param cps     Controller Power Scope (bits 47:46)
 * @param mpsmin  Memory Page Size Minimum, 2^(12 + MPSMIN) (bits 51:48)
 * @param mpsmax  Memory Page Size Maximum (bits 55:52)
 * @param pmrs    Persistent Memory Region Supported (bit 56)
 * @param cmbs    Controller Memory Buffer Supported (bit 57)
 * @param nsss    NVM Subsystem Shutdown Supported (bit 58)
 * @param crms    Controller Ready Modes Supported (bits 60:59)
 */
public record ControllerCapabilities(int mqes, boolean cqr, int ams, int to, int dstrd, boolean nssrs, int css,
                                     boolean bps, int cps, int mpsmin, int mpsmax, boolean pmrs, boolean cmbs,
                                     boolean nsss, int crms) {

    /** CAP.CSS bit 0: the NVM command set. */
    public static final int CSS_NVM = 1;
    /** CAP.CSS bit 6: one or more I/O command sets (Linux then programs CC.CSS = 110b). */
    public static final int CSS_IO_COMMAND_SETS = 1 << 6;
    /** CAP.CSS bit 7: no I/O command set, admin only. */
    public static final int CSS_ADMIN_ONLY = 1 << 7;

    public ControllerCapabilities {
        Bits.checkRange("MQES", mqes, 0, 0xFFFF);
        Bits.checkRange("AMS", ams, 0, 3);
        Bits.checkRange("TO", to, 0, 0xFF);
        Bits.checkRange("DSTRD", dstrd, 0, 15);
        Bits.checkRange("CSS", css, 0, 0xFF);
        Bits.checkRange("CPS", cps, 0, 3);
        Bits.checkRange("MPSMIN", mpsmin, 0, 15);
        Bits.checkRange("MPSMAX", mpsmax, 0, 15);
        Bits.checkRange("CRMS", crms, 0, 3);
    }

    /** The capabilities the front-end contract fixes (CQR 1, AMS 0, CSS NVM, 4 KiB pages), for a given MQES/DSTRD/TO. */
    public static ControllerCapabilities frontEndDefaults(int maxQueueEntries, int dstrd, int timeout500ms) {
        return new ControllerCapabilities(maxQueueEntries - 1, true, 0, timeout500ms, dstrd, false, CSS_NVM,
                false, 0, 0, 0, false, false, false, 0);
    }

    public static ControllerCapabilities decode(long cap) {
        return new ControllerCapabilities(
                (int) Bits.field(cap, 15, 0), Bits.bit(cap, 16), (int) Bits.field(cap, 18, 17),
                (int) Bits.field(cap, 31, 24), (int) Bits.field(cap, 35, 32), Bits.bit(cap, 36),
                (int) Bits.field(cap, 44, 37), Bits.bit(cap, 45), (int) Bits.field(cap, 47, 46),
                (int) Bits.field(cap, 51, 48), (int) Bits.field(cap, 55, 52), Bits.bit(cap, 56),
                Bits.bit(cap, 57), Bits.bit(cap, 58), (int) Bits.field(cap, 60, 59));
    }

    public long encode() {
        return Bits.place(mqes, 15, 0, "MQES") | Bits.flag(cqr, 16) | Bits.place(ams, 18, 17, "AMS")
                | Bits.place(to, 31, 24, "TO") | Bits.place(dstrd, 35, 32, "DSTRD") | Bits.flag(nssrs, 36)
                | Bits.place(css, 44, 37, "CSS") | Bits.flag(bps, 45) | Bits.place(cps, 47, 46, "CPS")
                | Bits.place(mpsmin, 51, 48, "MPSMIN") | Bits.place(mpsmax, 55, 52, "MPSMAX")
                | Bits.flag(pmrs, 56) | Bits.flag(cmbs, 57) | Bits.flag(nsss, 58) | Bits.place(crms, 60, 59, "CRMS");
    }

    /**
     * Whether the fields a host depends on are legal: MQES at least 1 (queues have at least two
     * entries) and MPSMIN not above MPSMAX. Decoding accepts any value so a checker can report it.
     */
    public boolean isValid() {
        return mqes >= 1 && mpsmin <= mpsmax;
    }

    /** Largest queue size in entries (MQES is 0's based). */
    public int maxQueueEntries() {
        return mqes + 1;
    }

    /** Bytes between doorbells. */
    public int doorbellStrideBytes() {
        return ControllerRegisters.doorbellStride(dstrd);
    }

    /** How long a host waits for CSTS.RDY to change, in milliseconds (Linux {@code nvme_wait_ready}). */
    public long readyTimeoutMillis() {
        return to * 500L;
    }

    public long minPageSize() {
        return 1L << (12 + mpsmin);
    }

    public long maxPageSize() {
        return 1L << (12 + mpsmax);
    }
}
