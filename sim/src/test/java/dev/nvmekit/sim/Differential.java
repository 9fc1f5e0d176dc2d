package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Port;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Compares simulator backends with Icarus Verilog on the same random stimulus, cycle by cycle. */
final class Differential {
    static final int RESET_CYCLES = 2;

    private Differential() {
    }

    /** Random values for every non-clock input each cycle; {@code rst} high for the first cycles, then rarely. */
    static List<Map<String, BigInteger>> stimulus(Design design, long seed, int cycles) {
        Random random = new Random(seed);
        List<Map<String, BigInteger>> out = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            Map<String, BigInteger> m = new LinkedHashMap<>();
            for (Port p : design.topModule().ports()) {
                if (p.direction() != Direction.IN || p.name().equals("clk")) continue;
                m.put(p.name(), p.name().equals("rst") ? BigInteger.valueOf(c < RESET_CYCLES || random.nextInt(40) == 0 ? 1 : 0)
                        : new BigInteger(p.type().width(), random));
            }
            out.add(m);
        }
        return out;
    }

    /** Outputs of {@code backend} for the stimulus, in the same shape as {@link IcarusReference#run}. */
    static List<List<BigInteger>> simulate(SimulatorBackend backend, Design design, List<Map<String, BigInteger>> stimulus) {
        List<Port> outs = design.topModule().ports().stream().filter(p -> p.direction() == Direction.OUT).toList();
        List<List<BigInteger>> rows = new ArrayList<>();
        try (Simulator sim = backend.open(design, SimulationOptions.defaults())) {
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

    /** The first disagreement between Icarus and each backend after reset, or null. */
    static String compare(Design design, List<SimulatorBackend> backends, long seed, int cycles, Path dir) throws Exception {
        List<Map<String, BigInteger>> stimulus = stimulus(design, seed, cycles);
        List<List<BigInteger>> expected = IcarusReference.run(design, stimulus, dir);
        List<Port> outs = design.topModule().ports().stream().filter(p -> p.direction() == Direction.OUT).toList();
        for (SimulatorBackend b : backends) {
            List<List<BigInteger>> got = simulate(b, design, stimulus);
            for (int c = 0; c < cycles; c++) {
                for (int i = 0; i < outs.size(); i++) {
                    BigInteger e = expected.get(c).get(i);
                    if (e == null && c < RESET_CYCLES) continue;
                    if (!got.get(c).get(i).equals(e)) {
                        return b.name() + " cycle " + c + " output " + outs.get(i).name() + ": got " + got.get(c).get(i).toString(16)
                                + ", Icarus " + (e == null ? "x" : e.toString(16)) + " (Verilog in " + dir + ")";
                    }
                }
            }
        }
        return null;
    }
}
