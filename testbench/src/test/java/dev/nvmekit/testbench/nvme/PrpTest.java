package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PrpTest {
    private static final int KIB = 1024;
    private final SparseHostMemory memory = new SparseHostMemory();
    private final PrpBuilder builder = new PrpBuilder(memory);
    private final long aligned = memory.allocate(16L << 20, 4096);

    @Test
    void fourKibAlignedIsPrp1Only() {
        PrpMapping m = builder.map(aligned, 4 * KIB);
        assertEquals(aligned, m.prp1());
        assertEquals(0, m.prp2());
        assertFalse(m.usesList());
    }

    @Test
    void fourKibUnalignedNeedsPrp2() {
        PrpMapping m = builder.map(aligned + 512, 4 * KIB);
        assertEquals(aligned + 4096, m.prp2());
        assertFalse(m.usesList());
    }

    @Test
    void eightKibAlignedIsPrp1AndSecondDataPage() {
        PrpMapping m = builder.map(aligned, 8 * KIB);
        assertEquals(aligned, m.prp1());
        assertEquals(aligned + 4096, m.prp2());
        assertFalse(m.usesList());
    }

    @Test
    void sixtyFourKibUsesASmallList() {
        // Aligned: PRP1 covers the first page, the list the other 15.
        PrpMapping a = builder.map(aligned, 64 * KIB);
        assertEquals(15, a.listEntryCount());
        assertTrue(a.lists().getFirst().fromSmallPool());
        assertEquals(0, a.prp2() % 256);
        // Unaligned: PRP1 covers less than a page, so the data touches 17 pages and the list has 16,
        // which is the count the design notes give for 64 KiB.
        PrpMapping u = builder.map(aligned + 0x200, 64 * KIB);
        assertEquals(16, u.listEntryCount());
        assertEquals(aligned + 0x200, u.prp1());
        assertEquals(aligned + 4096, u.lists().getFirst().entries().getFirst());
    }

    @Test
    void fiveHundredTwelveKibUsesAPageList() {
        PrpMapping a = builder.map(aligned, 512 * KIB);
        assertEquals(127, a.listEntryCount());
        assertFalse(a.lists().getFirst().fromSmallPool());
        assertEquals(0, a.prp2() % 4096);
        assertEquals(1, a.lists().size());
        assertEquals(128, builder.map(aligned + 8, 512 * KIB).listEntryCount());
    }

    @Test
    void thirtyTwoEntriesStillFitTheSmallPool() {
        assertTrue(builder.map(aligned, 33 * 4 * KIB).lists().getFirst().fromSmallPool());
        assertFalse(builder.map(aligned, 34 * 4 * KIB).lists().getFirst().fromSmallPool());
    }

    @Test
    void fullListDoesNotChainUnlessMoreFollow() {
        // 513 pages aligned: 512 list entries fill one page exactly, no chain.
        PrpMapping m = builder.map(aligned, 513L * 4096);
        assertEquals(1, m.lists().size());
        assertEquals(512, m.listEntryCount());
        assertEquals(m.length(), total(PrpWalker.walk(m.prp1(), m.prp2(), m.length(), 4096, memory)));
    }

    @Test
    void chainsBeyondFiveHundredTwelveEntries() {
        // 514 pages aligned: 513 list entries -> 511 data + chain pointer, then 2 in the next list.
        PrpMapping m = builder.map(aligned, 514L * 4096);
        assertEquals(2, m.lists().size());
        PrpList first = m.lists().getFirst();
        assertTrue(first.chained());
        assertEquals(512, first.entries().size());
        assertEquals(m.lists().get(1).address(), first.entries().getLast());
        assertEquals(m.lists().get(1).address(), memory.readLong(first.address() + 511 * 8));
        assertEquals(List.of(aligned + 512L * 4096, aligned + 513L * 4096), m.lists().get(1).entries());
        assertEquals(513, m.listEntryCount());
        // 4 MiB aligned: 1023 list entries = 511 + 512.
        PrpMapping big = builder.map(aligned, 4L << 20);
        assertEquals(2, big.lists().size());
        assertEquals(1023, big.listEntryCount());
    }

    @Test
    void walkerFollowsWhatTheBuilderWrote() {
        for (long len : new long[] {4, 4096, 8192, 65536, 512 * KIB, 514L * 4096, 8L << 20}) {
            for (long off : new long[] {0, 4, 0x200, 0xFFC}) {
                PrpMapping m = builder.map(aligned + off, len);
                List<DmaSegment> segs = PrpWalker.walk(m.prp1(), m.prp2(), len, 4096, memory);
                assertEquals(List.of(new DmaSegment(aligned + off, len)), PrpWalker.coalesce(segs), len + "@" + off);
                assertEquals(m.dataEntries(), segs.stream().map(DmaSegment::address).toList());
                builder.release(m);
            }
        }
    }

    @Property(tries = 100)
    void walkerInvertsBuilder(@ForAll @IntRange(max = 1023) int dwordOffset,
                              @ForAll @LongRange(min = 1, max = 3L << 20) long length) {
        var mem = new SparseHostMemory();
        long base = mem.allocate(4L << 20, 4096);
        PrpMapping m = new PrpBuilder(mem).map(base + 4L * dwordOffset, length);
        List<DmaSegment> segs = PrpWalker.walk(m.prp1(), m.prp2(), length, 4096, mem);
        assertEquals(List.of(new DmaSegment(base + 4L * dwordOffset, length)), PrpWalker.coalesce(segs));
    }

    @Test
    void scatterListWithPageAlignedInnerBoundaries() {
        long a = memory.allocate(8192, 4096);
        long b = memory.allocate(4096, 4096);
        PrpMapping m = builder.map(List.of(new DmaSegment(a + 4096 + 0x100, 4096 - 0x100), new DmaSegment(b, 4096),
                new DmaSegment(a, 100)));
        assertEquals(List.of(a + 4096 + 0x100, b, a), m.dataEntries());
        assertThrows(IllegalArgumentException.class,
                () -> builder.map(List.of(new DmaSegment(a, 100), new DmaSegment(b, 4096))));
    }

    @Test
    void largerMemoryPageSize() {
        var mem = new SparseHostMemory();
        long base = mem.allocate(1 << 20, 16384);
        PrpMapping m = new PrpBuilder(mem, 16384).map(base, 64 * KIB);
        assertEquals(3, m.listEntryCount());
        assertEquals(4, PrpWalker.walk(m.prp1(), m.prp2(), 64 * KIB, 16384, mem).size());
    }

    @Test
    void prp1MustBeDwordAligned() {
        var e = assertThrows(DataPointerException.class, () -> PrpWalker.walk(aligned + 2, 0, 512, 4096, memory));
        assertTrue(e.status().is(StatusCode.PRP_OFFSET_INVALID));
        assertTrue(e.status().dnr());
    }

    @Test
    void prp2DataPointerMustHaveNoOffset() {
        assertThrows(DataPointerException.class, () -> PrpWalker.walk(aligned, aligned + 4096 + 4, 8192, 4096, memory));
    }

    @Test
    void prpListEntriesMustHaveNoOffset() {
        PrpMapping m = builder.map(aligned, 64 * KIB);
        memory.writeLong(m.prp2() + 8 * 3, aligned + 0x1000 * 4 + 0x10);
        var e = assertThrows(DataPointerException.class,
                () -> PrpWalker.walk(m.prp1(), m.prp2(), 64 * KIB, 4096, memory));
        assertEquals(0x4013, e.status().toField());
    }

    @Test
    void chainPointerMustHaveNoOffset() {
        PrpMapping m = builder.map(aligned, 514L * 4096);
        memory.writeLong(m.lists().getFirst().address() + 511 * 8, m.lists().get(1).address() + 8);
        assertThrows(DataPointerException.class, () -> PrpWalker.walk(m.prp1(), m.prp2(), m.length(), 4096, memory));
    }

    @Test
    void listPointerMayHaveAnOffsetButMustBeQwordAligned() {
        assertThrows(DataPointerException.class, () -> PrpWalker.walk(aligned, aligned + 0x104, 3 * 4096, 4096, memory));
        long list = memory.allocate(4096, 4096) + 0xFF8; // one entry left in the page
        memory.writeLong(list, aligned + 0x3000);
        memory.writeLong(aligned + 0x3000, 0); // harmless
        // Three pages: PRP1 + two list entries; the page's last slot then chains to the next list.
        long next = memory.allocate(4096, 4096);
        memory.writeLong(list, next);
        memory.writeLong(next, aligned + 0x1000);
        memory.writeLong(next + 8, aligned + 0x2000);
        assertEquals(List.of(new DmaSegment(aligned, 3 * 4096)),
                PrpWalker.coalesce(PrpWalker.walk(aligned, list, 3 * 4096, 4096, memory)));
    }

    @Test
    void releaseReturnsListMemory() {
        int before = memory.liveAllocations();
        PrpMapping m = builder.map(aligned, 4L << 20);
        assertEquals(before + 2, memory.liveAllocations());
        builder.release(m);
        assertEquals(before, memory.liveAllocations());
        // Freed pool blocks are reused, as a DMA pool would.
        assertEquals(m.lists().getFirst().address(), builder.map(aligned, 1L << 20).prp2());
    }

    @Test
    void zeroLengthTransfersIgnoreThePointers() {
        assertTrue(PrpWalker.walk(3, 5, 0, 4096, memory).isEmpty());
    }

    private static long total(List<DmaSegment> segs) {
        return segs.stream().mapToLong(DmaSegment::length).sum();
    }
}
