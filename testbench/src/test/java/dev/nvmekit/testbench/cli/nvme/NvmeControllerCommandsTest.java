package dev.nvmekit.testbench.cli.nvme;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** format, sanitize, sanitize-log and reset, which change the whole device, on a device of their own. */
class NvmeControllerCommandsTest {
    static NvmeCliRun ok(DeviceSession d, String... args) {
        NvmeCliRun r = NvmeCliRun.on(d, args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    @Test
    void formatToFourKiBThenSanitizeThenReset() {
        try (DeviceSession d = DeviceSession.boot(null)) {
            assertEquals("Success formatting namespace:1\n", ok(d, "format", "/dev/nvme0n1", "--lbaf=1", "--force").out());
            NvmeCliRun ns = ok(d, "id-ns", "/dev/nvme0n1");
            assertTrue(ns.out().contains("nsze    : 0x4000\n"), ns.out());
            assertTrue(ns.out().contains("lbaf  1 : ms:0   lbads:12 rp:0 (in use)\n"), ns.out());
            // The rescan after the format lets the next read use 4 KiB blocks.
            NvmeCliRun read = ok(d, "read", "/dev/nvme0n1", "-s", "0", "-c", "0");
            assertTrue(read.out().contains("\n0ff0:") && !read.out().contains("\n1000:"), read.out());

            NvmeCliRun bad = NvmeCliRun.on(d, "format", "/dev/nvme0n1", "--lbaf=5");
            assertEquals(1, bad.code(), bad.toString());
            assertEquals("NVMe status: Invalid Format: The LBA Format specified is not supported(0x410a)\n", bad.err());

            assertEquals("", ok(d, "sanitize", "/dev/nvme0", "--sanact=start-block-erase").out());
            NvmeCliRun log = ok(d, "sanitize-log", "/dev/nvme0");
            assertTrue(Pattern.compile("^Sanitize Command Dword 10 Information \\(SCDW10\\) :  0x2$", Pattern.MULTILINE)
                    .matcher(log.out()).find(), log.out());
            assertTrue(log.out().contains("Sanitize Status                        (SSTAT) :  0x2\n"), log.out());
            assertTrue(ok(d, "sanitize-log", "/dev/nvme0", "-H").out().contains("  [2:0] : Sanitize Operation Status  : 0x2\tSanitize in Progress.\n"));
            NvmeCliRun busy = NvmeCliRun.on(d, "read", "/dev/nvme0n1", "-s", "0");
            assertEquals("NVMe status: Sanitize In Progress: The requested function is prohibited while a sanitize operation is in progress(0x1d)\n", busy.err(), busy.toString());
            // The block erase of 64 MiB takes about 64k cycles (256 us); let simulated time pass.
            ok(d, "sleep", "1ms");
            NvmeCliRun done = ok(d, "sanitize-log", "/dev/nvme0", "-o", "json");
            assertTrue(done.out().contains("\"cdw10_info\":2,") && done.out().contains("\"sprog\":65535,"), done.out());
            assertTrue(done.out().contains("\"status\":\"(1) Most Recent Sanitize Command Completed Successfully.\""), done.out());
            assertTrue(ok(d, "read", "/dev/nvme0n1", "-s", "0", "-c", "0").out().contains("0000: 00 00 00 00"));

            assertEquals("", ok(d, "reset", "/dev/nvme0").out());
            assertTrue(ok(d, "show-regs", "/dev/nvme0", "-H").out().contains("(RDY): Yes"));
        }
    }
}
