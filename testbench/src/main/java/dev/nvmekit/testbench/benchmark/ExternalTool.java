package dev.nvmekit.testbench.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one external program (iverilog, vvp, yosys, g++, the native Verilator loop) for the
 * benchmark, with a time limit, and says plainly why it did not produce a result: not
 * installed, failed, or timed out. The benchmark reports that reason instead of a figure.
 */
record ExternalTool(int exitCode, String output, double seconds, String failure) {

    /** Whether the program ran to a zero exit status. */
    boolean ok() {
        return failure == null;
    }

    static ExternalTool run(Path dir, long timeoutSeconds, List<String> command) {
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new ExternalTool(-1, "", 0, command.getFirst() + " is not installed");
        }
        try {
            // Read on another thread so that a chatty tool cannot block on a full pipe while we wait.
            StringBuilder out = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (out) {
                        out.append(all);
                    }
                } catch (IOException ignored) {
                    // the process was killed; what was read so far is enough for a message
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new ExternalTool(-1, "", (System.nanoTime() - t0) / 1e9, command.getFirst() + " timed out after " + timeoutSeconds + " s");
            }
            reader.join(10_000);
            double secs = (System.nanoTime() - t0) / 1e9;
            String text;
            synchronized (out) {
                text = out.toString();
            }
            if (p.exitValue() != 0) {
                String tail = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
                return new ExternalTool(p.exitValue(), text, secs, command.getFirst() + " failed (exit " + p.exitValue() + "): " + tail);
            }
            return new ExternalTool(0, text, secs, null);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new ExternalTool(-1, "", 0, "interrupted");
        }
    }

    static ExternalTool run(Path dir, long timeoutSeconds, String... command) {
        return run(dir, timeoutSeconds, List.of(command));
    }

    /** Whether {@code program} is on the PATH. */
    static boolean installed(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }

    /** Deletes a scratch directory tree, ignoring what is already gone. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is not worth failing a benchmark for
        }
    }
}
