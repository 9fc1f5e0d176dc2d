package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RegistersTest {

    @Test
    void capFieldsSitAtTheirSpecBits() {
        // MQES 3FFh, CQR, TO 20 (10 s), DSTRD 2, CSS bit 0 and bit 6, MPSMIN 0, MPSMAX 4
        long cap = 0x3FFL | 1L << 16 | 20L << 24 | 2L << 32 | (0x41L << 37) | 4L << 52;
        ControllerCapabilities c = ControllerCapabilities.decode(cap);
        assertEquals(0x3FF, c.mqes());
        assertEquals(1024, c.maxQueueEntries());
        assertTrue(c.cqr());
        assertEquals(0, c.ams());
        assertEquals(10_000, c.readyTimeoutMillis());
        assertEquals(2, c.dstrd());
        assertEquals(16, c.doorbellStrideBytes());
        assertEquals(0x41, c.css());
        assertEquals(4096, c.minPageSize());
        assertEquals(65536, c.maxPageSize());
        assertEquals(cap, c.encode());
    }

    @Property(tries = 200)
    void capRoundTrips(@ForAll @IntRange(min = 1, max = 0xFFFF) int mqes, @ForAll boolean cqr,
                       @ForAll @IntRange(max = 3) int ams, @ForAll @IntRange(max = 255) int to,
                       @ForAll @IntRange(max = 15) int dstrd, @ForAll @IntRange(max = 255) int css,
                       @ForAll @IntRange(max = 15) int mpsmin, @ForAll @IntRange(max = 15) int mpsmax,
                       @ForAll boolean flag) {
        var c = new ControllerCapabilities(mqes, cqr, ams, to, dstrd, flag, css, !flag, ams, mpsmin, mpsmax, flag,
                !flag, flag, ams);
        assertEquals(c, ControllerCapabilities.decode(c.encode()));
    }

    @Test
    void linuxControllerConfigurationEncodesAsTraced() {
        // Trace of Linux 6.1 (linux-host-facts.md): CC <- 00460060h then 00460061h with CAP.CSS bit 6 set.
        var cap = new ControllerCapabilities(1023, true, 0, 20, 0, false, 0x41, false, 0, 0, 0, false, false,
                false, 0);
        assertEquals(0x0046_0060, ControllerConfiguration.linuxDefault(cap, false).encode());
        assertEquals(0x0046_0061, ControllerConfiguration.linuxDefault(cap, true).encode());
        var nvmOnly = ControllerCapabilities.frontEndDefaults(1024, 0, 20);
        assertEquals(0x0046_0001, ControllerConfiguration.linuxDefault(nvmOnly, true).encode());
    }

    @Property(tries = 200)
    void ccRoundTrips(@ForAll boolean en, @ForAll @IntRange(max = 7) int css, @ForAll @IntRange(max = 15) int mps,
                      @ForAll @IntRange(max = 7) int ams, @ForAll @IntRange(max = 3) int shn,
                      @ForAll @IntRange(max = 15) int sqes, @ForAll @IntRange(max = 15) int cqes,
                      @ForAll boolean crime) {
        var cc = new ControllerConfiguration(en, css, mps, ams, ControllerConfiguration.Shutdown.of(shn), sqes, cqes,
                crime);
        assertEquals(cc, ControllerConfiguration.decode(cc.encode()));
    }

    @Test
    void shutdownNotificationIsBits15To14() {
        var cc = ControllerConfiguration.decode(0x0046_4001);
        assertEquals(ControllerConfiguration.Shutdown.NORMAL, cc.shn());
        assertTrue(cc.enable());
        assertEquals(4096, cc.pageSize());
        assertEquals(ControllerConfiguration.Shutdown.RESERVED, ControllerConfiguration.decode(0xC000).shn());
        assertEquals(0xC000, ControllerConfiguration.decode(0xC000).encode());
        assertThrows(IllegalArgumentException.class, () -> ControllerConfiguration.Shutdown.of(4));
    }

    @Test
    void cstsDecodes() {
        var s = ControllerStatus.decode(0b1011001);
        assertTrue(s.ready());
        assertFalse(s.fatal());
        assertEquals(ControllerStatus.ShutdownStatus.COMPLETE, s.shst());
        assertTrue(s.nssro());
        assertFalse(s.paused());
        assertTrue(s.st());
        assertEquals(0b1011001, s.encode());
        assertTrue(ControllerStatus.isDeviceGone(0xFFFF_FFFF));
        assertTrue(ControllerStatus.decode(2).fatal());
        assertEquals(ControllerStatus.ShutdownStatus.RESERVED, ControllerStatus.decode(0b1100).shst());
        assertFalse(ControllerCapabilities.decode(0).isValid());
        assertTrue(ControllerCapabilities.frontEndDefaults(1024, 0, 20).isValid());
    }

    @Test
    void aqaAsLinuxWritesIt() {
        var aqa = AdminQueueAttributes.ofEntries(32, 32);
        assertEquals(0x001F_001F, aqa.encode());
        assertEquals(aqa, AdminQueueAttributes.decode(0x001F_001F));
        assertFalse(AdminQueueAttributes.decode(0).isValid());
        assertEquals(4096, AdminQueueAttributes.decode(0x0FFF_0FFF).completionQueueEntries());
    }

    @Test
    void versionLayout() {
        assertEquals(0x0001_0400, ControllerVersion.NVME_1_4.encode());
        assertEquals(new ControllerVersion(2, 0, 1), ControllerVersion.decode(0x0002_0001));
        assertTrue(ControllerVersion.NVME_2_0.compareTo(ControllerVersion.NVME_1_4) > 0);
    }

    @Test
    void doorbellOffsets() {
        assertEquals(0x1000, ControllerRegisters.submissionQueueTailDoorbell(0, 0));
        assertEquals(0x1004, ControllerRegisters.completionQueueHeadDoorbell(0, 0));
        assertEquals(0x1008, ControllerRegisters.submissionQueueTailDoorbell(1, 0));
        assertEquals(0x100C, ControllerRegisters.completionQueueHeadDoorbell(1, 0));
        // DSTRD 2: stride 16 bytes
        assertEquals(0x1000 + 3 * 16, ControllerRegisters.completionQueueHeadDoorbell(1, 2));
        assertEquals(0x1000 + 2L * 65535 * 4, ControllerRegisters.submissionQueueTailDoorbell(65535, 0));
        assertEquals(new ControllerRegisters.Doorbell(1, true), ControllerRegisters.decodeDoorbell(0x100C, 0));
        assertNull(ControllerRegisters.decodeDoorbell(0x1002, 0));
        assertNull(ControllerRegisters.decodeDoorbell(0x0FFC, 0));
        assertNull(ControllerRegisters.decodeDoorbell(0x1008, 2));
    }

    @Property(tries = 200)
    void doorbellDecodeInvertsEncode(@ForAll @IntRange(max = 0xFFFF) int qid, @ForAll @IntRange(max = 4) int dstrd,
                                     @ForAll boolean cq) {
        long off = cq ? ControllerRegisters.completionQueueHeadDoorbell(qid, dstrd)
                : ControllerRegisters.submissionQueueTailDoorbell(qid, dstrd);
        assertEquals(new ControllerRegisters.Doorbell(qid, cq), ControllerRegisters.decodeDoorbell(off, dstrd));
    }

    @Test
    void registerOffsets() {
        assertEquals(0x14, ControllerRegisters.CC);
        assertEquals(0x1C, ControllerRegisters.CSTS);
        assertEquals(0x24, ControllerRegisters.AQA);
        assertEquals(0x28, ControllerRegisters.ASQ);
        assertEquals(0x30, ControllerRegisters.ACQ);
    }
}
