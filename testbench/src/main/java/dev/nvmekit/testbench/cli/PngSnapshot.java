package dev.nvmekit.testbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an SVG picture into a PNG with headless Chromium (Debian's {@code chromium}), the one
 * renderer on these machines that draws SVG text and shapes faithfully. Without Chromium the
 * caller gets a usage error saying how to install it.
 */
final class PngSnapshot {
    private static final Pattern SIZE = Pattern.compile("<svg[^>]*\\bwidth=\"(\\d+)\"[^>]*\\bheight=\"(\\d+)\"");

    private static final int TIMEOUT_SECONDS = 60;

    private PngSnapshot() {
    }

    static void write(String svg, Path png) {
        Path browser = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"))
                .stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new Main.UsageError("PNG output needs Chromium: apt-get install -y chromium (SVG and HTML need nothing)"));
        Matcher m = SIZE.matcher(svg);
        boolean sized = m.find();
        int width = sized ? Integer.parseInt(m.group(1)) : 1200;
        int height = sized ? Integer.parseInt(m.group(2)) : 600;
        try {
            Path work = Files.createTempDirectory("nvmekit-png");
            Path page = work.resolve("wave.svg");
            Files.writeString(page, svg);
            Path log = work.resolve("chromium.log");
            // Output goes to a file, not a pipe: Chromium's helper processes can hold a pipe open
            // after the screenshot is written, and reading it to the end would then never return.
            Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--hide-scrollbars", "--user-data-dir=" + work.resolve("profile"),
                    "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            if (!Files.isRegularFile(png) || Files.size(png) == 0) {
                String tail = Files.readString(log).lines().reduce((a, b) -> b).orElse("");
                throw new Main.CheckFailed("Chromium did not write " + png
                        + (exited ? " (exit code " + p.exitValue() + ")" : " within " + TIMEOUT_SECONDS + " s")
                        + (tail.isBlank() ? "" : ": " + tail));
            }
        } catch (IOException e) {
            throw new Main.UsageError("cannot write " + png + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Main.CheckFailed("interrupted while rendering " + png);
        }
    }
}
