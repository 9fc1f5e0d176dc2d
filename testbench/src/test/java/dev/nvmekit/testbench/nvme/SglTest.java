package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SglTest {
    private final SparseHostMemory memory = new SparseHostMemory();

    @Test
    void descriptorLayout() {
        byte[] b = new SglDescriptor.LastSegment(0x1122_3344_5566_7788L, 0x30).encode();
        assertEquals(0x88, b[0] & 0xFF);
        assertEquals(0x11, b[7] & 0xFF);
        assertEquals(0x30, b[8]);
        assertEquals(0x30, b[15]); // type 3h in bits 7:4, sub type 0h
        assertEquals(0x10, new SglDescriptor.BitBucket(4).encode()[15]);
        assertEquals(0x20, new SglDescriptor.Segment(0, 16).encode()[15]);
        assertEquals(0x00, new SglDescriptor.DataBlock(0, 16).encode()[15]);
    }

    @Property(tries = 300)
    void descriptorRoundTrips(@ForAll @IntRange(max = 15) int type, @ForAll @IntRange(max = 15) int subtype,
                              @ForAll long address, @ForAll @LongRange(max = 0xFFFF_FFFFL) long length) {
        byte[] b = new SglDescriptor.Other(type, subtype, address, length).encode();
        SglDescriptor d = SglDescriptor.decode(b, 0);
        assertEquals(type, d.type());
        assertEquals(subtype, d.subtype());
        assertEquals(length, d.length());
        if (type != SglDescriptor.TYPE_BIT_BUCKET || subtype != 0) {
            assertEquals(address, d.address());
        }
        assertEquals(d, SglDescriptor.decode(d.encode(), 0));
    }

    @Test
    void singleSegmentIsAnInlineDataBlock() {
        SglMapping m = new SglBuilder(memory).map(0x5000, 12345);
        assertEquals(new SglDescriptor.DataBlock(0x5000, 12345), m.sgl1());
        assertTrue(m.segments().isEmpty());
        assertEquals(List.of(new DmaSegment(0x5000, 12345)), SglWalker.walk(m.sgl1(), 12345, memory));
    }

    @Test
    void severalSegmentsGoThroughALastSegment() {
        List<DmaSegment> data = List.of(new DmaSegment(0x10_0000, 100), DmaSegment.discard(28),
                new DmaSegment(0x20_0003, 4000));
        SglMapping m = new SglBuilder(memory).map(data);
        assertInstanceOf(SglDescriptor.LastSegment.class, m.sgl1());
        assertEquals(48, m.sgl1().length());
        assertEquals(0, m.sgl1().address() % 256);
        assertEquals(data, SglWalker.walk(m.sgl1(), 4128, memory));
    }

    @Test
    void chainedSegments() {
        List<DmaSegment> data = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            data.add(new DmaSegment(0x100_0000L + 0x10_000L * i, 512));
        }
        SglMapping m = new SglBuilder(memory, 4).map(data);
        // 10 data descriptors, 4 slots a segment: 3 + pointer, 3 + pointer, 4
        assertEquals(3, m.segments().size());
        assertInstanceOf(SglDescriptor.Segment.class, m.sgl1());
        assertEquals(64, m.sgl1().length());
        assertInstanceOf(SglDescriptor.Segment.class, m.segments().get(0).descriptors().getLast());
        assertInstanceOf(SglDescriptor.LastSegment.class, m.segments().get(1).descriptors().getLast());
        assertEquals(64, m.segments().get(1).descriptors().getLast().length());
        assertEquals(4, m.segments().get(2).descriptors().size());
        assertEquals(data, SglWalker.walk(m.sgl1(), 5120, memory));
    }

    @Property(tries = 50)
    void walkerInvertsBuilder(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 2, max = 9) int per) {
        var mem = new SparseHostMemory();
        List<DmaSegment> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            data.add(i % 5 == 4 ? DmaSegment.discard(i + 1) : new DmaSegment(0x4000_0000L + 0x1000L * i, 16L * (i + 1)));
        }
        SglMapping m = new SglBuilder(mem, per).map(data);
        assertEquals(data, SglWalker.walk(m.sgl1(), m.length(), mem));
    }

    @Test
    void lengthMismatches() {
        var sgl = new SglDescriptor.DataBlock(0x1000, 4096);
        var e = assertThrows(DataPointerException.class, () -> SglWalker.walk(sgl, 8192, memory));
        assertTrue(e.status().is(StatusCode.DATA_SGL_LENGTH_INVALID));
        assertThrows(DataPointerException.class, () -> SglWalker.walk(sgl, 512, memory));
        assertEquals(List.of(new DmaSegment(0x1000, 512)), SglWalker.walk(sgl, 512, memory, true));
    }

    @Test
    void unsupportedTypes() {
        var keyed = new SglDescriptor.Other(SglDescriptor.TYPE_KEYED_DATA_BLOCK, 0, 0x1000, 512);
        var e = assertThrows(DataPointerException.class, () -> SglWalker.walk(keyed, 512, memory));
        assertTrue(e.status().is(StatusCode.SGL_DESCRIPTOR_TYPE_INVALID));
        var offsetSubtype = SglDescriptor.decode(new SglDescriptor.Other(0, 1, 0, 512).encode(), 0);
        assertInstanceOf(SglDescriptor.Other.class, offsetSubtype);
    }

    @Test
    void structuralErrors() {
        long seg = memory.allocate(256, 256);
        var e = assertThrows(DataPointerException.class,
                () -> SglWalker.walk(new SglDescriptor.LastSegment(seg, 20), 0, memory));
        assertTrue(e.status().is(StatusCode.INVALID_SGL_SEGMENT_DESCRIPTOR));
        // a Segment descriptor in the middle of a segment
        write(seg, new SglDescriptor.Segment(seg, 32), new SglDescriptor.DataBlock(0x1000, 16));
        e = assertThrows(DataPointerException.class,
                () -> SglWalker.walk(new SglDescriptor.LastSegment(seg, 32), 16, memory));
        assertTrue(e.status().is(StatusCode.INVALID_NUMBER_OF_SGL_DESCRIPTORS));
        // a last segment that points onward
        write(seg, new SglDescriptor.DataBlock(0x1000, 16), new SglDescriptor.Segment(seg, 32));
        e = assertThrows(DataPointerException.class,
                () -> SglWalker.walk(new SglDescriptor.LastSegment(seg, 32), 16, memory));
        assertTrue(e.status().is(StatusCode.INVALID_SGL_SEGMENT_DESCRIPTOR));
        // a segment that loops onto itself is bounded
        write(seg, new SglDescriptor.DataBlock(0x1000, 0), new SglDescriptor.Segment(seg, 32));
        e = assertThrows(DataPointerException.class,
                () -> SglWalker.walk(new SglDescriptor.Segment(seg, 32), 16, memory));
        assertTrue(e.status().is(StatusCode.INVALID_NUMBER_OF_SGL_DESCRIPTORS));
    }

    private void write(long address, SglDescriptor... ds) {
        memory.write(address, new SglSegment(address, List.of(ds)).encode());
    }
}
