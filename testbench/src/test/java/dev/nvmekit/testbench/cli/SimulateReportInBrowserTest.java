package dev.nvmekit.testbench.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a real run looked at in a real browser: Debian's Chromium, headless, takes a
 * screenshot of report.html; the picture must be a PNG of the window's size with more in it than
 * an empty page. Skipped, with the reason printed, where Chromium is not installed.
 */
class SimulateReportInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheReport() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) System.out.println("SKIPPED: " + CHROMIUM + " is not installed (apt-get install chromium)");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
        Path out = dir.resolve("out");
        SimulateCommandTest.Run r = SimulateCommandTest.run(SimulateCommandTest.concat(SimulateCommandTest.SMALL,
                "--out", out.toString(), "--numjobs", "2", "--iodepth", "4", "--size", "16k"));
        assertEquals(0, r.code(), r.err() + r.out());

        Path png = dir.resolve("report.png");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,2000",
                out.resolve("report.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(dir.resolve("chromium.log")));
        }
        assertTrue(Files.exists(png), "no screenshot; chromium said: " + Files.readString(dir.resolve("chromium.log")));
        try (InputStream in = Files.newInputStream(png)) {
            DataInputStream d = new DataInputStream(in);
            byte[] signature = new byte[8];
            d.readFully(signature);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, signature, "a PNG");
            d.readInt();                       // IHDR length
            d.readInt();                       // "IHDR"
            assertEquals(List.of(1200, 2000), List.of(d.readInt(), d.readInt()), "screenshot of the whole window");
        }
        // A blank 1200x2000 page compresses to a few kilobytes; tables, charts and a waveform do not.
        assertTrue(Files.size(png) > 50_000, "screenshot of " + Files.size(png) + " bytes looks empty");
        System.out.println("report screenshot: " + png + " (" + Files.size(png) + " bytes)");
    }
}
