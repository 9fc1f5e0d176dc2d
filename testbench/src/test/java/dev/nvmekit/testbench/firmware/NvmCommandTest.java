package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SglBuilder;
import dev.nvmekit.testbench.nvme.DmaSegment;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvmCommandTest {
    private final ProcessorBench b = new ProcessorBench();

    private static void assertStatus(StatusCode expected, Completion c) {
        assertTrue(c.status().is(expected), "expected " + expected.title() + ", got " + c.status());
    }

    @Test
    void writeThenReadOverPrpListsReturnsTheSameBytes() {
        byte[] data = ProcessorBench.pattern(64 * 1024, 1);
        assertTrue(b.write(1, 100, 512, data).status().isSuccess());
        assertArrayEquals(data, b.read(1, 100, 128, 512));
        // Part of it, at an offset, on the other side of a block boundary.
        byte[] part = b.read(1, 110, 3, 512);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 10 * 512, 13 * 512), part);
    }

    @Test
    void unalignedPrp1StillMovesEveryByte() {
        byte[] data = ProcessorBench.pattern(8 * 512, 2);
        long buf = b.memory.allocate(3 * 4096, 4096) + 0x200;
        b.memory.write(buf, data);
        Completion w = b.run(1, b.readWrite(NvmOpcode.WRITE, 1, 0, 8).dataPointer(b.prps.map(buf, data.length)));
        assertTrue(w.status().isSuccess());
        assertArrayEquals(data, b.read(1, 0, 8, 512));
    }

    @Test
    void sglWithSeveralSegmentsAndABitBucket() {
        SglBuilder sgl = new SglBuilder(b.memory, 2);
        byte[] data = ProcessorBench.pattern(4 * 4096, 3);
        long x = b.memory.allocate(4096, 4096);
        long y = b.memory.allocate(4096 * 3, 4096);
        b.memory.write(x, data, 0, 4096);
        b.memory.write(y, data, 4096, 3 * 4096);
        var map = sgl.map(List.of(new DmaSegment(x, 4096), new DmaSegment(y, 3 * 4096)));
        assertTrue(b.run(1, b.readWrite(NvmOpcode.WRITE, 2, 5, 4).dataPointer(map)).status().isSuccess());
        assertArrayEquals(data, b.read(2, 5, 4, 4096));
        // Read back through an SGL that discards the second block.
        long z = b.memory.allocate(3 * 4096, 4096);
        var rmap = sgl.map(List.of(new DmaSegment(z, 4096), DmaSegment.discard(4096), new DmaSegment(z + 4096, 2 * 4096)));
        assertTrue(b.run(1, b.readWrite(NvmOpcode.READ, 2, 5, 4).dataPointer(rmap)).status().isSuccess());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 0, 4096), b.memory.read(z, 4096));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 2 * 4096, 4 * 4096), b.memory.read(z + 4096, 2 * 4096));
    }

    @Test
    void sglIsRefusedWhenTheControllerDoesNotSupportIt() {
        ProcessorBench noSgl = new ProcessorBench(ProcessorBench.small().sglSupported(false).build());
        long buf = noSgl.memory.allocate(512, 4096);
        Completion c = noSgl.run(1, noSgl.readWrite(NvmOpcode.READ, 1, 0, 1).dataPointer(new SglBuilder(noSgl.memory).map(buf, 512)));
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, c);
        assertTrue(c.status().dnr());
        assertEquals(0, noSgl.fw.identifyController().sgls());
    }

    @Test
    void lbaRangeBeyondTheNamespace() {
        long buf = b.memory.allocate(4096, 4096);
        Completion c = b.run(1, b.readWrite(NvmOpcode.READ, 1, 2047, 2).dataPointer(b.prps.map(buf, 1024)));
        assertStatus(StatusCode.LBA_OUT_OF_RANGE, c);
        assertTrue(c.status().dnr());
        assertStatus(StatusCode.LBA_OUT_OF_RANGE, b.run(1, b.readWrite(NvmOpcode.WRITE_ZEROES, 1, -1L, 1)));
    }

    @Test
    void namespaceThatIsNotActive() {
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.run(1, b.readWrite(NvmOpcode.READ, 3, 0, 1)));
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.run(1, b.readWrite(NvmOpcode.READ, 0, 0, 1)));
        assertStatus(StatusCode.INVALID_NAMESPACE_OR_FORMAT, b.run(1, b.readWrite(NvmOpcode.FLUSH, 9, 0, 1)));
        assertTrue(b.run(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(-1)).status().isSuccess());
    }

    @Test
    void transfersAboveMdtsAreInvalid() {
        // MDTS 5 = 128 KiB; 257 blocks of 512 B is 128.5 KiB.
        long buf = b.memory.allocate(257 * 512, 4096);
        Completion c = b.run(1, b.readWrite(NvmOpcode.READ, 1, 0, 257).dataPointer(b.prps.map(buf, 257 * 512)));
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, c);
    }

    @Test
    void dmaFaultGivesDataTransferErrorAndAnErrorLogEntry() {
        long buf = b.memory.allocate(8192, 4096);
        b.fw.setDmaFault(DmaFault.range(buf + 4096, 4096));
        Completion c = b.run(1, b.readWrite(NvmOpcode.WRITE, 1, 0, 16).dataPointer(b.prps.map(buf, 8192)));
        assertStatus(StatusCode.DATA_TRANSFER_ERROR, c);
        assertFalse(c.status().dnr(), "a transfer error may be retried");
        assertEquals(c.cid(), b.fw.errorLog().getFirst().cid());
        assertEquals(1, b.fw.errorLog().getFirst().sqid());
        b.fw.setDmaFault(DmaFault.NONE);
        assertTrue(b.run(1, b.readWrite(NvmOpcode.WRITE, 1, 0, 16).dataPointer(b.prps.map(buf, 8192))).status().isSuccess());
    }

    @Test
    void faultOnAPrpListReadIsADataTransferErrorToo() {
        long buf = b.memory.allocate(16 * 4096, 4096);
        var map = b.prps.map(buf, 16 * 4096);
        b.fw.setDmaFault(DmaFault.range(map.prp2(), 8));
        assertStatus(StatusCode.DATA_TRANSFER_ERROR, b.run(1, b.readWrite(NvmOpcode.READ, 1, 0, 128).dataPointer(map)));
    }

    @Test
    void misalignedPrp1IsPrpOffsetInvalid() {
        Completion c = b.run(1, b.readWrite(NvmOpcode.READ, 1, 0, 1).prp1(0x1_0000_0002L));
        assertStatus(StatusCode.PRP_OFFSET_INVALID, c);
    }

    @Test
    void writeZeroesAndDeallocateReadAsZeros() {
        byte[] data = ProcessorBench.pattern(8 * 512, 4);
        b.write(1, 0, 512, data);
        assertTrue(b.run(1, b.readWrite(NvmOpcode.WRITE_ZEROES, 1, 0, 2)).status().isSuccess());
        assertTrue(b.run(1, b.readWrite(NvmOpcode.WRITE_ZEROES, 1, 2, 2).cdw12(1 | 1 << 25)).status().isSuccess());
        byte[] back = b.read(1, 0, 8, 512);
        assertArrayEquals(new byte[4 * 512], java.util.Arrays.copyOf(back, 4 * 512));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 2048, 4096), java.util.Arrays.copyOfRange(back, 2048, 4096));
        assertFalse(b.media.store().namespace(1).orElseThrow().allocated(2));
        assertTrue(b.media.store().namespace(1).orElseThrow().allocated(0));
    }

    @Test
    void datasetManagementDeallocatesRangesAndChecksThem() {
        b.write(1, 0, 512, ProcessorBench.pattern(16 * 512, 5));
        long ranges = b.memory.allocate(4096, 4096);
        ByteBuffer r = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(0, 0).putInt(4, 4).putLong(8, 2);     // LBAs 2..5
        r.putInt(16, 0).putInt(20, 2).putLong(24, 10); // LBAs 10..11
        b.memory.write(ranges, r.array());
        Completion c = b.run(1, SubmissionQueueEntry.builder(NvmOpcode.DATASET_MANAGEMENT).nsid(1).cdw10(1).cdw11(1 << 2)
                .dataPointer(b.prps.map(ranges, 32)));
        assertTrue(c.status().isSuccess());
        var ns = b.media.store().namespace(1).orElseThrow();
        assertEquals(10, ns.allocatedBlocks());
        assertArrayEquals(new byte[512], b.read(1, 11, 1, 512));
        r.putLong(8, 2047);
        b.memory.write(ranges, r.array());
        assertStatus(StatusCode.LBA_OUT_OF_RANGE, b.run(1, SubmissionQueueEntry.builder(NvmOpcode.DATASET_MANAGEMENT)
                .nsid(1).cdw10(0).cdw11(1 << 2).dataPointer(b.prps.map(ranges, 16))));
    }

    @Test
    void compareMatchesAndFails() {
        byte[] data = ProcessorBench.pattern(1024, 6);
        b.write(1, 40, 512, data);
        long buf = b.memory.allocate(1024, 4096);
        b.memory.write(buf, data);
        assertTrue(b.run(1, b.readWrite(NvmOpcode.COMPARE, 1, 40, 2).dataPointer(b.prps.map(buf, 1024))).status().isSuccess());
        b.memory.write(buf + 1000, new byte[] {(byte) ~data[1000]});
        Completion c = b.run(1, b.readWrite(NvmOpcode.COMPARE, 1, 40, 2).dataPointer(b.prps.map(buf, 1024)));
        assertStatus(StatusCode.COMPARE_FAILURE, c);
        assertEquals(2, c.status().sct());
    }

    @Test
    void unknownOpcodesAndFusedCommands() {
        assertStatus(StatusCode.INVALID_COMMAND_OPCODE, b.run(1, SubmissionQueueEntry.builder(0x7E).nsid(1)));
        // An admin opcode on an I/O queue means something else there, or nothing.
        assertStatus(StatusCode.INVALID_COMMAND_OPCODE, b.run(1, SubmissionQueueEntry.builder(0x06).nsid(1)));
        assertStatus(StatusCode.INVALID_FIELD_IN_COMMAND, b.run(1, b.readWrite(NvmOpcode.READ, 1, 0, 1).fuse(1)));
    }

    @Test
    void completionsCarryTheQueueAndCommandIdentifiers() {
        Completion c = b.run(7, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        assertEquals(7, c.sqid());
        assertEquals(CompletionStatus.SUCCESS, c.status());
    }
}
