package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.verilog.VerilogLint;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cycle-by-cycle runs of an emitted design under Icarus Verilog, until the embedded simulator
 * is available: a generated testbench holds reset for two cycles, then applies one row of
 * stimulus per cycle on the falling edge and prints every port just before the rising edge.
 * Stream sources obey the handshake rules: the inputs of a {@link Hold} keep their value while
 * its stream was offered but not taken at the last edge, so random stimulus never withdraws a
 * pending transfer. Inputs missing from a row are 0; a port with unknown (x/z) bits is absent
 * from its cycle's row (a payload is don't-care while not valid).
 */
final class IcarusTrace {
    private static final int RESET_CYCLES = 2;

    /** Inputs held while stream {@code prefix} has valid and not ready at the last clock edge. */
    record Hold(String prefix, List<String> inputs) {
    }

    private IcarusTrace() {
    }

    /** Every port's value in each stimulus cycle (sampled before that cycle's rising edge). */
    static List<Map<String, Long>> run(Design design, Path dir, List<Map<String, Long>> stimulus, List<Hold> holds) throws IOException {
        List<Path> files = VerilogLint.write(design, dir);
        List<Port> ports = design.topModule().ports();
        for (Port p : ports) {
            if (p.type().width() > 63) throw new IllegalArgumentException("port " + p.name() + " is wider than 63 bits");
        }
        List<Port> inputs = ports.stream().filter(p -> p.direction() == Direction.IN && !isClockOrReset(p)).toList();
        for (Port p : inputs) {
            StringBuilder hex = new StringBuilder();
            for (Map<String, Long> row : stimulus) hex.append(Long.toHexString(row.getOrDefault(p.name(), 0L))).append('\n');
            Files.writeString(dir.resolve("stim_" + p.name() + ".hex"), hex);
        }
        Path tb = dir.resolve("tb.v");
        Files.writeString(tb, testbench(design.top(), ports, inputs, stimulus.size(), holds, dir));
        Path vvp = dir.resolve("tb.vvp");
        List<String> compile = new ArrayList<>(List.of("iverilog", "-g2005", "-s", "tb", "-o", vvp.toString(), tb.toString()));
        files.forEach(f -> compile.add(f.toString()));
        String out = execute(compile, dir);
        out = execute(List.of("vvp", "-n", vvp.toString()), dir);
        List<Map<String, Long>> trace = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("@ ")) continue;
            Map<String, Long> row = new LinkedHashMap<>();
            for (String item : line.substring(2).trim().split(" ")) {
                int eq = item.indexOf('=');
                String value = item.substring(eq + 1);
                if (!value.matches("[0-9a-f]+")) continue; // unknown bits: absent, so a check that needs the value fails
                row.put(item.substring(0, eq), Long.parseUnsignedLong(value, 16));
            }
            trace.add(row);
        }
        if (trace.size() != stimulus.size()) throw new AssertionError("expected " + stimulus.size() + " cycles, got:\n" + out);
        return trace;
    }

    private static boolean isClockOrReset(Port p) {
        return p.name().equals("clk") || p.name().equals("rst");
    }

    private static String testbench(String top, List<Port> ports, List<Port> inputs, int cycles, List<Hold> holds, Path dir) {
        StringBuilder v = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg clk = 1'b0;\n  reg rst = 1'b1;\n  integer cycle = 0;\n");
        for (Port p : ports) {
            if (isClockOrReset(p)) continue;
            String range = p.type().width() == 1 ? "" : "[" + (p.type().width() - 1) + ":0] ";
            v.append(p.direction() == Direction.IN ? "  reg  " : "  wire ").append(range).append(p.name())
                    .append(p.direction() == Direction.IN ? " = 0;\n" : ";\n");
            if (p.direction() == Direction.IN) {
                v.append("  reg  ").append(range).append("stim_").append(p.name()).append(" [0:").append(cycles - 1).append("];\n");
            }
        }
        for (int k = 0; k < holds.size(); k++) v.append("  reg  hold_").append(k).append(" = 1'b0;\n");
        v.append("  ").append(top).append(" dut (");
        List<String> conns = ports.stream().map(p -> "." + p.name() + "(" + p.name() + ")").toList();
        v.append(String.join(", ", conns)).append(");\n");
        v.append("  initial begin\n");
        for (Port p : inputs) {
            v.append("    $readmemh(\"").append(dir.resolve("stim_" + p.name() + ".hex")).append("\", stim_").append(p.name()).append(");\n");
        }
        v.append("  end\n  always #5 clk = ~clk;\n  always @(posedge clk) begin\n");
        for (int k = 0; k < holds.size(); k++) {
            String s = holds.get(k).prefix();
            v.append("    hold_").append(k).append(" <= !rst && ").append(s).append("_valid && !").append(s).append("_ready;\n");
        }
        v.append("  end\n  always @(negedge clk) begin\n    if (cycle >= ").append(RESET_CYCLES).append(") begin\n      rst = 1'b0;\n");
        for (Port p : inputs) {
            String held = null;
            for (int k = 0; k < holds.size(); k++) if (holds.get(k).inputs().contains(p.name())) held = "hold_" + k;
            String apply = p.name() + " = stim_" + p.name() + "[cycle - " + RESET_CYCLES + "];";
            v.append("      ").append(held == null ? apply : "if (!" + held + ") " + apply).append('\n');
        }
        v.append("      #1 $display(\"@ ");
        List<Port> shown = ports.stream().filter(p -> !isClockOrReset(p)).toList();
        v.append(String.join(" ", shown.stream().map(p -> p.name() + "=%h").toList())).append("\"");
        for (Port p : shown) v.append(", ").append(p.name());
        v.append(");\n    end\n    cycle = cycle + 1;\n    if (cycle == ").append(cycles + RESET_CYCLES).append(") $finish;\n  end\nendmodule\n");
        return v.toString();
    }

    private static String execute(List<String> cmd, Path dir) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(cmd.getFirst() + " is missing in CI", e);
            System.err.println("SKIPPED behavioural check: " + cmd.getFirst() + " is not installed");
            Assumptions.abort(cmd.getFirst() + " is not installed");
            throw e;
        }
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted", e);
        }
    }
}
