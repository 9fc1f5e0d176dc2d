package dev.nvmekit.testbench.nvme;

/**
 * The fields of Identify, admin opcode 06h (NVMe Base Specification 2.0, section 5.17,
 * Figures 271-272): NSID; CDW10 CNS bits 7:0 and CNTID bits 31:16; CDW11 CNS Specific Identifier
 * bits 15:0 and CSI bits 31:24. The 4096-byte answer goes to the data pointer.
 */
public record IdentifyCommand(int cns, int nsid, int cntid, int cnsSpecificId, int csi) {
    public IdentifyCommand {
        Bits.checkRange("CNS", cns, 0, 0xFF);
        Bits.checkRange("CNTID", cntid, 0, 0xFFFF);
        Bits.checkRange("CNS specific identifier", cnsSpecificId, 0, 0xFFFF);
        Bits.checkRange("CSI", csi, 0, 0xFF);
    }

    public static IdentifyCommand of(IdentifyCns cns, int nsid) {
        return new IdentifyCommand(cns.value(), nsid, 0, 0, 0);
    }

    public static IdentifyCommand decode(SubmissionQueueEntry sqe) {
        return new IdentifyCommand(Bits.field(sqe.cdw10(), 7, 0), sqe.nsid(), Bits.field(sqe.cdw10(), 31, 16),
                Bits.field(sqe.cdw11(), 15, 0), Bits.field(sqe.cdw11(), 31, 24));
    }

    public SubmissionQueueEntry.Builder applyTo(SubmissionQueueEntry.Builder b) {
        return b.opcode(AdminOpcode.IDENTIFY.value()).nsid(nsid).cdw10(cns | cntid << 16)
                .cdw11(cnsSpecificId | csi << 24);
    }
}
