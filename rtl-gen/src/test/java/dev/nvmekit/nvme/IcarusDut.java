package dev.nvmekit.nvme;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.verilog.VerilogEmitter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the emitted Verilog under Icarus ({@code iverilog}/{@code vvp}) and drives it from Java
 * through a pipe: a generated wrapper reads "evaluate with these inputs" and "clock edge"
 * commands from standard input and prints the settled outputs. Slower than an embedded model
 * but independent of the project's own simulators, which makes it a fair judge of the Verilog.
 */
final class IcarusDut implements Dut {
    private final List<Port> inputs;
    private final List<Port> outputs;
    private final Map<String, BigInteger> in = new LinkedHashMap<>();
    private final Map<String, BigInteger> out = new LinkedHashMap<>();
    private final Process process;
    private final Writer toSim;
    private final BufferedReader fromSim;
    private boolean dirty = true;

    IcarusDut(Design design, Path dir) {
        ModuleDef top = design.modules().stream().filter(m -> m.name().equals(design.top())).findFirst().orElseThrow();
        inputs = top.ports().stream().filter(p -> p.direction() == Direction.IN && !p.name().equals("clk")).toList();
        outputs = top.ports().stream().filter(p -> p.direction() == Direction.OUT).toList();
        for (Port p : inputs) in.put(p.name(), BigInteger.ZERO);
        try {
            Files.writeString(dir.resolve("design.v"), VerilogEmitter.emit(design));
            Files.writeString(dir.resolve("tb.v"), wrapper(design.top()));
            Process compile = new ProcessBuilder("iverilog", "-g2005", "-s", "tb", "-o", dir.resolve("sim.vvp").toString(),
                    dir.resolve("design.v").toString(), dir.resolve("tb.v").toString()).redirectErrorStream(true).start();
            String log = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!compile.waitFor(300, TimeUnit.SECONDS) || compile.exitValue() != 0) throw new IllegalStateException("iverilog failed:\n" + log);
            process = new ProcessBuilder("vvp", "-n", dir.resolve("sim.vvp").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        toSim = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        fromSim = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Whether Icarus can be run here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("iverilog", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String wrapper(String top) {
        StringBuilder v = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg clk = 1'b0;\n  integer op, r;\n");
        for (Port p : inputs) v.append("  reg [").append(p.type().width() - 1).append(":0] ").append(p.name()).append(" = 0;\n");
        for (Port p : outputs) v.append("  wire [").append(p.type().width() - 1).append(":0] ").append(p.name()).append(";\n");
        v.append("  ").append(top).append(" dut (.clk(clk)");
        for (Port p : inputs) v.append(", .").append(p.name()).append('(').append(p.name()).append(')');
        for (Port p : outputs) v.append(", .").append(p.name()).append('(').append(p.name()).append(')');
        v.append(");\n  initial begin\n    op = 1;\n    while (op != 0) begin\n      r = $fscanf(32'h8000_0000, \"%d\", op);\n");
        v.append("      if (r != 1) op = 0;\n      if (op == 1) begin\n");
        for (Port p : inputs) v.append("        r = $fscanf(32'h8000_0000, \"%h\", ").append(p.name()).append(");\n");
        v.append("        #1;\n        $display(\"");
        v.append("%h ".repeat(outputs.size()).strip()).append('"');
        for (Port p : outputs) v.append(", ").append(p.name());
        v.append(");\n        $fflush;\n      end else if (op == 2) begin\n        clk = 1'b1; #1; clk = 1'b0; #1;\n      end\n    end\n    $finish;\n  end\nendmodule\n");
        return v.toString();
    }

    @Override
    public void poke(String port, BigInteger value) {
        if (!in.containsKey(port)) throw new IllegalArgumentException("no input port " + port);
        if (!value.equals(in.put(port, value))) dirty = true;
    }

    @Override
    public BigInteger peekBig(String port) {
        if (dirty) evaluate();
        BigInteger v = out.get(port);
        if (v == null) {
            if (in.containsKey(port)) return in.get(port);
            throw new IllegalArgumentException("no port " + port);
        }
        return v;
    }

    @Override
    public void step() {
        if (dirty) evaluate();
        send("2\n");
        dirty = true;
    }

    private void evaluate() {
        StringBuilder line = new StringBuilder("1");
        for (Port p : inputs) line.append(' ').append(in.get(p.name()).toString(16));
        send(line.append('\n').toString());
        try {
            String reply = fromSim.readLine();
            if (reply == null) throw new IllegalStateException("vvp ended unexpectedly");
            String[] parts = reply.trim().split("\\s+");
            for (int i = 0; i < outputs.size(); i++) {
                String s = parts[i];
                out.put(outputs.get(i).name(), s.matches("[0-9a-fA-F]+") ? new BigInteger(s, 16) : BigInteger.ZERO);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dirty = false;
    }

    private void send(String s) {
        try {
            toSim.write(s);
            toSim.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            send("0\n");
            toSim.close();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (UncheckedIOException | IOException e) {
            // the process is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }
}
