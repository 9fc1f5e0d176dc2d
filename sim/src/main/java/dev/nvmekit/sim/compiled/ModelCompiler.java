package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.check.ExprRefs;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.netlist.ExprSize;
import dev.nvmekit.sim.netlist.FlatAssign;
import dev.nvmekit.sim.netlist.FlatMemory;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatRegister;
import dev.nvmekit.sim.netlist.FlatSignal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a {@link FlatNetlist} into a hidden JVM class implementing {@link CompiledModel}.
 *
 * <p>The combinational assignments become straight-line code in dependency order; each clock's
 * edge becomes a compute phase (every register's next value and every write port's operands
 * staged into shadow slots, so all see the state before the edge) and a commit phase. Code is
 * cut into static methods of about {@value #CHUNK_NODES} expression nodes (see
 * {@link Partition}): far below the JVM's 64 KiB method limit and small enough for HotSpot to
 * JIT-compile (it skips methods over 8000 bytes of bytecode). Expressions bigger than that are
 * split by spilling sub-expressions into state slots of their own. A combinational signal that
 * is only another signal under a new name (a port connection, an output) gets no code and no
 * slot: it shares its source's words.
 *
 * <p>With activity tracking (the default) a method runs only when something it reads changed
 * since it last ran; without it every method runs on every evaluation and edge — the plain
 * reference the tracked model is tested against.
 */
final class ModelCompiler {
    static final int CHUNK_NODES = 160;

    /**
     * How to compile: the expression nodes per method, whether to skip methods whose inputs did
     * not change, and whether to compute a statement's repeated sub-expressions once.
     */
    record Options(int chunkNodes, boolean activity, boolean share) {
        static final Options DEFAULT = new Options(CHUNK_NODES, true, true);

        Options(int chunkNodes, boolean activity) {
            this(chunkNodes, activity, true);
        }
    }

    /**
     * What a simulation needs beyond the state layout to keep activity flags right when the test
     * changes state directly: the chunks to wake per signal id and per memory, and where the flags
     * live ({@code runBits} of them say a chunk must run; the rest that a chunk's commits are pending).
     */
    record Sensitivity(int flagBase, int flagBits, int runBits, Partition.Wake[] signals, Partition.Wake[] memories) {
        int flagWords() {
            return (flagBits + 63) >>> 6;
        }
    }

    /** The result: the model, where its state lives and what to wake when the test writes state. */
    record Compiled(CompiledModel model, StateLayout layout, int[] memoryWords, byte[] classBytes, Sensitivity sensitivity) {
    }

    private final FlatNetlist net;
    private final Options options;
    private final StateLayout layout;
    private final Map<String, Integer> offsets = new HashMap<>();
    private final Map<Expr.Literal, Integer> constants = new LinkedHashMap<>();
    private final Map<String, Integer> memoryIndex = new HashMap<>();
    private final Map<String, FlatMemory> memories = new HashMap<>();
    private final ExprCompiler exprs;
    private int spills;

    private ModelCompiler(FlatNetlist net, Options options) {
        this.net = net;
        this.options = options;
        this.layout = new StateLayout(net.signals().size());
        boolean[] alias = new boolean[net.signals().size()];
        for (FlatAssign a : net.assigns()) alias[a.target()] = sourceOf(a) != null;
        for (int i = 0; i < net.signals().size(); i++) {
            if (alias[i]) continue;
            FlatSignal s = net.signals().get(i);
            int at = layout.allocate(StateLayout.words(s.width()));
            layout.signalOffset[i] = at;
            offsets.put(s.path(), at);
        }
        // levelised: a source that is itself an alias is resolved before
        for (FlatAssign a : net.assigns()) {
            String source = sourceOf(a);
            if (source == null) continue;
            int at = offsets.get(source);
            layout.signalOffset[a.target()] = at;
            offsets.put(net.signals().get(a.target()).path(), at);
        }
        for (int i = 0; i < net.memories().size(); i++) {
            memoryIndex.put(net.memories().get(i).path(), i);
            memories.put(net.memories().get(i).path(), net.memories().get(i));
        }
        exprs = new ExprCompiler(offsets, memoryIndex, memories, constants, layout);
    }

