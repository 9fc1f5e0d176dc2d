package dev.nvmekit.testbench.nvme;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A 16-byte completion queue entry (NVMe Base Specification 2.0, section 4.6, Figure 97):
 * DW0 at 0, DW1 at 4, SQ Head Pointer at 8, SQ Identifier at 10, Command Identifier at 12, and
 * at 14 the Phase Tag (bit 0) followed by the 15-bit status field (bits 15:1).
 */
public record CompletionQueueEntry(int dw0, int dw1, int sqHead, int sqId, int cid, boolean phase,
                                   CompletionStatus status) {
    public static final int SIZE = 16;

    public CompletionQueueEntry {
        Bits.checkRange("SQHD", sqHead, 0, 0xFFFF);
        Bits.checkRange("SQID", sqId, 0, 0xFFFF);
        Bits.checkRange("CID", cid, 0, 0xFFFF);
        Objects.requireNonNull(status, "status");
    }

    public static CompletionQueueEntry decode(byte[] b) {
        return decode(b, 0);
    }

    public static CompletionQueueEntry decode(byte[] b, int off) {
        LittleEndian.requireLength(b, off + SIZE, "completion queue entry");
        int dw3hi = LittleEndian.u16(b, off + 14);
        return new CompletionQueueEntry(LittleEndian.u32(b, off), LittleEndian.u32(b, off + 4),
                LittleEndian.u16(b, off + 8), LittleEndian.u16(b, off + 10), LittleEndian.u16(b, off + 12),
                (dw3hi & 1) != 0, CompletionStatus.fromField(dw3hi >>> 1));
    }

    public static CompletionQueueEntry fromBusWord(BigInteger cqe) {
        return decode(LittleEndian.fromBusWord(cqe, SIZE));
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        LittleEndian.put32(b, 0, dw0);
        LittleEndian.put32(b, 4, dw1);
        LittleEndian.put16(b, 8, sqHead);
        LittleEndian.put16(b, 10, sqId);
        LittleEndian.put16(b, 12, cid);
        LittleEndian.put16(b, 14, statusAndPhase());
        return b;
    }

    /** The 128-bit bus word, byte 0 in bits 7:0. */
    public BigInteger toBusWord() {
        return LittleEndian.toBusWord(encode());
    }

    /** Bits 31:16 of DW3 as written to memory: status field above the phase tag. */
    public int statusAndPhase() {
        return status.toField() << 1 | (phase ? 1 : 0);
    }

    public CompletionQueueEntry withPhase(boolean p) {
        return new CompletionQueueEntry(dw0, dw1, sqHead, sqId, cid, p, status);
    }
}
