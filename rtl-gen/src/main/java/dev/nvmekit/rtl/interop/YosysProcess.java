package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the {@code yosys} executable once on a script and returns the JSON netlist it wrote.
 * Yosys's own errors (syntax, missing modules, unsupported constructs) come back as a
 * {@link DesignException} at the Verilog file and line Yosys names.
 */
final class YosysProcess {
    /** The executable: system property {@code nvmekit.yosys}, else {@code yosys} on the PATH. */
    static String executable() {
        return System.getProperty("nvmekit.yosys", "yosys");
    }

    private static final Pattern FILE_LINE = Pattern.compile("([^\\s:'\"]+\\.(?:v|vh|sv|svh|vlg)):(\\d+)");
    private static final long TIMEOUT_SECONDS = 300;

    private YosysProcess() {
    }

    /** Runs {@code script} (which must {@code write_json} to the file named by its {@code %JSON%} token). */
    static String run(String script, String module) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nvmekit-yosys");
            Path json = dir.resolve("netlist.json");
            Path scriptFile = dir.resolve("import.ys");
            Files.writeString(scriptFile, script.replace("%JSON%", quote(json.toString())));
            Path log = dir.resolve("yosys.log");
            Process p;
            try {
                p = new ProcessBuilder(executable(), "-q", "-s", scriptFile.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw failure(SourceLocation.UNKNOWN, module, "cannot run Yosys ('" + executable() + "'): " + e.getMessage()
                        + "; install Yosys or set -Dnvmekit.yosys=/path/to/yosys");
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw failure(SourceLocation.UNKNOWN, module, "Yosys did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !Files.exists(json)) throw yosysError(output, module);
            return Files.readString(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(SourceLocation.UNKNOWN, module, "Yosys import failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(SourceLocation.UNKNOWN, module, "interrupted while Yosys was running");
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** Yosys's error lines, each at the file and line it names. */
    static DesignException yosysError(String output, String module) {
        List<Diagnostic> ds = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!l.contains("ERROR")) continue;
            String message = l.replaceFirst("^.*?ERROR:\\s*", "").trim();
            if (message.isEmpty() && i + 1 < lines.length) message = lines[i + 1].trim();
            SourceLocation at = SourceLocation.UNKNOWN;
            Matcher m = FILE_LINE.matcher(l);
            if (m.find()) at = new SourceLocation(Path.of(m.group(1)).getFileName().toString(), Integer.parseInt(m.group(2)));
            ds.add(Diagnostic.error(at, module, "", "Yosys: " + message));
        }
        if (ds.isEmpty()) {
            String tail = output.lines().skip(Math.max(0, output.lines().count() - 5)).reduce("", (a, b) -> a + "\n" + b);
            ds.add(Diagnostic.error(SourceLocation.UNKNOWN, module, "", "Yosys failed without an ERROR line:" + tail));
        }
        return new DesignException(ds);
    }

    static String quote(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static DesignException failure(SourceLocation at, String module, String message) {
        return new DesignException(List.of(Diagnostic.error(at, module, "", message)));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
