package dev.nvmekit.testbench.nvme;

/**
 * The fields of the NVM Read (02h) and Write (01h) commands (NVM Command Set Specification 1.0,
 * sections 3.2.4 and 3.2.6): SLBA in CDW11:CDW10, CDW12 NLB bits 15:0 (0's based), PRINFO bits
 * 29:26, FUA bit 30, LR bit 31; CDW13 DSM bits 7:0 (Write also DTYPE in CDW12 bits 23:20 and DSPEC in
 * CDW13 bits 31:16, kept here as raw dwords); CDW14 reference tag, CDW15 application tag and mask.
 */
public record ReadWriteCommand(NvmOpcode opcode, int nsid, long slba, int nlb, boolean fua, boolean limitedRetry,
                               int prinfo, int cdw13, int cdw14, int cdw15) {
    public ReadWriteCommand {
        if (opcode != NvmOpcode.READ && opcode != NvmOpcode.WRITE) {
            throw new IllegalArgumentException("not a read or write: " + opcode);
        }
        Bits.checkRange("NLB", nlb, 0, 0xFFFF);
        Bits.checkRange("PRINFO", prinfo, 0, 15);
    }

    /** A plain read or write of {@code blocks} logical blocks. */
    public static ReadWriteCommand of(NvmOpcode opcode, int nsid, long slba, int blocks) {
        return new ReadWriteCommand(opcode, nsid, slba, blocks - 1, false, false, 0, 0, 0, 0);
    }

    public static ReadWriteCommand decode(SubmissionQueueEntry sqe) {
        NvmOpcode op = NvmOpcode.of(sqe.opcode())
                .orElseThrow(() -> new IllegalArgumentException("unknown I/O opcode " + sqe.opcode()));
        int c12 = sqe.cdw12();
        return new ReadWriteCommand(op, sqe.nsid(),
                Integer.toUnsignedLong(sqe.cdw10()) | (long) sqe.cdw11() << 32, Bits.field(c12, 15, 0),
                Bits.bit(c12, 30), Bits.bit(c12, 31), Bits.field(c12, 29, 26), sqe.cdw13(), sqe.cdw14(), sqe.cdw15());
    }

    public SubmissionQueueEntry.Builder applyTo(SubmissionQueueEntry.Builder b) {
        return b.opcode(opcode.value()).nsid(nsid).cdw10((int) slba).cdw11((int) (slba >>> 32))
                .cdw12(nlb | prinfo << 26 | (fua ? 1 << 30 : 0) | (limitedRetry ? 1 << 31 : 0))
                .cdw13(cdw13).cdw14(cdw14).cdw15(cdw15);
    }

    /** Number of logical blocks (NLB + 1). */
    public int blocks() {
        return nlb + 1;
    }
}
