package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.random.RandomDesigns;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.sim.SimulationOptions;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Emit, import, simulate: a random design's emitted Verilog, read back through Yosys, gives the
 * same outputs cycle for cycle on the embedded backend as the original IR, from the first cycle.
 * Few tries, since each runs Yosys once. Designs come from rtl-gen's {@link RandomDesigns}
 * (hierarchy, memories, signed and wide values).
 *
 * <p>Power-up state is one explicit policy on both sides: the original runs under
 * {@code InitPolicy.ZERO}, so every register and memory word it never initialised starts at zero,
 * and the import is told the same ({@link PowerUp#ZERO}), so Yosys fixes those zeros before it
 * restructures anything. Left undefined ({@code x}), that state is Yosys's to reshape: with seed
 * 9874 it moved an uninitialised address register into a memory read port, whose power-up word
 * then differed from the one the zero address reads in the original. The import must leave
 * nothing undefined: it is also run under {@code InitPolicy.RANDOM} and must not change.
 */
class RoundTripProperties {
    @Property(tries = 8, seed = "20261125") // fixed: CI must be repeatable; change the seed to explore
    void emitThenImportSimulatesTheSame(@ForAll long seed) throws Exception {
        roundTrip(seed);
    }

    /** The design whose uninitialised address register Yosys merged into a read port (see the class comment). */
    @Example
    void uninitialisedAddressRegisterMergedIntoAReadPort() throws Exception {
        roundTrip(9874);
    }

    private static void roundTrip(long seed) throws Exception {
        Design original = Elaborator.elaborate(RandomDesigns.design(seed)).design();
        Path dir = Files.createTempDirectory("nvmekit-roundtrip");
        try {
            Path v = dir.resolve("design.v");
            Files.writeString(v, VerilogEmitter.emit(original));
            ImportedVerilog back = VerilogImporter.read(List.of(v), original.top(), Map.of(), PowerUp.ZERO);
            assertEquals(original.topModule().ports().stream().map(Port::name).toList(),
                    back.module().ports().stream().map(Port::name).toList());
            List<Map<String, BigInteger>> stimulus = VerilogBench.stimulus(original.topModule(), "rst", seed, 60);
            List<List<BigInteger>> want = VerilogBench.embedded(original, stimulus, SimulationOptions.defaults());
            List<List<BigInteger>> got = VerilogBench.embedded(back.design(), stimulus, SimulationOptions.defaults());
            List<List<BigInteger>> gotRandom = VerilogBench.embedded(back.design(), stimulus, SimulationOptions.defaults().withRandomInit(seed));
            List<Port> outs = VerilogBench.outputs(original.topModule());
            for (int c = 0; c < stimulus.size(); c++) {
                for (int i = 0; i < outs.size(); i++) {
                    String at = "seed " + seed + " cycle " + c + " output " + outs.get(i).name();
                    assertEquals(want.get(c).get(i), got.get(c).get(i), at);
                    assertEquals(got.get(c).get(i), gotRandom.get(c).get(i), at + ": the import left state undefined (random power-up differs)");
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
