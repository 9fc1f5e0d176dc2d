package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.sim.netlist.FlatMemory;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatRegister;
import dev.nvmekit.sim.netlist.Flattener;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a design's emitted Verilog under Icarus with a generated testbench that applies a given
 * stimulus cycle by cycle (inputs set while the clock is low, outputs printed 1 ps later, then a
 * rising edge; state without an initial value starts at zero as in the embedded simulators)
 * and returns the printed outputs, so they can be compared with a simulator's.
 */
final class IcarusReference {
    private IcarusReference() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("iverilog", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The top's outputs in port order, each cycle; {@code null} for a value with x or z bits. */
    static List<List<BigInteger>> run(Design design, List<Map<String, BigInteger>> stimulus, Path dir) throws IOException, InterruptedException {
        ModuleDef top = design.topModule();
        List<Port> outs = top.ports().stream().filter(p -> p.direction() == Direction.OUT).toList();
        StringBuilder tb = new StringBuilder("`timescale 1ps/1ps\nmodule tb;\n");
        for (Port p : top.ports()) {
            String range = p.type().width() > 1 ? "[" + (p.type().width() - 1) + ":0] " : "";
            tb.append(p.direction() == Direction.IN ? "  reg " : "  wire ").append(range).append(p.name())
                    .append(p.direction() == Direction.IN ? " = 0;\n" : ";\n");
        }
        tb.append("  ").append(top.name()).append(" dut (");
        tb.append(String.join(", ", top.ports().stream().map(p -> "." + p.name() + "(" + p.name() + ")").toList())).append(");\n");
        tb.append("  initial begin\n");
        // The embedded simulators start uninitialised state at zero (InitPolicy.ZERO); so does this bench.
        FlatNetlist net = Flattener.flatten(design);
        for (FlatRegister r : net.registers()) {
            if (r.initValue().isEmpty()) tb.append("    dut.").append(net.signals().get(r.target()).path()).append(" = 0;\n");
        }
        for (FlatMemory m : net.memories()) {
            if (!m.init().isEmpty()) continue;
            for (int i = 0; i < m.depth(); i++) tb.append("    dut.").append(m.path()).append('[').append(i).append("] = 0;\n");
        }
        String format = String.join(" ", outs.stream().map(p -> "%h").toList());
        String args = String.join(", ", outs.stream().map(Port::name).toList());
        for (Map<String, BigInteger> cycle : stimulus) {
            for (var e : cycle.entrySet()) {
                int w = top.port(e.getKey()).orElseThrow().type().width();
                tb.append("    ").append(e.getKey()).append(" = ").append(w).append("'h").append(e.getValue().toString(16)).append(";\n");
            }
            tb.append("    #1 $display(\"C ").append(format).append("\"").append(args.isEmpty() ? "" : ", " + args).append(");\n");
            tb.append("    #4 clk = 1'b1;\n    #5 clk = 1'b0;\n");
        }
        tb.append("    $finish;\n  end\nendmodule\n");
        Files.createDirectories(dir);
        Path design_v = dir.resolve("design.v");
        Path tb_v = dir.resolve("tb.v");
        Files.writeString(design_v, VerilogEmitter.emit(design));
        Files.writeString(tb_v, tb);
        Path exe = dir.resolve("sim.vvp");
        String compile = exec(dir, "iverilog", "-g2005", "-o", exe.toString(), "-s", "tb", tb_v.toString(), design_v.toString());
        String output = exec(dir, "vvp", "-n", exe.toString());
        List<List<BigInteger>> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith("C")) continue;
            List<BigInteger> row = new ArrayList<>();
            String rest = line.substring(1).trim();
            if (!rest.isEmpty()) {
                for (String f : rest.split(" ")) row.add(f.matches("[0-9a-fA-F]+") ? new BigInteger(f, 16) : null);
            }
            rows.add(row);
        }
        if (rows.size() != stimulus.size()) {
            throw new IllegalStateException("Icarus printed " + rows.size() + " cycles of " + stimulus.size() + ":\n" + compile + output);
        }
        return rows;
    }

    private static String exec(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
