package dev.nvmekit.rtl.verilog;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the three tools every emitted design must satisfy: {@code verilator --lint-only -Wall},
 * Icarus Verilog ({@code iverilog -g2005}) and Yosys ({@code hierarchy -check; proc; check
 * -assert; synth}). A tool that is not installed is reported as such, never as a pass.
 */
public final class VerilogLint {
    /** What one tool said. */
    public record Result(String tool, Status status, String output) {
        /** Whether the tool ran and accepted the design. */
        public boolean passed() {
            return status == Status.PASSED;
        }
    }

    /** The outcome of one tool run. */
    public enum Status { PASSED, FAILED, NOT_INSTALLED }

    private VerilogLint() {
    }

    /** Writes {@code design}'s Verilog into {@code dir} (one file per module) and returns the files, top last. */
    public static List<Path> write(Design design, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : VerilogEmitter.emitFiles(design).entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
                files.add(f);
            }
            for (ModuleDef m : design.modules()) {
                m.blackBox().ifPresent(bb -> bb.verilogFiles().forEach(v -> files.addFirst(Path.of(v))));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Verilog into " + dir, e);
        }
    }

    /** Runs all three tools on {@code design} in {@code dir}. */
    public static List<Result> all(Design design, Path dir) {
        List<Path> files = write(design, dir);
        return List.of(verilator(files, design.top()), icarus(files, design.top(), dir), yosys(files, design.top()));
    }

    /** {@code verilator --lint-only -Wall}; any warning is a failure. */
    public static Result verilator(List<Path> files, String top) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        files.forEach(f -> cmd.add(f.toString()));
        return run("verilator", cmd);
    }

    /** {@code iverilog -g2005} compiling the design. */
    public static Result icarus(List<Path> files, String top, Path dir) {
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-s", top, "-o", dir.resolve(top + ".vvp").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Result r = run("iverilog", cmd);
        // iverilog -Wall warns about timescale inheritance only when files mix `timescale; treat any output as a finding.
        return r;
    }

    /** Yosys: read, elaborate with hierarchy checks, {@code proc}, {@code check -assert}, then generic synthesis. */
    public static Result yosys(List<Path> files, String top) {
        StringBuilder script = new StringBuilder();
        for (Path f : files) script.append("read_verilog ").append(f).append("; ");
        // The checks the issue names: after proc the netlist must be clean; synthesis must then succeed. (Checking
        // again after synth would flag registers whose only assignment sits under a constant-false condition.)
        script.append("hierarchy -check -top ").append(top).append("; proc; check -assert; synth -top ").append(top);
        return run("yosys", List.of("yosys", "-q", "-p", script.toString()));
    }

    private static Result run(String tool, List<String> cmd) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(tool, Status.NOT_INSTALLED, tool + " is not installed (apt-get install -y verilator iverilog yosys)");
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(tool, Status.FAILED, tool + " did not finish within 600 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            boolean ok = p.exitValue() == 0 && (!tool.equals("verilator") || !text.contains("%Warning"))
                    && (!tool.equals("iverilog") || text.isBlank());
            return new Result(tool, ok ? Status.PASSED : Status.FAILED, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(tool, Status.FAILED, tool + " was interrupted");
        }
    }
}
