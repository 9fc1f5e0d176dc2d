package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.designs.FifoPair;
import dev.nvmekit.sim.designs.RandomDesign;
import dev.nvmekit.sim.designs.TwoClocks;
import dev.nvmekit.sim.designs.WideAlu;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.Flattener;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change-driven evaluation (methods skipped while nothing they read changed) gives the same
 * trace as evaluating everything: the compiled model with activity flags, cut into methods as
 * small as one node so that skipping and waking cross every kind of boundary, against the same
 * model without flags — every signal, internal ones included, and every memory word, under
 * stimulus that holds inputs for a while (so that much is skipped), pokes twice within a cycle,
 * pulses resets and writes memories through the backdoor.
 */
class ActivityProperties {
    @Property(tries = 40, seed = "20261126") // fixed: CI must be repeatable; change the seed to explore
    void trackedModelAgreesWithFullEvaluation(@ForAll long seed, @ForAll @IntRange(min = 4, max = 40) int ops,
                                              @ForAll @IntRange(min = 1, max = 12) int chunkNodes) {
        Design design = Elaborator.elaborate(new RandomDesign(seed, ops, 2)).design();
        String mismatch = compare(design, SimulationOptions.defaults().withRandomInit(seed), chunkNodes, seed, 120);
        assertNull(mismatch, "seed " + seed + ", ops " + ops + ", chunk " + chunkNodes + ": " + mismatch);
    }

    @Test
    void twoClocksWithAnAsynchronousReset() {
        SimulationOptions o = SimulationOptions.defaults().withClocks(new ClockSpec("clk", 10_000, 5_000), new ClockSpec("clk_slow", 30_000, 5_000));
        for (int chunk : new int[] {1, 2, 160}) assertNull(compare(design(new TwoClocks()), o, chunk, chunk, 300));
    }

    @Test
    void hierarchyWideValuesAndMemories() {
        for (Component c : List.of(new FifoPair(), new WideAlu(), new LfsrMesh(6))) {
            for (int chunk : new int[] {1, 5, 40}) {
                String m = compare(design(c), SimulationOptions.defaults(), chunk, chunk * 7L, 300);
                assertNull(m, c.getClass().getSimpleName() + ", chunk " + chunk + ": " + m);
            }
        }
    }

    /** The flags really skip work: with nothing changing, a settled model runs no method on another evaluation. */
    @Test
    void anIdleDesignRunsNothing() {
        FlatNetlist net = Flattener.flatten(design(new FifoPair()));
        ModelCompiler.Compiled c = ModelCompiler.compile(net, new ModelCompiler.Options(2, true));
        try (CompiledSimulator sim = new CompiledSimulator(net, SimulationOptions.defaults(), c)) {
            sim.reset(2);
            sim.step(3);
            sim.peek(sim.signal("empty"));
            long[] flags = sim.flags();
            assertTrue(flags.length > 0 && c.sensitivity().flagBits() > 4, c.sensitivity().flagBits() + " flags");
            for (int i = 0; i < flags.length; i++) {
                assertTrue(flags[i] == 0, "flag word " + i + " is " + Long.toHexString(flags[i]) + " on an idle FIFO");
            }
        }
    }

    private static Design design(Component c) {
        return Elaborator.elaborate(c).design();
    }

    /** Runs the tracked and untracked models side by side on the same stimulus; the first difference, or null. */
    static String compare(Design design, SimulationOptions options, int chunkNodes, long seed, int cycles) {
        FlatNetlist net = Flattener.flatten(design);
        List<Simulator> sims = List.of(
                new CompiledSimulator(net, options, ModelCompiler.compile(net, new ModelCompiler.Options(ModelCompiler.CHUNK_NODES, false))),
                new CompiledSimulator(net, options, ModelCompiler.compile(net, new ModelCompiler.Options(chunkNodes, true))));
        try {
            Simulator ref = sims.getFirst();
            List<Simulator.SignalInfo> inputs = new ArrayList<>();
            for (Simulator.SignalInfo s : ref.signals()) {
                boolean clock = options.clocks().stream().anyMatch(k -> k.port().equals(s.path())) || s.path().equals("clk");
                if (s.kind() == Simulator.SignalInfo.Kind.INPUT && !clock) inputs.add(s);
            }
            List<Simulator.MemoryInfo> memories = net.memories().stream().map(m -> ref.memory(m.path())).toList();
            Random random = new Random(seed);
            for (int c = 0; c < cycles; c++) {
                for (Simulator.SignalInfo in : inputs) {
                    boolean reset = in.path().contains("rst");
                    if (random.nextInt(reset ? 12 : 3) != 0 && c > 0) continue; // held: later evaluations can skip
                    BigInteger v = new BigInteger(in.width(), random);
                    for (Simulator s : sims) s.poke(in, v);
                    if (random.nextInt(6) == 0) {
                        String m = peekAll(sims, c);
                        if (m != null) return m;
                    }
                }
                if (!memories.isEmpty() && random.nextInt(10) == 0) {
                    Simulator.MemoryInfo mem = memories.get(random.nextInt(memories.size()));
                    int index = random.nextInt(mem.depth());
                    BigInteger v = new BigInteger(mem.width(), random);
                    for (Simulator s : sims) s.writeMemory(mem, index, v);
                }
                if (random.nextInt(3) != 0) {
                    String m = peekAll(sims, c);
                    if (m != null) return m;
                    for (Simulator.MemoryInfo mem : memories) {
                        for (int i = 0; i < mem.depth(); i++) {
                            if (!sims.get(1).readMemory(mem, i).equals(ref.readMemory(mem, i))) return "cycle " + c + ": " + mem.path() + "[" + i + "] differs";
                        }
                    }
                }
                int steps = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1;
                for (Simulator s : sims) s.step(steps);
            }
            return peekAll(sims, cycles);
        } finally {
            sims.forEach(Simulator::close);
        }
    }

    private static String peekAll(List<Simulator> sims, int cycle) {
        Simulator ref = sims.getFirst();
        for (Simulator.SignalInfo s : ref.signals()) {
            BigInteger expected = ref.peekBig(s);
            BigInteger got = sims.get(1).peekBig(s);
            if (!got.equals(expected)) {
                return "cycle " + cycle + ": " + s.path() + " is " + got.toString(16) + " with activity flags but " + expected.toString(16) + " evaluating everything";
            }
        }
        return null;
    }
}
