package dev.nvmekit.sim.compiled;

/**
 * The interface of a generated model class: the two operations of a cycle-level simulator over
 * a state array {@code v} (see {@link StateLayout}) and memory arrays {@code m}.
 */
interface CompiledModel {
    /** Evaluates every combinational assignment in levelised order. */
    void eval(long[] v, long[][] m);

    /** Performs rising edges of the clocks whose bits are set in {@code clockMask}, together. */
    void edge(long[] v, long[][] m, long clockMask);
}
