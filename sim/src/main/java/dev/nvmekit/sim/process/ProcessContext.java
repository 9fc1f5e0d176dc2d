package dev.nvmekit.sim.process;

import dev.nvmekit.sim.Simulator;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * What a testbench process can do: wait for clock edges or for a condition, fork and join other
 * processes, and drive and observe the simulation. Only the process's own code may call it.
 */
public interface ProcessContext {
    /** This process's name. */
    String name();

    /** The simulation (shared by every process; only one process runs at a time). */
    Simulator sim();

    /** This process's random numbers, seeded from the testbench seed and the process's fork order. */
    Random random();

    /** Rising edges of the primary clock so far. */
    default long cycle() {
        return sim().cycle();
    }

    /** Suspends until {@code cycles} more rising edges of the primary clock have happened (0 returns at once). */
    void waitCycles(int cycles);

    /**
     * Suspends until {@code condition} holds; returns at once if it already does. The testbench
     * evaluates the condition itself after each clock edge and after other processes ran, so a
     * waiting process costs no thread switch until it is due.
     */
    void waitUntil(BooleanSupplier condition);

    /** Starts another process; it first runs after this one next waits (same cycle). */
    TestProcess fork(String name, ProcessBody body);

    /** Suspends until {@code other} has finished. */
    void join(TestProcess other);

    default void poke(String path, long value) {
        sim().poke(path, value);
    }

    default void poke(String path, BigInteger value) {
        sim().poke(path, value);
    }

    default long peek(String path) {
        return sim().peek(path);
    }

    default BigInteger peekBig(String path) {
        return sim().peekBig(path);
    }
}