    /** The signal an assignment only renames (same bits), or null. */
    private String sourceOf(FlatAssign a) {
        Expr e = a.value();
        if (e instanceof Expr.Cast c) e = c.operand();
        if (!(e instanceof Expr.Ref r)) return null;
        int id = net.signalId(r.name());
        return id >= 0 && net.signals().get(id).width() == net.signals().get(a.target()).width() ? r.name() : null;
    }

    static Compiled compile(FlatNetlist net) {
        return compile(net, Options.DEFAULT);
    }

    static Compiled compile(FlatNetlist net, Options options) {
        return new ModelCompiler(net, options).build();
    }

    private Compiled build() {
        List<Statement.Assign> comb = new ArrayList<>();
        for (FlatAssign a : CombOrder.of(net)) {
            if (sourceOf(a) == null) assignment(comb, layout.signalOffset[a.target()], a.value(), false);
        }
        int clocks = net.clocks().size();
        List<List<Statement.Assign>> compute = new ArrayList<>();
        List<Map<Statement.Commit, Statement.Assign>> commits = new ArrayList<>();
        List<List<Statement.MemoryWrite>> writes = new ArrayList<>();
        for (int c = 0; c < clocks; c++) {
            compute.add(new ArrayList<>());
            commits.add(new LinkedHashMap<>());
            writes.add(new ArrayList<>());
        }
        Map<Integer, Statement.Assign> staging = new HashMap<>();
        for (FlatRegister r : net.registers()) {
            int words = StateLayout.words(r.next().width());
            int shadow = layout.allocate(words);
            Statement.Assign next = assignment(compute.get(r.clock()), shadow, r.next(), false);
            commits.get(r.clock()).put(new Statement.Commit(layout.signalOffset[r.target()], shadow, words), next);
            staging.put(r.target(), next);
        }
        for (int m = 0; m < net.memories().size(); m++) {
            FlatMemory mem = net.memories().get(m);
            for (FlatMemory.Write w : mem.writes()) {
                int en = layout.allocate(1);
                int addr = layout.allocate(1);
                int data = layout.allocate(StateLayout.words(w.data().width()));
                int be = w.byteEnable().map(e -> layout.allocate(StateLayout.words(e.width()))).orElse(-1);
                List<Statement.Assign> c = compute.get(w.clock());
                assignment(c, en, w.enable(), false);
                assignment(c, addr, w.address(), true);
                assignment(c, data, w.data(), false);
                w.byteEnable().ifPresent(e -> assignment(c, be, e, false));
                writes.get(w.clock()).add(new Statement.MemoryWrite(m, mem.depth(), mem.wordType().width(), en, addr, data, be));
            }
        }
        Partition plan = new Partition(comb, compute, commits, options.chunkNodes());
        plan.placeFlags(layout.allocate(plan.flagWords()));
        layout.sealPersistent();
        byte[] bytes = new ModelWriter(plan, writes, exprs, options.activity(), options.share()).write();
        int[] memoryWords = net.memories().stream().mapToInt(m -> StateLayout.words(m.wordType().width())).toArray();
        return new Compiled(load(bytes), layout, memoryWords, bytes, sensitivity(plan, staging));
    }

    /**
     * A signal the test sets (an input, or a register by reset or initial value) wakes its
     * readers; a register also wakes the chunk staging its next value, since its commit must
     * run again even if nothing that chunk reads changed.
     */
    private Sensitivity sensitivity(Partition plan, Map<Integer, Statement.Assign> staging) {
        Partition.Wake[] signals = new Partition.Wake[net.signals().size()];
        Partition.Wake[] mems = new Partition.Wake[net.memories().size()];
        boolean on = options.activity();
        for (int i = 0; i < signals.length; i++) {
            Partition.Wake w = on ? plan.readersOf(layout.signalOffset[i], null) : Partition.Wake.NONE;
            Statement.Assign next = staging.get(i);
            if (on && next != null) w = Partition.union(w, plan.only(plan.chunkOf(next)));
            signals[i] = w;
        }
        for (int m = 0; m < mems.length; m++) mems[m] = on ? plan.readersOfMemory(m) : Partition.Wake.NONE;
        return new Sensitivity(plan.flagBase(), on ? plan.flagBits() : 0, on ? plan.chunks() : 0, signals, mems);
    }

