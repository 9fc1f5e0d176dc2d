package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One run of an external build tool (Verilator, the C++ compiler) with its output captured:
 * the output stays hidden on success and is quoted, errors first, when the tool fails.
 */
record ToolRun(List<String> command, int exitCode, String output) {
    private static final long TIMEOUT_MINUTES = 30;

    /** Runs {@code command} in {@code dir}, stdout and stderr merged. */
    static ToolRun run(List<String> command, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new SimulationException(command.getFirst() + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            return new ToolRun(List.copyOf(command), p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SimulationException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted while running " + command.getFirst(), e);
        }
    }

    /**
     * Throws, quoting the lines {@code isError} picks and then the whole output, unless the
     * tool succeeded.
     */
    ToolRun requireSuccess(String what, Predicate<String> isError) {
        if (exitCode == 0) return this;
        String errors = output.lines().filter(isError).map(l -> "  " + l).collect(Collectors.joining("\n"));
        throw new SimulationException(what + " failed (exit code " + exitCode + ")"
                + (errors.isEmpty() ? "" : ":\n" + errors)
                + "\n--- command: " + String.join(" ", command)
                + "\n--- full output:\n" + output);
    }

    /** Verilator's error lines ({@code %Error...}). */
    static boolean verilatorError(String line) {
        return line.startsWith("%Error");
    }

    /** A compiler's or linker's error lines. */
    static boolean compilerError(String line) {
        return line.contains("error:") || line.contains("undefined reference");
    }
}
