package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.compiled.EmbeddedBackend;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same cycle stimulus on original Verilog under Icarus and on an IR design on the
 * embedded backend: inputs set while {@code clk} is low, outputs sampled before the rising edge.
 * Icarus values with x or z bits come back as null (the IR is two-state; they are not compared).
 */
final class VerilogBench {
    private VerilogBench() {
    }

    static boolean icarusAvailable() {
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

    /** Random values for every input but {@code clk}; {@code resetName} high for the first two cycles, then rarely. */
    static List<Map<String, BigInteger>> stimulus(ModuleDef top, String resetName, long seed, int cycles) {
        Random random = new Random(seed);
        List<Map<String, BigInteger>> out = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            Map<String, BigInteger> m = new LinkedHashMap<>();
            for (Port p : top.ports()) {
                if (p.direction() != Direction.IN || p.name().equals("clk")) continue;
                m.put(p.name(), p.name().equals(resetName) ? BigInteger.valueOf(c < 2 || random.nextInt(50) == 0 ? 1 : 0)
                        : new BigInteger(p.type().width(), random));
            }
            out.add(m);
        }
        return out;
    }

    /** Outputs (port order) per cycle of the embedded backend. */
    static List<List<BigInteger>> embedded(Design design, List<Map<String, BigInteger>> stimulus) {
        return embedded(design, stimulus, SimulationOptions.defaults());
    }

    /** Outputs (port order) per cycle of the embedded backend run with {@code options}. */
    static List<List<BigInteger>> embedded(Design design, List<Map<String, BigInteger>> stimulus, SimulationOptions options) {
        List<Port> outs = outputs(design.topModule());
        List<List<BigInteger>> rows = new ArrayList<>();
        try (Simulator sim = new EmbeddedBackend().open(design, options)) {
            for (Map<String, BigInteger> cycle : stimulus) {
                cycle.forEach(sim::poke);
                List<BigInteger> row = new ArrayList<>();
                for (Port p : outs) row.add(sim.peekBig(p.name()));
                rows.add(row);
                sim.step();
            }
        }
        return rows;
    }

    /** Outputs per cycle of {@code top} from {@code files} under Icarus, ports as in {@code ports}. */
    static List<List<BigInteger>> icarus(List<Path> files, ModuleDef ports, Map<String, String> parameters,
                                         List<Map<String, BigInteger>> stimulus, Path dir) throws IOException, InterruptedException {
        List<Port> outs = outputs(ports);
        StringBuilder tb = new StringBuilder("`timescale 1ps/1ps\nmodule tb;\n");
        for (Port p : ports.ports()) {
            String range = p.type().width() > 1 ? "[" + (p.type().width() - 1) + ":0] " : "";
            tb.append(p.direction() == Direction.IN ? "  reg " : "  wire ").append(range).append(p.name()).append(p.direction() == Direction.IN ? " = 0;\n" : ";\n");
        }
        List<String> params = new ArrayList<>();
        parameters.forEach((k, v) -> params.add("." + k + "(" + v + ")"));
        tb.append("  ").append(ports.name()).append(params.isEmpty() ? "" : " #(" + String.join(", ", params) + ")").append(" dut (")
                .append(String.join(", ", ports.ports().stream().map(p -> "." + p.name() + "(" + p.name() + ")").toList())).append(");\n");
        tb.append("  initial begin\n");
        String format = String.join(" ", outs.stream().map(p -> "%h").toList());
        String args = String.join(", ", outs.stream().map(Port::name).toList());
        for (Map<String, BigInteger> cycle : stimulus) {
            cycle.forEach((k, v) -> tb.append("    ").append(k).append(" = ").append(ports.port(k).orElseThrow().type().width())
                    .append("'h").append(v.toString(16)).append(";\n"));
            tb.append("    #1 $display(\"C ").append(format).append("\", ").append(args).append(");\n");
            tb.append("    #4 clk = 1'b1;\n    #5 clk = 1'b0;\n");
        }
        tb.append("    $finish;\n  end\nendmodule\n");
        Files.createDirectories(dir);
        Path tbFile = dir.resolve("tb.v");
        Files.writeString(tbFile, tb);
        List<String> compile = new ArrayList<>(List.of("iverilog", "-g2005", "-o", dir.resolve("sim.vvp").toString(), "-s", "tb", tbFile.toString()));
        files.forEach(f -> compile.add(f.toAbsolutePath().toString()));
        exec(dir, compile.toArray(String[]::new));
        String output = exec(dir, "vvp", "-n", dir.resolve("sim.vvp").toString());
        List<List<BigInteger>> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith("C ")) continue;
            List<BigInteger> row = new ArrayList<>();
            for (String f : line.substring(2).trim().split(" ")) row.add(f.matches("[0-9a-fA-F]+") ? new BigInteger(f, 16) : null);
            rows.add(row);
        }
        if (rows.size() != stimulus.size()) throw new IllegalStateException("Icarus printed " + rows.size() + " cycles:\n" + output);
        return rows;
    }

    static List<Port> outputs(ModuleDef m) {
        return m.ports().stream().filter(p -> p.direction() == Direction.OUT).toList();
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