    /** Adds {@code v[dst] = e} (clamped to a long when {@code amount}), spilling parts of {@code e} first when it is too big for one method. */
    private Statement.Assign assignment(List<Statement.Assign> out, int dst, Expr e, boolean amount) {
        Expr small = limit(e, out);
        collectConstants(small);
        Set<String> names = new TreeSet<>();
        ExprRefs.collect(small, names);
        TreeSet<Integer> slots = new TreeSet<>();
        TreeSet<Integer> mems = new TreeSet<>();
        for (String n : names) {
            if (n.startsWith("mem:")) mems.add(memoryIndex.get(n.substring(4)));
            else slots.add(offsets.get(n));
        }
        Statement.Assign a = new Statement.Assign(dst, StateLayout.words(e.width()), small, amount,
                slots.stream().mapToInt(Integer::intValue).toArray(), mems.stream().mapToInt(Integer::intValue).toArray());
        out.add(a);
        return a;
    }

    /** {@code e} with sub-expressions spilled into slots (as statements added to {@code out}) until it is small. */
    private Expr limit(Expr e, List<Statement.Assign> out) {
        if (ExprSize.of(e) <= options.chunkNodes()) {
            collectConstants(e);
            return e;
        }
        Expr cut = switch (e) {
            case Expr.Ref r -> r;
            case Expr.Literal l -> l;
            case Expr.Unary u -> new Expr.Unary(u.op(), spill(u.operand(), out), u.type());
            case Expr.Binary b -> new Expr.Binary(b.op(), spill(b.left(), out), spill(b.right(), out), b.type());
            case Expr.Mux m -> new Expr.Mux(spill(m.select(), out), spill(m.whenTrue(), out), spill(m.whenFalse(), out), m.type());
            case Expr.Concat c -> new Expr.Concat(c.parts().stream().map(p -> spill(p, out)).toList(), c.type());
            case Expr.Slice s -> new Expr.Slice(spill(s.operand(), out), s.hi(), s.lo(), s.type());
            case Expr.Extend x -> new Expr.Extend(spill(x.operand(), out), x.type());
            case Expr.Cast c -> new Expr.Cast(spill(c.operand(), out), c.type());
            case Expr.MemRead m -> new Expr.MemRead(m.memory(), spill(m.address(), out), m.type());
        };
        collectConstants(cut);
        return cut;
    }

    /** A reference to a fresh slot holding {@code e} (computed by a statement added to {@code out}), or {@code e} if tiny. */
    private Expr spill(Expr e, List<Statement.Assign> out) {
        if (ExprSize.of(e) <= 4) return e;
        String name = "$spill" + spills++;
        int at = layout.allocate(StateLayout.words(e.width()));
        offsets.put(name, at);
        assignment(out, at, e, false);
        return new Expr.Ref(name, e.type());
    }

    private void collectConstants(Expr e) {
        switch (e) {
            case Expr.Literal l when l.width() > 64 -> constants.computeIfAbsent(l, k -> {
                int at = layout.allocate(StateLayout.words(k.width()));
                layout.constants.add(new StateLayout.Constant(at, ExprCompiler.words(k.value(), k.width())));
                return at;
            });
            case Expr.Ref r -> {
            }
            case Expr.Literal l -> {
            }
            case Expr.Unary u -> collectConstants(u.operand());
            case Expr.Binary b -> {
                collectConstants(b.left());
                collectConstants(b.right());
            }
            case Expr.Mux m -> {
                collectConstants(m.select());
                collectConstants(m.whenTrue());
                collectConstants(m.whenFalse());
            }
            case Expr.Concat c -> c.parts().forEach(this::collectConstants);
            case Expr.Slice s -> collectConstants(s.operand());
            case Expr.Extend x -> collectConstants(x.operand());
            case Expr.Cast c -> collectConstants(c.operand());
            case Expr.MemRead m -> collectConstants(m.address());
        }
    }

    private static CompiledModel load(byte[] bytes) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (CompiledModel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot load the generated model", t);
        }
    }
}
