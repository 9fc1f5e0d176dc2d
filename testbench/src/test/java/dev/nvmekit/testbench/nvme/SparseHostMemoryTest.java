package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparseHostMemoryTest {

    @Test
    void unwrittenMemoryReadsZeroAndAllocatesNothing() {
        var m = new SparseHostMemory();
        assertArrayEquals(new byte[100], m.read(0xFFFF_0000_0000L, 100));
        assertEquals(0, m.residentPages());
    }

    @Test
    void writesSpanPages() {
        var m = new SparseHostMemory();
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        m.write(0x7_0000_0FF0L, data);
        assertEquals(4, m.residentPages());
        assertArrayEquals(data, m.read(0x7_0000_0FF0L, data.length));
        m.writeLong(0x10, 0x0102_0304_0506_0708L);
        assertEquals(8, m.read(0x10, 1)[0]);
        assertEquals(0x0102_0304_0506_0708L, m.readLong(0x10));
    }

    @Test
    void allocatorAlignsAndReuses() {
        var m = new SparseHostMemory(0x1000_0010L);
        long a = m.allocate(256, 256);
        assertEquals(0, a % 256);
        long p = m.allocate(4096, 4096);
        assertEquals(0, p % 4096);
        long b = m.allocate(256, 256);
        assertNotEquals(a, b);
        m.free(a);
        assertEquals(a, m.allocate(256, 256));
        assertEquals(3, m.liveAllocations());
        assertThrows(IllegalArgumentException.class, () -> m.free(a + 1));
        assertThrows(IllegalArgumentException.class, () -> m.allocate(10, 3));
    }
}
