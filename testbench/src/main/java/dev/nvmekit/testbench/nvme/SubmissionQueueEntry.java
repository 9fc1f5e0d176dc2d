package dev.nvmekit.testbench.nvme;

import java.math.BigInteger;

/**
 * A 64-byte submission queue entry, the common command format (NVMe Base Specification 2.0,
 * section 4.2, Figures 87-90). Layout: CDW0 (OPC 7:0, FUSE 9:8, PSDT 15:14, CID 31:16) at 0,
 * NSID at 4, CDW2 at 8, CDW3 at 12, MPTR at 16, DPTR at 24..39 (PRP1 at 24, PRP2 at 32, or SGL1
 * across both), CDW10..CDW15 at 40..63.
 *
 * <p>The data pointer is kept as its two raw quadwords {@code prp1}/{@code prp2}; when PSDT
 * selects SGLs the same 16 bytes are SGL1, read with {@link #sgl1()}.
 */
public record SubmissionQueueEntry(int opcode, int fuse, int psdt, int cid, int nsid, int cdw2, int cdw3,
                                   long mptr, long prp1, long prp2, int cdw10, int cdw11, int cdw12, int cdw13,
                                   int cdw14, int cdw15) {

    public static final int SIZE = 64;
    /** PSDT 00b: PRPs are used for this transfer. */
    public static final int PSDT_PRP = 0b00;
    /** PSDT 01b: SGLs, MPTR holds the metadata address (a contiguous buffer). */
    public static final int PSDT_SGL_CONTIGUOUS_METADATA = 0b01;
    /** PSDT 10b: SGLs, MPTR holds the address of a metadata SGL segment. */
    public static final int PSDT_SGL_METADATA_SGL = 0b10;
    /** FUSE 01b / 10b: first / second command of a fused operation. */
    public static final int FUSE_FIRST = 0b01;
    public static final int FUSE_SECOND = 0b10;

    public SubmissionQueueEntry {
        Bits.checkRange("opcode", opcode, 0, 0xFF);
        Bits.checkRange("FUSE", fuse, 0, 3);
        Bits.checkRange("PSDT", psdt, 0, 3);
        Bits.checkRange("CID", cid, 0, 0xFFFF);
    }

    public static SubmissionQueueEntry decode(byte[] b) {
        return decode(b, 0);
    }

    public static SubmissionQueueEntry decode(byte[] b, int off) {
        LittleEndian.requireLength(b, off + SIZE, "submission queue entry");
        int cdw0 = LittleEndian.u32(b, off);
        return new SubmissionQueueEntry(Bits.field(cdw0, 7, 0), Bits.field(cdw0, 9, 8), Bits.field(cdw0, 15, 14),
                Bits.field(cdw0, 31, 16), LittleEndian.u32(b, off + 4), LittleEndian.u32(b, off + 8),
                LittleEndian.u32(b, off + 12), LittleEndian.u64(b, off + 16), LittleEndian.u64(b, off + 24),
                LittleEndian.u64(b, off + 32), LittleEndian.u32(b, off + 40), LittleEndian.u32(b, off + 44),
                LittleEndian.u32(b, off + 48), LittleEndian.u32(b, off + 52), LittleEndian.u32(b, off + 56),
                LittleEndian.u32(b, off + 60));
    }

    /** From the front end's {@code cmd_sqe[511:0]}: byte 0 of the entry is bits 7:0. */
    public static SubmissionQueueEntry fromBusWord(BigInteger sqe) {
        return decode(LittleEndian.fromBusWord(sqe, SIZE));
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        LittleEndian.put32(b, 0, cdw0());
        LittleEndian.put32(b, 4, nsid);
        LittleEndian.put32(b, 8, cdw2);
        LittleEndian.put32(b, 12, cdw3);
        LittleEndian.put64(b, 16, mptr);
        LittleEndian.put64(b, 24, prp1);
        LittleEndian.put64(b, 32, prp2);
        int[] tail = {cdw10, cdw11, cdw12, cdw13, cdw14, cdw15};
        for (int i = 0; i < tail.length; i++) {
            LittleEndian.put32(b, 40 + 4 * i, tail[i]);
        }
        return b;
    }

    /** The 512-bit bus word, byte 0 in bits 7:0. */
    public BigInteger toBusWord() {
        return LittleEndian.toBusWord(encode());
    }

    /** Command Dword 0. */
    public int cdw0() {
        return opcode | fuse << 8 | psdt << 14 | cid << 16;
    }

    public boolean usesSgl() {
        return psdt != PSDT_PRP;
    }

    /** DPTR read as SGL1 (bytes 24..39). */
    public SglDescriptor sgl1() {
        byte[] b = new byte[SglDescriptor.SIZE];
        LittleEndian.put64(b, 0, prp1);
        LittleEndian.put64(b, 8, prp2);
        return SglDescriptor.decode(b, 0);
    }

    /** A copy with DPTR set to SGL1 and PSDT to 01b if it was PRP. */
    public SubmissionQueueEntry withSgl1(SglDescriptor sgl) {
        byte[] b = sgl.encode();
        return toBuilder().psdt(psdt == PSDT_PRP ? PSDT_SGL_CONTIGUOUS_METADATA : psdt)
                .prp1(LittleEndian.u64(b, 0)).prp2(LittleEndian.u64(b, 8)).build();
    }

    public SubmissionQueueEntry withCid(int newCid) {
        return toBuilder().cid(newCid).build();
    }

    public static Builder builder(int opcode) {
        return new Builder().opcode(opcode);
    }

    public static Builder builder(AdminOpcode opcode) {
        return builder(opcode.value());
    }

    public static Builder builder(NvmOpcode opcode) {
        return builder(opcode.value());
    }

    public Builder toBuilder() {
        return new Builder().opcode(opcode).fuse(fuse).psdt(psdt).cid(cid).nsid(nsid).cdw2(cdw2).cdw3(cdw3)
                .mptr(mptr).prp1(prp1).prp2(prp2).cdw10(cdw10).cdw11(cdw11).cdw12(cdw12).cdw13(cdw13)
                .cdw14(cdw14).cdw15(cdw15);
    }

    /** Mutable builder: commands have sixteen fields and most are zero. */
    public static final class Builder {
        private int opcode, fuse, psdt, cid, nsid, cdw2, cdw3, cdw10, cdw11, cdw12, cdw13, cdw14, cdw15;
        private long mptr, prp1, prp2;

        private Builder() {
        }

        public Builder opcode(int v) { opcode = v; return this; }
        public Builder fuse(int v) { fuse = v; return this; }
        public Builder psdt(int v) { psdt = v; return this; }
        public Builder cid(int v) { cid = v; return this; }
        public Builder nsid(int v) { nsid = v; return this; }
        public Builder cdw2(int v) { cdw2 = v; return this; }
        public Builder cdw3(int v) { cdw3 = v; return this; }
        public Builder mptr(long v) { mptr = v; return this; }
        public Builder prp1(long v) { prp1 = v; return this; }
        public Builder prp2(long v) { prp2 = v; return this; }
        public Builder cdw10(int v) { cdw10 = v; return this; }
        public Builder cdw11(int v) { cdw11 = v; return this; }
        public Builder cdw12(int v) { cdw12 = v; return this; }
        public Builder cdw13(int v) { cdw13 = v; return this; }
        public Builder cdw14(int v) { cdw14 = v; return this; }
        public Builder cdw15(int v) { cdw15 = v; return this; }

        /** Sets PRP1/PRP2 from a mapping made by {@link PrpBuilder}, with PSDT 00b. */
        public Builder dataPointer(PrpMapping m) {
            psdt = PSDT_PRP;
            prp1 = m.prp1();
            prp2 = m.prp2();
            return this;
        }

        /** Sets DPTR to SGL1 from a mapping made by {@link SglBuilder}, with PSDT 01b. */
        public Builder dataPointer(SglMapping m) {
            byte[] b = m.sgl1().encode();
            psdt = PSDT_SGL_CONTIGUOUS_METADATA;
            prp1 = LittleEndian.u64(b, 0);
            prp2 = LittleEndian.u64(b, 8);
            return this;
        }

        public SubmissionQueueEntry build() {
            return new SubmissionQueueEntry(opcode, fuse, psdt, cid, nsid, cdw2, cdw3, mptr, prp1, prp2, cdw10,
                    cdw11, cdw12, cdw13, cdw14, cdw15);
        }
    }
}
