package dev.nvmekit.testbench.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {
    @TempDir
    Path dir;

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void unwrittenBlocksReadZeroAndWrittenOnesReadBack() {
        MediaStore store = new MediaStore();
        NamespaceMedia ns = store.create(1, 100, 512, 0, true);
        assertArrayEquals(new byte[1024], ns.read(10, 2));
        ns.write(10, filled(1024, 0xA5));
        assertArrayEquals(filled(1024, 0xA5), ns.read(10, 2));
        assertEquals(2, ns.allocatedBlocks());
        ns.deallocate(10, 1);
        assertArrayEquals(new byte[512], ns.read(10, 1));
        assertEquals(1, ns.allocatedBlocks());
    }

    @Test
    void outOfRangeAndPartialBlocksAreRejected() {
        NamespaceMedia ns = new MediaStore().create(1, 8, 512, 0, true);
        assertThrows(IllegalArgumentException.class, () -> ns.read(7, 2));
        assertThrows(IllegalArgumentException.class, () -> ns.write(0, new byte[100]));
        assertThrows(IllegalArgumentException.class, () -> ns.deallocate(-1, 1));
    }

    @Test
    void overwriteKeepsBlocksAllocatedWithThePattern() {
        NamespaceMedia ns = new MediaStore().create(1, 4, 512, 0, true);
        ns.write(0, filled(512, 1));
        ns.overwrite(0xDEADBEEF);
        byte[] b = ns.read(0, 1);
        assertEquals((byte) 0xEF, b[0]);
        assertEquals((byte) 0xDE, b[511]);
        assertEquals(4, ns.allocatedBlocks());
        ns.deallocate(2, 1);
        assertArrayEquals(new byte[512], ns.read(2, 1));
        assertEquals(3, ns.allocatedBlocks());
        assertFalse(ns.allocated(2));
        ns.erase();
        assertEquals(0, ns.allocatedBlocks());
        assertArrayEquals(new byte[512], ns.read(0, 1));
    }

    @Test
    void reformatKeepsTheBytesAndDropsTheData() {
        NamespaceMedia ns = new MediaStore().create(1, 80, 512, 0, true);
        ns.write(0, filled(512, 9));
        ns.reformat(1, 4096);
        assertEquals(10, ns.size());
        assertEquals(4096, ns.blockSize());
        assertEquals(1, ns.lbaFormatIndex());
        assertArrayEquals(new byte[4096], ns.read(0, 1));
    }

    @Test
    void writeZeroesWithAndWithoutDeallocation() {
        NamespaceMedia ns = new MediaStore().create(1, 8, 512, 0, true);
        ns.write(0, filled(4096, 7));
        ns.writeZeroes(0, 2, false);
        ns.writeZeroes(2, 2, true);
        assertArrayEquals(new byte[2048], ns.read(0, 4));
        assertTrue(ns.allocated(0));
        assertFalse(ns.allocated(2));
    }

    @Test
    void saveAndLoadRoundTrip() {
        MediaStore store = new MediaStore();
        NamespaceMedia a = store.create(1, 64, 512, 0, true);
        a.write(3, filled(512, 0x3C));
        NamespaceMedia b = store.create(2, 16, 4096, 1, false);
        b.overwrite(0x01020304);
        b.deallocate(5, 1);
        store.countPowerCycle();
        store.addPoweredCycles(12345);
        Path file = dir.resolve("media.img");
        store.save(file);

        MediaStore loaded = MediaStore.load(file);
        assertEquals(1, loaded.powerCycles());
        assertEquals(12345, loaded.poweredCycles());
        NamespaceMedia la = loaded.namespace(1).orElseThrow();
        assertArrayEquals(a.read(0, 64), la.read(0, 64));
        assertTrue(la.attached());
        NamespaceMedia lb = loaded.namespace(2).orElseThrow();
        assertFalse(lb.attached());
        assertEquals(1, lb.lbaFormatIndex());
        assertArrayEquals(b.read(0, 16), lb.read(0, 16));
        assertEquals(15, lb.allocatedBlocks());
    }

    @Test
    void loadingSomethingElseSaysSo() throws IOException {
        Path junk = dir.resolve("junk");
        Files.writeString(junk, "not media");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MediaStore.load(junk));
        assertTrue(e.getMessage().contains("not a saved media image"), e.getMessage());
    }

    @Test
    void namespaceIdentifiersAreChecked() {
        MediaStore store = new MediaStore();
        store.create(1, 1, 512, 0, true);
        assertThrows(IllegalArgumentException.class, () -> store.create(1, 1, 512, 0, true));
        assertThrows(IllegalArgumentException.class, () -> store.create(0, 1, 512, 0, true));
        assertThrows(IllegalArgumentException.class, () -> store.create(-1, 1, 512, 0, true));
        assertTrue(store.delete(1));
        assertFalse(store.delete(1));
    }

    @Test
    void mediaAccessStripesPages() {
        Media m = new Media(new MediaConfig(2, 4096, 10, 100, 1000, 4));
        // 8 KiB from offset 0 spans two pages on the two channels.
        long t = m.access(MediaOperation.READ, 2, 0, 8192, 0);
        assertEquals(10, t);
        assertEquals(0, m.access(MediaOperation.READ, 2, 0, 0, 0));
    }
}
