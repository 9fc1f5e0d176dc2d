package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.Port;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Hand-written multi-module Verilog, imported and run on the embedded backend, agrees with Icarus on the original. */
class ImportAgainstIcarusTest {
    static final Path RESOURCES = Path.of("../rtl-gen/src/test/resources/interop");

    @Test
    void mixedDesignAgreesCycleByCycle(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(VerilogBench.icarusAvailable(), "iverilog is not installed");
        List<Path> files = List.of(RESOURCES.resolve("mixed_top.v"));
        Map<String, String> params = Map.of("LANES", "4");
        ImportedVerilog imported = VerilogImporter.read(files, "mixed_top", params);
        // Fill the RAM first (write every address) so that reads compare defined values, then run random traffic.
        List<Map<String, BigInteger>> stimulus = new ArrayList<>(VerilogBench.stimulus(imported.module(), "rst", 7, 300));
        for (int a = 0; a < 16; a++) {
            Map<String, BigInteger> m = new LinkedHashMap<>(stimulus.get(2 + a));
            m.put("we", BigInteger.ONE);
            m.put("wbe", BigInteger.valueOf(3));
            m.put("waddr", BigInteger.valueOf(a));
            stimulus.set(2 + a, m);
        }
        int compared = agree(files, imported, params, stimulus, 2, dir);
        assertTrue(compared > (stimulus.size() - 20) * VerilogBench.outputs(imported.module()).size(), "too few defined values compared: " + compared);
    }

    /** Instances overridden by position take the parameters in declaration order, as Icarus does. */
    @Test
    void positionalParameterOverridesAgree(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(VerilogBench.icarusAvailable(), "iverilog is not installed");
        List<Path> files = List.of(RESOURCES.resolve("positional_params.v"));
        ImportedVerilog imported = VerilogImporter.read(files, "positional_top");
        List<Map<String, BigInteger>> stimulus = VerilogBench.stimulus(imported.module(), "rst", 11, 120);
        int compared = agree(files, imported, Map.of(), stimulus, 2, dir);
        assertEquals((stimulus.size() - 2) * VerilogBench.outputs(imported.module()).size(), compared, "every output is defined after reset");
    }

    /**
     * Words wider than 64 bits (72 with per-bit masks and a write-first read, 128 with byte
     * enables), and adjacent words Yosys merges into wide ports, run as Icarus runs the source.
     */
    @Test
    void wideMemoriesAndWidePortsAgree(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(VerilogBench.icarusAvailable(), "iverilog is not installed");
        List<Path> files = List.of(RESOURCES.resolve("wide_memory.v"));
        ImportedVerilog imported = VerilogImporter.read(files, "wide_memory");
        Memory m72 = memory(imported, "m72");
        Memory m128 = memory(imported, "m128");
        Memory mp = memory(imported, "mp");
        assertEquals(72, m72.wordType().width());
        assertEquals(128, m128.wordType().width());
        assertTrue(m128.writes().stream().allMatch(w -> w.byteEnable().isPresent()), "byte enables stay byte enables: " + m128.writes());
        assertEquals(8, mp.wordType().width());
        assertEquals(2, mp.syncReads().size(), "the 16-bit read of two words is one wide port of two one-word sub-ports");
        assertTrue(mp.writes().size() >= 2, "the wide write is one write per sub-port: " + mp.writes());
        List<Map<String, BigInteger>> stimulus = new ArrayList<>(VerilogBench.stimulus(imported.module(), "rst", 5, 200));
        // Reads at the address just written exercise the write-first bypass; clears collide with pair writes.
        for (int c = 0; c < stimulus.size(); c += 3) {
            Map<String, BigInteger> m = new LinkedHashMap<>(stimulus.get(c));
            m.put("ra72", m.get("wa72"));
            m.put("rap", m.get("wap"));
            m.put("ra128", m.get("wa128"));
            stimulus.set(c, m);
        }
        int compared = agree(files, imported, Map.of(), stimulus, 1, dir);
        int outputs = VerilogBench.outputs(imported.module()).size();
        assertTrue(compared >= (stimulus.size() - 1) * outputs, "every output is defined from the first edge: " + compared);
    }

    /**
     * Read registers with initial values, merged by Yosys into read ports, show them from power-up
     * until the port first updates, as Icarus does; the first rising edge is compared too.
     */
    @Test
    void initialisedReadRegistersAgreeFromPowerUp(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(VerilogBench.icarusAvailable(), "iverilog is not installed");
        List<Path> files = List.of(RESOURCES.resolve("initialised_reads.v"));
        ImportedVerilog imported = VerilogImporter.read(files, "initialised_reads");
        assertTrue(imported.module().registers().stream().anyMatch(r -> r.name().endsWith("_powerup")),
                "Yosys merged at least one initialised read register into its port: " + imported.module().registers());
        List<Map<String, BigInteger>> stimulus = new ArrayList<>(VerilogBench.stimulus(imported.module(), "rst", 3, 80));
        for (int c = 0; c < 6; c++) {
            // Hold the enable and clear low at first, so the initial values show for several cycles.
            Map<String, BigInteger> m = new LinkedHashMap<>(stimulus.get(c));
            m.put("en", BigInteger.ZERO);
            m.put("rst", BigInteger.ZERO);
            stimulus.set(c, m);
        }
        int compared = agree(files, imported, Map.of(), stimulus, 0, dir);
        assertEquals(stimulus.size() * VerilogBench.outputs(imported.module()).size(), compared, "every output is defined from power-up");
    }

    private static Memory memory(ImportedVerilog v, String name) {
        return v.module().memories().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no memory " + name + " in " + v.module().memories().stream().map(Memory::name).toList()));
    }

    /** Runs both simulations and compares every output Icarus gives a defined value from cycle {@code from}; returns how many. */
    private static int agree(List<Path> files, ImportedVerilog imported, Map<String, String> params, List<Map<String, BigInteger>> stimulus,
                             int from, Path dir) throws Exception {
        List<List<BigInteger>> expected = VerilogBench.icarus(files, imported.module(), params, stimulus, dir);
        List<List<BigInteger>> got = VerilogBench.embedded(imported.design(), stimulus);
        List<Port> outs = VerilogBench.outputs(imported.module());
        assertEquals(outs.size(), expected.getFirst().size());
        int compared = 0;
        for (int c = from; c < stimulus.size(); c++) {
            for (int i = 0; i < outs.size(); i++) {
                BigInteger e = expected.get(c).get(i);
                if (e == null) continue;
                compared++;
                if (!e.equals(got.get(c).get(i))) {
                    fail("cycle " + c + " output " + outs.get(i).name() + ": embedded " + got.get(c).get(i).toString(16)
                            + ", Icarus " + e.toString(16) + " (bench in " + dir + ")");
                }
            }
        }
        return compared;
    }
}
