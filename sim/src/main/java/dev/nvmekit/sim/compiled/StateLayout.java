package dev.nvmekit.sim.compiled;

import java.util.ArrayList;
import java.util.List;

/**
 * Where everything lives in a compiled model's state array: each signal's words (one for up to
 * 64 bits, else {@code ceil(width/64)}, least significant first), shadow slots where a clock
 * edge stages next values, spilled sub-expressions, wide constants, the activity flags of the
 * model's methods (see {@link Partition}), and a scratch area reused by every statement for
 * temporary wide values. A combinational signal that only renames another shares its words.
 */
final class StateLayout {
    /** A wide constant to write into the state once, before the simulation starts. */
    record Constant(int offset, long[] words) {
    }

    final int[] signalOffset;
    final List<Constant> constants = new ArrayList<>();
    private int size;
    private int scratchBase = -1;
    private int scratchTop;
    private int scratchHigh;

    StateLayout(int signals) {
        signalOffset = new int[signals];
    }

    /** Reserves {@code words} persistent words. */
    int allocate(int words) {
        if (scratchBase >= 0) throw new IllegalStateException("persistent state allocated after the scratch area");
        int at = size;
        size += words;
        return at;
    }

    /** Ends persistent allocation; scratch follows. */
    void sealPersistent() {
        scratchBase = size;
        scratchTop = size;
        scratchHigh = size;
    }

    /** Frees every scratch word (at the start of a statement: temporaries never outlive one). */
    void resetScratch() {
        scratchTop = scratchBase;
    }

    int scratch(int words) {
        int at = scratchTop;
        scratchTop += words;
        scratchHigh = Math.max(scratchHigh, scratchTop);
        return at;
    }

    /** Words in the whole state array. */
    int totalWords() {
        return Math.max(size, scratchHigh);
    }

    static int words(int width) {
        return (width + 63) >>> 6;
    }
}
