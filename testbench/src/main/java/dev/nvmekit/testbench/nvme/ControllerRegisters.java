package dev.nvmekit.testbench.nvme;

/**
 * BAR0 register offsets and doorbell address arithmetic of an NVMe controller on PCIe
 * (NVMe Base Specification 2.0, section 3.1.3 "Controller Registers"; NVMe over PCIe
 * Transport Specification, section 3.1.2 doorbells).
 */
public final class ControllerRegisters {
    private ControllerRegisters() {
    }

    /** Controller Capabilities, 64 bits. */
    public static final int CAP = 0x00;
    /** Version. */
    public static final int VS = 0x08;
    /** Interrupt Mask Set: write 1 to mask a vector (pin/MSI only; MSI-X hosts must not use it). */
    public static final int INTMS = 0x0C;
    /** Interrupt Mask Clear. */
    public static final int INTMC = 0x10;
    /** Controller Configuration. */
    public static final int CC = 0x14;
    /** Controller Status. */
    public static final int CSTS = 0x1C;
    /** NVM Subsystem Reset (optional; write "NVMe" = 4E564D65h). */
    public static final int NSSR = 0x20;
    /** Admin Queue Attributes. */
    public static final int AQA = 0x24;
    /** Admin Submission Queue Base Address, 64 bits. */
    public static final int ASQ = 0x28;
    /** Admin Completion Queue Base Address, 64 bits. */
    public static final int ACQ = 0x30;
    /** Controller Memory Buffer Location. */
    public static final int CMBLOC = 0x38;
    /** Controller Memory Buffer Size. */
    public static final int CMBSZ = 0x3C;
    /** Boot Partition Information. */
    public static final int BPINFO = 0x40;
    /** Controller Ready Timeouts (2.0). */
    public static final int CRTO = 0x68;
    /** First doorbell: SQ 0 Tail Doorbell. */
    public static final int DOORBELL_BASE = 0x1000;
    /** The value written to NSSR to request an NVM subsystem reset ("NVMe" in ASCII). */
    public static final int NSSR_RESET_VALUE = 0x4E56_4D65;

    /** Bytes between adjacent doorbells: {@code 4 << CAP.DSTRD}. */
    public static int doorbellStride(int dstrd) {
        Bits.checkRange("DSTRD", dstrd, 0, 15);
        return 4 << dstrd;
    }

    /** SQyTDBL: {@code 1000h + (2y) * (4 << CAP.DSTRD)}. */
    public static long submissionQueueTailDoorbell(int queueId, int dstrd) {
        return doorbell(queueId, false, dstrd);
    }

    /** CQyHDBL: {@code 1000h + (2y + 1) * (4 << CAP.DSTRD)}. */
    public static long completionQueueHeadDoorbell(int queueId, int dstrd) {
        return doorbell(queueId, true, dstrd);
    }

    private static long doorbell(int queueId, boolean completion, int dstrd) {
        Bits.checkRange("queue identifier", queueId, 0, 0xFFFF);
        return DOORBELL_BASE + (2L * queueId + (completion ? 1 : 0)) * doorbellStride(dstrd);
    }

    /**
     * The inverse of the doorbell formulas: which queue and which kind a BAR0 offset addresses,
     * or {@code null} if the offset is below the doorbells or not on a stride boundary.
     */
    public static Doorbell decodeDoorbell(long offset, int dstrd) {
        long stride = doorbellStride(dstrd);
        long rel = offset - DOORBELL_BASE;
        if (rel < 0 || rel % stride != 0) {
            return null;
        }
        long index = rel / stride;
        if (index / 2 > 0xFFFF) {
            return null;
        }
        return new Doorbell((int) (index / 2), index % 2 == 1);
    }

    /** A doorbell decoded from its offset: the queue and whether it is a CQ head (else SQ tail) doorbell. */
    public record Doorbell(int queueId, boolean completionQueueHead) {
    }
}
