package dev.nvmekit.testbench.cli.nvme;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** read, write, compare, flush, write-zeroes and dsm on one booted device, with nvme-cli's options and messages. */
class NvmeIoCommandsTest {
    static DeviceSession device;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() {
        device = DeviceSession.boot(null);
    }

    @AfterAll
    static void powerOff() {
        device.close();
    }

    static NvmeCliRun ok(String... args) {
        NvmeCliRun r = NvmeCliRun.on(device, args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private Path randomFile(String name, int bytes, long seed) throws Exception {
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void writeReadAndCompareRoundTripWithZeroBasedBlockCounts() throws Exception {
        Path in = randomFile("in.bin", 8192, 1);
        NvmeCliRun w = ok("write", "/dev/nvme0n1", "--start-block=64", "--block-count=15", "--data-size=8192", "--data=" + in);
        assertEquals("write: Success\n", w.err());
        Path out = dir.resolve("out.bin");
        NvmeCliRun r = ok("read", "/dev/nvme0n1", "-s", "64", "-c", "15", "-z", "8192", "-d", out.toString());
        assertEquals("read: Success\n", r.err());
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        assertEquals("compare: Success\n", ok("compare", "/dev/nvme0n1", "-s", "64", "-c", "15", "-z", "8192", "-d", in.toString()).err());

        // -c 0 is one block: only the first 512 bytes were asked for.
        NvmeCliRun one = ok("read", "/dev/nvme0", "-n", "1", "-s", "65", "-c", "0");
        byte[] second = java.util.Arrays.copyOfRange(Files.readAllBytes(in), 512, 528);
        StringBuilder hex = new StringBuilder("0000:");
        for (byte b : second) hex.append(String.format(" %02x", b & 0xFF));
        assertTrue(one.out().contains(hex), one.out());
        assertTrue(one.out().contains("\n01f0:") && !one.out().contains("\n0200:"), one.out());
    }

    @Test
    void aMiscompareIsCompareFailureWithExitOne() throws Exception {
        Path in = randomFile("a.bin", 512, 2);
        ok("write", "/dev/nvme0n1", "-s", "300", "-d", in.toString());
        Path other = randomFile("b.bin", 512, 3);
        NvmeCliRun r = NvmeCliRun.on(device, "compare", "/dev/nvme0n1", "-s", "300", "-d", other.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("NVMe status: Compare Failure: The command failed due to a miscompare during a Compare command(0x4285)\n", r.err());
    }

    @Test
    void writeZeroesAndDeallocateLeaveZeroes() throws Exception {
        Path in = randomFile("c.bin", 4096, 4);
        ok("write", "/dev/nvme0n1", "-s", "1000", "-c", "7", "-d", in.toString());
        assertEquals("NVME Write Zeroes Success\n", ok("write-zeroes", "/dev/nvme0n1", "-s", "1000", "-c", "1").out());
        assertEquals("NVMe DSM: success\n", ok("dsm", "/dev/nvme0n1", "--slbs=1004", "--blocks=4", "--ad").out());
        Path out = dir.resolve("c.out");
        ok("read", "/dev/nvme0n1", "-s", "1000", "-c", "7", "-d", out.toString());
        byte[] expect = Files.readAllBytes(in);
        java.util.Arrays.fill(expect, 0, 1024, (byte) 0);     // write-zeroes of blocks 1000-1001
        java.util.Arrays.fill(expect, 2048, 4096, (byte) 0);  // deallocated 1004-1007 read as zeroes (DLFEAT 001b)
        assertArrayEquals(expect, Files.readAllBytes(out));
        assertEquals("NVMe Flush: success\n", ok("flush", "/dev/nvme0n1").out());
        // nvme-cli takes -o json on every command; one without a JSON printer prints its text.
        assertEquals("NVMe Flush: success\n", ok("flush", "/dev/nvme0n1", "-o", "json").out());
    }

    @Test
    void aSmallDataSizeIsRoundedUpAsNvmeCliDoes() {
        NvmeCliRun r = ok("read", "/dev/nvme0n1", "-s", "0", "-c", "1", "-z", "100");
        assertTrue(r.err().startsWith("Rounding data size to fit block count (1024 bytes)\n"), r.err());
        assertTrue(r.out().contains("\n03f0:"), r.out());
    }

    @Test
    void anLbaBeyondTheNamespaceIsLbaOutOfRange() {
        NvmeCliRun r = NvmeCliRun.on(device, "read", "/dev/nvme0n1", "-s", "0x20000");
        assertEquals(1, r.code(), r.toString());
        assertEquals("NVMe status: LBA Out of Range: The command references an LBA that exceeds the size of the namespace(0x4080)\n", r.err());
    }
}
