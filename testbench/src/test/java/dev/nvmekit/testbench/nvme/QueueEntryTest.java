package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QueueEntryTest {

    @Test
    void identifyCommandBytesAreWhereTheSpecPutsThem() {
        var sqe = SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY).cid(0x1234).nsid(0xFFFF_FFFF)
                .prp1(0x1_0000_2000L).cdw10(1).build();
        byte[] b = sqe.encode();
        assertEquals(64, b.length);
        assertEquals(0x06, b[0]);
        assertEquals(0x34, b[2]);
        assertEquals(0x12, b[3]);
        assertEquals((byte) 0xFF, b[4]);
        assertEquals(0x00, b[24]);
        assertEquals(0x20, b[25]);
        assertEquals(0x01, b[28]); // PRP1 bits 39:32
        assertEquals(0x01, b[40]); // CDW10 CNS = 01h
    }

    @Test
    void busWordHasByteZeroInLowBits() {
        var sqe = SubmissionQueueEntry.builder(NvmOpcode.READ).cid(7).cdw15(0xA5000000).build();
        BigInteger w = sqe.toBusWord();
        assertEquals(0x02, w.and(BigInteger.valueOf(0xFF)).intValue());
        assertEquals(7, w.shiftRight(16).and(BigInteger.valueOf(0xFFFF)).intValue());
        assertEquals(0xA5, w.shiftRight(504).intValue());
        assertEquals(sqe, SubmissionQueueEntry.fromBusWord(w));
    }

    @Property(tries = 300)
    void sqeRoundTrips(@ForAll @IntRange(max = 255) int opc, @ForAll @IntRange(max = 3) int fuse,
                       @ForAll @IntRange(max = 3) int psdt, @ForAll @IntRange(max = 0xFFFF) int cid,
                       @ForAll int nsid, @ForAll long mptr, @ForAll long prp1, @ForAll long prp2,
                       @ForAll int c10, @ForAll int c11, @ForAll int c15) {
        var sqe = new SubmissionQueueEntry(opc, fuse, psdt, cid, nsid, c10 ^ 1, c11 ^ 2, mptr, prp1, prp2, c10, c11,
                ~c10, ~c11, c15 ^ 3, c15);
        assertEquals(sqe, SubmissionQueueEntry.decode(sqe.encode()));
        assertEquals(sqe, SubmissionQueueEntry.fromBusWord(sqe.toBusWord()));
        assertEquals(sqe, sqe.toBuilder().build());
    }

    @Test
    void cdw0Packing() {
        var sqe = SubmissionQueueEntry.builder(1).fuse(SubmissionQueueEntry.FUSE_SECOND).psdt(2).cid(0xBEEF).build();
        assertEquals(0xBEEF_8201, sqe.cdw0());
        assertTrue(sqe.usesSgl());
    }

    @Test
    void sgl1SharesTheDataPointerBytes() {
        var sqe = SubmissionQueueEntry.builder(NvmOpcode.WRITE).build()
                .withSgl1(new SglDescriptor.DataBlock(0xABCD_0000L, 8192));
        assertEquals(SubmissionQueueEntry.PSDT_SGL_CONTIGUOUS_METADATA, sqe.psdt());
        byte[] b = sqe.encode();
        assertEquals(0x00, b[39]); // SGL identifier: Data Block, address sub type
        assertEquals(0x20, b[33]); // length 2000h at bytes 32..35
        assertEquals(new SglDescriptor.DataBlock(0xABCD_0000L, 8192), sqe.sgl1());
    }

    @Test
    void completionStatusAndPhaseLayout() {
        var cqe = new CompletionQueueEntry(0xDEAD_BEEF, 0, 5, 1, 0x42, true,
                StatusCode.INVALID_FIELD_IN_COMMAND.doNotRetry());
        byte[] b = cqe.encode();
        assertEquals(16, b.length);
        assertEquals(5, b[8]);
        assertEquals(1, b[10]);
        assertEquals(0x42, b[12]);
        // status 4002h << 1 | phase = 8005h
        assertEquals(0x05, b[14] & 0xFF);
        assertEquals(0x80, b[15] & 0xFF);
        assertEquals(cqe, CompletionQueueEntry.decode(b));
        assertEquals(cqe, CompletionQueueEntry.fromBusWord(cqe.toBusWord()));
        assertFalse(cqe.withPhase(false).phase());
    }

    @Property(tries = 300)
    void cqeRoundTrips(@ForAll int dw0, @ForAll int dw1, @ForAll @IntRange(max = 0xFFFF) int sqhd,
                       @ForAll @IntRange(max = 0xFFFF) int sqid, @ForAll @IntRange(max = 0xFFFF) int cid,
                       @ForAll boolean phase, @ForAll @IntRange(max = 0x7FFF) int status) {
        var cqe = new CompletionQueueEntry(dw0, dw1, sqhd, sqid, cid, phase, CompletionStatus.fromField(status));
        assertArrayEquals(cqe.encode(), CompletionQueueEntry.decode(cqe.encode()).encode());
        assertEquals(cqe, CompletionQueueEntry.decode(cqe.encode()));
    }
}
