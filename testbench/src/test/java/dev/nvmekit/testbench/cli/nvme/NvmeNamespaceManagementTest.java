package dev.nvmekit.testbench.cli.nvme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * create-ns, attach-ns, detach-ns and delete-ns against the firmware's Namespace Management and
 * Attachment (OACS bit 3): a namespace's life from creation to I/O to deletion, the spec's status
 * codes for the ways it can go wrong, and nvme-cli's output and checks.
 */
class NvmeNamespaceManagementTest {
    @TempDir
    Path dir;

    static NvmeCliRun ok(DeviceSession d, String... args) {
        NvmeCliRun r = NvmeCliRun.on(d, args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    static void fails(DeviceSession d, String status, String... args) {
        NvmeCliRun r = NvmeCliRun.on(d, args);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("NVMe status: " + status), r.toString());
    }

    @Test
    void aNamespaceIsCreatedAttachedUsedDetachedAndDeleted() throws Exception {
        try (DeviceSession d = DeviceSession.boot(null)) {
            assertTrue(ok(d, "id-ctrl", "/dev/nvme0", "-H").out().contains("  [3:3] : 0x1\tNS Management and Attachment Supported\n"));
            // 192 MiB of the 256 MiB are free (TNVMCAP - the first namespace's 64 MiB).
            assertTrue(ok(d, "id-ctrl", "/dev/nvme0").out().contains("unvmcap   : 201326592\n"));

            assertEquals("create-ns: success\nnsid: 2\n", ok(d, "create-ns", "/dev/nvme0", "-s", "0x8000", "-c", "0x8000", "-f", "0").out());
            // Created, not attached: not in the active list yet.
            assertEquals("NVME Namespace List:\n[   0]:0x1\n", ok(d, "list-ns", "/dev/nvme0").out());
            // ...but allocated (Identify CNS 10h).
            assertEquals("NVME Namespace List:\n[   0]:0x1\n[   1]:0x2\n", ok(d, "list-ns", "/dev/nvme0", "--all").out());
            assertEquals("NVME Namespace List:\n[   0]:0x2\n", ok(d, "list-ns", "/dev/nvme0", "--all", "-n", "2").out());
            assertTrue(ok(d, "id-ctrl", "/dev/nvme0").out().contains("unvmcap   : 184549376\n"));

            assertEquals("attach-ns: success\nnsid: 2\n", ok(d, "attach-ns", "/dev/nvme0", "-n", "2").out());
            assertEquals("NVME Namespace List:\n[   0]:0x1\n[   1]:0x2\n", ok(d, "list-ns", "/dev/nvme0").out());
            assertTrue(ok(d, "list").out().contains("/dev/nvme0n2          /dev/ng0n2"));
            assertTrue(ok(d, "id-ns", "/dev/nvme0n2").out().contains("nsze    : 0x8000\n"));

            // I/O to the new namespace, then the namespace's own data reads back.
            byte[] data = new byte[512];
            new Random(5).nextBytes(data);
            Path in = Files.write(dir.resolve("in.bin"), data);
            Path out = dir.resolve("out.bin");
            ok(d, "write", "/dev/nvme0n2", "-s", "0x7fff", "-d", in.toString());
            ok(d, "read", "/dev/nvme0n2", "-s", "0x7fff", "-d", out.toString());
            assertArrayEquals(data, Files.readAllBytes(out));
            fails(d, "LBA Out of Range", "read", "/dev/nvme0n2", "-s", "0x8000");

            fails(d, "Namespace Already Attached: The controller is already attached to the namespace specified(0x4118)",
                    "attach-ns", "/dev/nvme0", "-n", "2");
            fails(d, "Controller List Invalid", "attach-ns", "/dev/nvme0", "-n", "2", "-c", "7");
            assertEquals("detach-ns: success\nnsid: 2\n", ok(d, "detach-ns", "/dev/nvme0", "-n", "2").out());
            fails(d, "Namespace Not Attached: The request to detach the controller could not be completed", "detach-ns", "/dev/nvme0", "-n", "2");
            fails(d, "Invalid Namespace or Format", "read", "/dev/nvme0n2", "-s", "0");

            String json = ok(d, "delete-ns", "/dev/nvme0", "-n", "2", "-o", "json").out();
            assertEquals("{\n  \"delete-ns\":\"success\",\n  \"nsid\":\"2\"\n}\n", json);
            assertTrue(ok(d, "id-ctrl", "/dev/nvme0").out().contains("unvmcap   : 201326592\n"));
            fails(d, "Invalid Namespace or Format", "attach-ns", "/dev/nvme0", "-n", "2");
        }
    }

    @Test
    void creationChecksCapacityFormatAndProvisioning() {
        try (DeviceSession d = DeviceSession.boot(null)) {
            fails(d, "Namespace Insufficient Capacity: Creating the namespace requires more free space than is currently available(0x4115)",
                    "create-ns", "/dev/nvme0", "-s", "0x1000000", "-c", "0x1000000", "-f", "0");
            fails(d, "Thin Provisioning Not Supported", "create-ns", "/dev/nvme0", "-s", "0x1000", "-c", "0x800", "-f", "0");
            fails(d, "Invalid Format: The LBA Format specified is not supported(0x410a)",
                    "create-ns", "/dev/nvme0", "-s", "0x1000", "-c", "0x1000", "-f", "5");
            // --block-size picks the 4 KiB format; -S/-C take bytes with an SI suffix, rounded to 1 MiB.
            assertEquals("create-ns: success\nnsid: 2\n",
                    ok(d, "create-ns", "/dev/nvme0", "-S", "16M", "-C", "16M", "-b", "4096").out());
            ok(d, "attach-ns", "/dev/nvme0", "-n", "2");
            NvmeCliRun ns = ok(d, "id-ns", "/dev/nvme0n2");
            // 16 MB rounds up to 16 MiB, 4096 blocks of 4 KiB.
            assertTrue(ns.out().contains("nsze    : 0x1000\n") && ns.out().contains("lbaf  1 : ms:0   lbads:12 rp:0 (in use)\n"), ns.out());
            NvmeCliRun json = NvmeCliRun.on(d, "create-ns", "/dev/nvme0", "-s", "0x10", "-c", "0x10", "-f", "7", "-o", "json");
            assertEquals(1, json.code());
            assertTrue(json.out().startsWith("{\n  \"status: 16650\":[\n    {\n      \"error\":\"Invalid Format: "), json.out());
        }
    }

    @Test
    void badNamespaceManagementArgumentsAreUsageErrors() {
        assertUsage("attach-ns /dev/nvme0n1 -n 2", "attach-ns: a block device opened (dev: nvme0n1, nsid: 2)");
        assertUsage("attach-ns /dev/nvme0", "attach-ns: namespace-id parameter required");
        assertUsage("detach-ns /dev/nvme0 -n 2 -c 1,x", "detach-ns: controller id list is malformed");
        assertUsage("create-ns /dev/nvme0 -s 8 -c 8 -f 0 -b 4096", "Invalid specification of both FLBAS and Block Size");
        assertUsage("create-ns /dev/nvme0 -s 8 -c 8 -b 3000", "Block size must be a power of two");
        assertUsage("create-ns /dev/nvme0 -S 1X", "Expected long suffixed integer argument for 'nsze-si' but got '1X'!");
        assertUsage("create-ns /dev/nvme0 -s 8 -S 1M", "Invalid specification of both nsze and its SI argument");
        assertUsage("delete-ns /dev/nvme0", "get-namespace-id: Inappropriate ioctl for device");
    }

    @Test
    void rawBinaryWritesTheDataStructureAndVersionNamesTheRelease() {
        NvmeCliRun id = NvmeCliRun.standalone("id-ctrl", "/dev/nvme0", "-b");
        assertEquals(0, id.code(), id.toString());
        assertEquals("", id.out());
        assertEquals(4096, id.raw().length);
        assertEquals(0x1d1d, (id.raw()[0] & 0xFF) | (id.raw()[1] & 0xFF) << 8);
        assertEquals("NVMEKIT0001", new String(id.raw(), 4, 11));

        for (String v : new String[] {"version", "--version", "-V"}) {
            NvmeCliRun r = NvmeCliRun.standalone(v);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("nvme version 2.16 (git ") && r.out().contains("\nlibnvme version 1.16 (git "), r.out());
        }
    }

    private static void assertUsage(String line, String message) {
        NvmeCliRun r = NvmeCliRun.standalone(line.split(" "));
        assertEquals(2, r.code(), line + " -> " + r);
        assertTrue(r.err().startsWith("nvmekit: ") && r.err().contains(message), line + " -> " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertEquals(1, r.err().lines().count(), "one line: " + r);
    }
}
