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
 * {@code nvmekit nvme ...} as a user runs it: each invocation boots its own device, {@code --media}
 * carries data from one invocation to the next, a scenario runs many lines on one device, and
 * mistakes in the command line are usage errors (exit 2) with one line of explanation.
 */
class NvmeStandaloneTest {
    @TempDir
    Path dir;

    @Test
    void dataWrittenInOneRunIsReadInTheNextThroughTheMediaFile() throws Exception {
        byte[] data = new byte[4096];
        new Random(11).nextBytes(data);
        Path in = Files.write(dir.resolve("in.bin"), data);
        Path media = dir.resolve("drive.img");
        NvmeCliRun w = NvmeCliRun.standalone("write", "/dev/nvme0n1", "-s", "8", "-c", "7", "-z", "4096", "-d", in.toString(),
                "--media", media.toString());
        assertEquals(0, w.code(), w.toString());
        assertTrue(Files.size(media) > 0);

        Path out = dir.resolve("out.bin");
        NvmeCliRun r = NvmeCliRun.standalone("read", "/dev/nvme0n1", "-s", "8", "-c", "7", "-z", "4096", "-d", out.toString(),
                "--media", media.toString());
        assertEquals(0, r.code(), r.toString());
        assertArrayEquals(data, Files.readAllBytes(out));

        // A scenario on the same media sees the data too, and its writes persist for the run after it.
        Path more = Files.write(dir.resolve("more.bin"), new byte[] {1, 2, 3, 4});
        Path script = Files.writeString(dir.resolve("s.nvme"), String.join("\n",
                "# the data of the previous runs is on the media",
                "compare /dev/nvme0n1 -s 8 -c 7 -d " + in,
                "nvme write /dev/nvme0n1 -s 20 -d " + more + "   # one block, zero padded",
                "smart-log /dev/nvme0 -o json",
                ""));
        NvmeCliRun s = NvmeCliRun.standalone("scenario", script.toString(), "--media", media.toString());
        assertEquals(0, s.code(), s.toString());
        assertTrue(s.out().contains("$ nvme compare /dev/nvme0n1 -s 8 -c 7 -d " + in + "\n"), s.out());
        assertTrue(s.out().contains("\"power_cycles\":3,"), s.out());
        assertTrue(s.err().contains("compare: Success\n") && s.err().contains("write: Success\n"), s.err());
    }

    @Test
    void aScenarioRunsLinesInOneSessionAndStopsAtTheFirstFailure() throws Exception {
        Path data = Files.write(dir.resolve("d.bin"), "hello, simulated flash".getBytes());
        Path script = Files.writeString(dir.resolve("s.nvme"), String.join("\n",
                "# write, read back, then fail",
                "write /dev/nvme0n1 --start-block=5 --data=" + data,
                "read /dev/nvme0n1 -s 5 -c 0",
                "",
                "get-feature /dev/nvme0 -f 0x99",
                "id-ctrl /dev/nvme0"));
        NvmeCliRun r = NvmeCliRun.standalone("scenario", script.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("$ nvme read /dev/nvme0n1 -s 5 -c 0\n"), r.out());
        assertTrue(r.out().contains("0000: 68 65 6c 6c 6f 2c 20 73 69 6d 75 6c 61 74 65 64 \"hello,.simulated\""), r.out());
        assertTrue(r.err().contains("NVMe status: Invalid Field in Command: A reserved coded value or an unsupported value in a defined field(0x4002)\n"), r.err());
        assertTrue(r.err().contains("scenario stopped at " + script + ":5 (exit 1)"), r.err());
        assertFalse(r.out().contains("$ nvme id-ctrl"), "the line after the failure did not run");
    }

    @Test
    void usageErrorsExitTwoWithAOneLineMessage() throws Exception {
        assertUsage("id-ctrl /dev/sda", "'/dev/sda' is not an NVMe device");
        assertUsage("id-ctrl /dev/nvme1", "no such device");
        assertUsage("read /dev/nvme0 -s 0", "give --namespace-id (-n)");
        assertUsage("set-feature /dev/nvme0", "Missing required option: '--feature-id=FID'");
        assertUsage("get-feature /dev/nvme0 -f 0x100", "is larger than 255");
        assertUsage("flush /dev/nvme0n1 -o binary", "-o binary is not supported");
        assertUsage("write /dev/nvme0n1 -s 0", "give the data to send with --data FILE");
        assertUsage("dsm /dev/nvme0n1 -s 1,2 -b 8", "same number of ranges");
        assertUsage("sanitize /dev/nvme0 -a 9", "invalid sanitize action '9'");
        assertUsage("frobnicate /dev/nvme0", "Unmatched argument");
        assertUsage("scenario " + dir.resolve("missing.nvme"), "cannot read scenario");
        Path bad = Files.writeString(dir.resolve("bad.nvme"), "read /dev/nvme0n1 'unterminated\n");
        assertUsage("scenario " + bad, "bad.nvme:1: unterminated ' quote");
        Path sleepy = Files.writeString(dir.resolve("sleepy.nvme"), "list\nsleep 5s\n");
        assertUsage("scenario " + sleepy, "sleepy.nvme:2: sleep takes one duration such as 300us or 2ms");
        Path notMedia = Files.writeString(dir.resolve("not.img"), "plain text");
        assertUsage("id-ctrl /dev/nvme0 --media " + notMedia, "is not a saved media image");
        assertUsage("id-ctrl /dev/nvme0 --media " + dir.resolve("no/such/dir/m.img"), "does not exist");
        assertUsage("id-ctrl /dev/nvme0 --media " + dir, "is a directory");
    }

    private static void assertUsage(String line, String message) {
        NvmeCliRun r = NvmeCliRun.standalone(line.split(" "));
        assertEquals(2, r.code(), line + " -> " + r);
        assertTrue(r.err().startsWith("nvmekit: ") && r.err().contains(message), line + " -> " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }
}
