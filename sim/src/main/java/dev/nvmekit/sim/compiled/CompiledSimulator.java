package dev.nvmekit.sim.compiled;

import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.engine.NetlistSimulator;
import dev.nvmekit.sim.netlist.FlatNetlist;

import java.math.BigInteger;

/**
 * A simulation running a model compiled to JVM bytecode by {@link ModelCompiler}: the state is
 * one {@code long[]} (see {@link StateLayout}) plus one {@code long[]} per memory. What the test
 * writes directly (a poke, a register's initial or reset value, a backdoor memory write) wakes
 * the model's methods that read it, as a change inside the model would.
 */
final class CompiledSimulator extends NetlistSimulator {
    private final CompiledModel model;
    private final long[] v;
    private final long[][] m;
    private final int[] offset;
    private final int[] memoryWords;
    private final ModelCompiler.Sensitivity sensitivity;

    CompiledSimulator(FlatNetlist net, SimulationOptions options, ModelCompiler.Compiled compiled) {
        super(net, options);
        this.model = compiled.model();
        this.offset = compiled.layout().signalOffset;
        this.v = new long[compiled.layout().totalWords()];
        for (StateLayout.Constant c : compiled.layout().constants) System.arraycopy(c.words(), 0, v, c.offset(), c.words().length);
        this.memoryWords = compiled.memoryWords();
        this.sensitivity = compiled.sensitivity();
        // every chunk runs once at first: nothing has been evaluated yet
        for (int bit = 0; bit < sensitivity.runBits(); bit++) v[sensitivity.flagBase() + (bit >>> 6)] |= 1L << (bit & 63);
        this.m = new long[net.memories().size()][];
        for (int i = 0; i < m.length; i++) m[i] = new long[net.memories().get(i).depth() * memoryWords[i]];
        start();
    }

    /** A copy of the activity flag words (for tests: which methods would run next). */
    long[] flags() {
        return java.util.Arrays.copyOfRange(v, sensitivity.flagBase(), sensitivity.flagBase() + sensitivity.flagWords());
    }

    @Override
    protected long load(int id) {
        return v[offset[id]];
    }

    @Override
    protected BigInteger loadBig(int id) {
        return WideOps.toBig(v, offset[id], net.signals().get(id).width());
    }

    @Override
    protected void store(int id, BigInteger pattern) {
        WideOps.fromBig(v, offset[id], net.signals().get(id).width(), pattern);
        sensitivity.signals()[id].apply(v);
    }

    @Override
    protected void store(int id, long pattern) {
        v[offset[id]] = pattern;
        sensitivity.signals()[id].apply(v);
    }

    @Override
    protected void evaluate() {
        model.eval(v, m);
    }

    @Override
    protected void edge(long clockMask) {
        model.edge(v, m, clockMask);
    }

    @Override
    protected BigInteger loadWord(int memory, int index) {
        int w = net.memories().get(memory).wordType().width();
        return WideOps.toBig(m[memory], index * memoryWords[memory], w);
    }

    @Override
    protected void storeWord(int memory, int index, BigInteger pattern) {
        int w = net.memories().get(memory).wordType().width();
        WideOps.fromBig(m[memory], index * memoryWords[memory], w, pattern);
        sensitivity.memories()[memory].apply(v);
    }
}
