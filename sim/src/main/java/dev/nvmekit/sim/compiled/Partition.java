package dev.nvmekit.sim.compiled;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model's statements are cut into methods ("chunks") and which chunks each value wakes.
 *
 * <p>Activity: every chunk has a flag bit in the state array; a chunk runs only when its flag
 * is set, and its flag is set when a slot or memory it reads changes — by an earlier chunk of
 * the same evaluation, by a register or memory taking a new value at an edge, or by the test
 * (a poke, a backdoor write). This is the change-driven evaluation of Verilator's and ESSENT's
 * partitions: an idle block costs one flag test per chunk, not its logic.
 *
 * <p>Chunks are numbered combinational first, then the compute chunks of each clock in clock
 * order. A compute chunk also has a pending bit, set when it ran: only then can its
 * registers' shadows differ from their values, so only then does its commit chunk run.
 */
final class Partition {
    /** A method: its statements, the clock of an edge chunk (-1: combinational) and, for an edge chunk, its registers' commits. */
    record Chunk(int index, int clock, List<Statement.Assign> body, List<Statement.Commit> commits) {
    }

    /** The flag words and bits to set: {@code v[words[i]] |= masks[i]}. */
    record Wake(int[] words, long[] masks) {
        static final Wake NONE = new Wake(new int[0], new long[0]);

        boolean isEmpty() {
            return words.length == 0;
        }

        void apply(long[] v) {
            for (int i = 0; i < words.length; i++) v[words[i]] |= masks[i];
        }
    }

    final List<Chunk> comb = new ArrayList<>();
    final List<List<Chunk>> compute = new ArrayList<>();
    private final Map<Statement.Assign, Chunk> chunkOf = new IdentityHashMap<>();
    private final Map<Integer, BitSet> slotReaders = new HashMap<>();
    private final Map<Integer, BitSet> memoryReaders = new HashMap<>();
    private int chunks;
    private int flagBase = -1;

    /**
     * @param combStatements   combinational statements in dependency order
     * @param computeStatements per clock, the statements that stage next values, in dependency order
     * @param commits          per clock, each register's commit with the statement staging its shadow
     * @param budget           the most expression nodes a chunk holds (a single bigger statement gets a chunk of its own)
     */
    Partition(List<Statement.Assign> combStatements, List<List<Statement.Assign>> computeStatements,
              List<Map<Statement.Commit, Statement.Assign>> commits, int budget) {
        for (List<Statement.Assign> part : cut(combStatements, budget)) comb.add(add(-1, part));
        for (int c = 0; c < computeStatements.size(); c++) {
            List<Chunk> own = new ArrayList<>();
            for (List<Statement.Assign> part : cut(computeStatements.get(c), budget)) own.add(add(c, part));
            compute.add(own);
            for (var e : commits.get(c).entrySet()) chunkOf.get(e.getValue()).commits().add(e.getKey());
        }
    }

    private Chunk add(int clock, List<Statement.Assign> body) {
        Chunk k = new Chunk(chunks++, clock, List.copyOf(body), new ArrayList<>());
        for (Statement.Assign a : body) {
            chunkOf.put(a, k);
            for (int s : a.reads()) slotReaders.computeIfAbsent(s, x -> new BitSet()).set(k.index());
            for (int m : a.memories()) memoryReaders.computeIfAbsent(m, x -> new BitSet()).set(k.index());
        }
        return k;
    }

    private static List<List<Statement.Assign>> cut(List<Statement.Assign> stmts, int budget) {
        List<List<Statement.Assign>> out = new ArrayList<>();
        int i = 0;
        while (i < stmts.size()) {
            int start = i;
            int size = 0;
            while (i < stmts.size() && (i == start || size + stmts.get(i).size() <= budget)) size += stmts.get(i++).size();
            out.add(stmts.subList(start, i));
        }
        return out;
    }

    /** Number of chunks (combinational and edge). */
    int chunks() {
        return chunks;
    }

    /** Bits of flag state: a run bit per chunk, then a pending bit per edge chunk. */
    int flagBits() {
        return chunks + (chunks - comb.size());
    }

    int flagWords() {
        return (flagBits() + 63) >>> 6;
    }

    /** Places the flag words at {@code base} in the state array. */
    void placeFlags(int base) {
        flagBase = base;
    }

    int flagBase() {
        return flagBase;
    }

    /** The state word holding chunk {@code k}'s run bit. */
    int runWord(Chunk k) {
        return flagBase + (k.index() >>> 6);
    }

    long runBit(Chunk k) {
        return 1L << (k.index() & 63);
    }

    /** The state word holding edge chunk {@code k}'s pending-commit bit. */
    int pendingWord(Chunk k) {
        return flagBase + (pendingIndex(k) >>> 6);
    }

    long pendingBit(Chunk k) {
        return 1L << (pendingIndex(k) & 63);
    }

    private int pendingIndex(Chunk k) {
        return chunks + k.index() - comb.size();
    }

    /** The chunk holding {@code a}. */
    Chunk chunkOf(Statement.Assign a) {
        return chunkOf.get(a);
    }

    /** The chunks to wake when slot {@code slot} changes, except {@code self} (which reads it later in its own body). */
    Wake readersOf(int slot, Chunk self) {
        return wake(slotReaders.get(slot), self);
    }

    /** The chunks to wake when memory {@code memory}'s contents change. */
    Wake readersOfMemory(int memory) {
        return wake(memoryReaders.get(memory), null);
    }

    /** A chunk's run bit alone (e.g. to recompute a register whose value the test replaced). */
    Wake only(Chunk k) {
        BitSet b = new BitSet();
        b.set(k.index());
        return wake(b, null);
    }

    private Wake wake(BitSet readers, Chunk self) {
        if (readers == null) return Wake.NONE;
        BitSet b = (BitSet) readers.clone();
        if (self != null) b.clear(self.index());
        if (b.isEmpty()) return Wake.NONE;
        List<Integer> words = new ArrayList<>();
        List<Long> masks = new ArrayList<>();
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
            int w = flagBase + (i >>> 6);
            if (words.isEmpty() || words.getLast() != w) {
                words.add(w);
                masks.add(0L);
            }
            masks.set(masks.size() - 1, masks.getLast() | 1L << (i & 63));
        }
        return new Wake(words.stream().mapToInt(Integer::intValue).toArray(), masks.stream().mapToLong(Long::longValue).toArray());
    }

    /** A wake that also sets {@code extra}'s words and bits. */
    static Wake union(Wake a, Wake b) {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        for (Wake w : List.of(a, b)) for (int i = 0; i < w.words().length; i++) m.merge(w.words()[i], w.masks()[i], (x, y) -> x | y);
        return new Wake(m.keySet().stream().mapToInt(Integer::intValue).toArray(), m.values().stream().mapToLong(Long::longValue).toArray());
    }
}
