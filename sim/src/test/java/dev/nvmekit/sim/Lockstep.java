package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs several simulators of one design on the same random stimulus and reports the first
 * difference. Clock nets are not compared: between steps Verilator holds a clock at its level
 * just after the edge, while the embedded simulators keep no stored value for it.
 */
final class Lockstep {
    private Lockstep() {
    }

    /** Drives random inputs (not clocks) every cycle; returns a description of the first mismatch, or null. */
    static String run(Design design, List<SimulatorBackend> backends, SimulationOptions options, long seed, int cycles) {
        List<Simulator> sims = new ArrayList<>();
        try {
            for (SimulatorBackend b : backends) sims.add(b.open(design, options));
            Simulator first = sims.getFirst();
            List<Simulator.SignalInfo> inputs = first.signals().stream()
                    .filter(s -> s.kind() == Simulator.SignalInfo.Kind.INPUT && !s.path().equals("clk") && !s.path().startsWith("clk")).toList();
            Random random = new Random(seed);
            for (int c = 0; c < cycles; c++) {
                for (Simulator.SignalInfo in : inputs) {
                    BigInteger v = new BigInteger(in.width(), random);
                    if (in.path().startsWith("rst")) v = BigInteger.valueOf(c < 2 || random.nextInt(50) == 0 ? 1 : 0);
                    for (Simulator s : sims) s.poke(in.path(), v);
                }
                for (Simulator.SignalInfo sig : first.signals()) {
                    if (isClockNet(sig.path())) continue;
                    BigInteger expected = first.peekBig(sig);
                    for (int i = 1; i < sims.size(); i++) {
                        BigInteger got = sims.get(i).peekBig(sig.path());
                        if (!got.equals(expected)) {
                            return "cycle " + c + ": " + sig.path() + " is " + got.toString(16) + " on " + backends.get(i).name()
                                    + " but " + expected.toString(16) + " on " + backends.getFirst().name();
                        }
                    }
                }
                for (Simulator s : sims) s.step();
            }
            return null;
        } finally {
            sims.forEach(Simulator::close);
        }
    }

    /** {@code clk}, {@code clk_slow}, {@code fifo.clk}: the design's clocks and the instance ports they drive. */
    static boolean isClockNet(String path) {
        return path.matches("(.*\\.)?clk(_\\w+)?");
    }
}
