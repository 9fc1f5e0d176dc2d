package dev.nvmekit.testbench.nvme;

/**
 * The Get Log Page command fields (NVMe Base Specification 2.0, section 5.16, Figures 197-200):
 * CDW10 LID bits 7:0, LSP bits 14:8, RAE bit 15, NUMDL bits 31:16; CDW11 NUMDU bits 15:0,
 * LSI bits 31:16; CDW12/13 the byte offset LPOL/LPOU; CDW14 bits 31:24 CSI. NUMD is 0's based
 * dwords split over NUMDL and NUMDU.
 */
public record GetLogPageCommand(int lid, int lsp, boolean rae, long lengthBytes, int lsi, long offset, int csi) {
    public GetLogPageCommand {
        Bits.checkRange("LID", lid, 0, 0xFF);
        Bits.checkRange("LSP", lsp, 0, 0x7F);
        Bits.checkRange("LSI", lsi, 0, 0xFFFF);
        Bits.checkRange("CSI", csi, 0, 0xFF);
        if (lengthBytes < 4 || lengthBytes % 4 != 0 || lengthBytes > 4L << 32) {
            throw new IllegalArgumentException("log length must be 4..2^34 bytes in dwords: " + lengthBytes);
        }
        if (offset % 4 != 0) {
            throw new IllegalArgumentException("log page offset must be dword aligned: " + offset);
        }
    }

    public static GetLogPageCommand of(LogPageIdentifier lid, long lengthBytes) {
        return new GetLogPageCommand(lid.value(), 0, false, lengthBytes, 0, 0, 0);
    }

    public static GetLogPageCommand decode(SubmissionQueueEntry sqe) {
        long numd = Bits.field(sqe.cdw10(), 31, 16) | (long) Bits.field(sqe.cdw11(), 15, 0) << 16;
        long offset = Integer.toUnsignedLong(sqe.cdw12()) | (long) sqe.cdw13() << 32;
        return new GetLogPageCommand(Bits.field(sqe.cdw10(), 7, 0), Bits.field(sqe.cdw10(), 14, 8),
                Bits.bit(sqe.cdw10(), 15), (numd + 1) * 4, Bits.field(sqe.cdw11(), 31, 16), offset,
                Bits.field(sqe.cdw14(), 31, 24));
    }

    /** NUMD, the 0's based dword count. */
    public long numd() {
        return lengthBytes / 4 - 1;
    }

    /** Fills the command dwords of an admin Get Log Page entry (the data pointer is the caller's). */
    public SubmissionQueueEntry.Builder applyTo(SubmissionQueueEntry.Builder b) {
        long numd = numd();
        return b.opcode(AdminOpcode.GET_LOG_PAGE.value())
                .cdw10(lid | lsp << 8 | (rae ? 1 << 15 : 0) | (int) (numd & 0xFFFF) << 16)
                .cdw11((int) (numd >>> 16) | lsi << 16)
                .cdw12((int) offset).cdw13((int) (offset >>> 32)).cdw14(csi << 24);
    }
}
