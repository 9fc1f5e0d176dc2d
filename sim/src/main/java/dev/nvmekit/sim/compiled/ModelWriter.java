package dev.nvmekit.sim.compiled;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the class of a {@link Partition}ed model: one static method per chunk, the commits of
 * each edge chunk in a method of their own, the write ports of each clock, and dispatchers —
 * {@code eval} and {@code edge} — that call the chunks in order, each only when its flag is
 * set (or every chunk, unconditionally, when activity tracking is off). Dispatchers are cut
 * into groups of {@value #DISPATCH} chunks so that every method stays under HotSpot's 8000-byte
 * limit for JIT compilation.
 */
final class ModelWriter {
    static final ClassDesc MODEL = ClassDesc.of(ModelWriter.class.getPackageName() + ".GeneratedModel");
    private static final MethodTypeDesc CHUNK = MethodTypeDesc.ofDescriptor("([J[[J)V");
    private static final ClassDesc WIDE = ClassDesc.of(WideOps.class.getName());
    private static final int DISPATCH = 100;
    private static final int WRITES_PER_METHOD = 60;
    private static final int V = ExprCompiler.V;
    private static final int M = ExprCompiler.M;

    private final Partition plan;
    private final List<List<Statement.MemoryWrite>> writes;
    private final ExprCompiler exprs;
    private final ChangeTracking tracked;
    private final boolean activity;
    private final boolean share;

    ModelWriter(Partition plan, List<List<Statement.MemoryWrite>> writes, ExprCompiler exprs, boolean activity, boolean share) {
        this.plan = plan;
        this.writes = writes;
        this.exprs = exprs;
        this.tracked = new ChangeTracking(exprs);
        this.activity = activity;
        this.share = share;
    }

    byte[] write() {
        return ClassFile.of().build(MODEL, clb -> {
            clb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
            clb.withInterfaceSymbols(ClassDesc.of(CompiledModel.class.getName()));
            clb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void).return_());
            for (Partition.Chunk k : plan.comb) chunkMethod(clb, "c" + k.index(), cb -> body(cb, k));
            List<List<String>> writeMethods = new ArrayList<>();
            for (int c = 0; c < plan.compute.size(); c++) {
                for (Partition.Chunk k : plan.compute.get(c)) {
                    chunkMethod(clb, "e" + k.index(), cb -> body(cb, k));
                    if (!k.commits().isEmpty()) chunkMethod(clb, "k" + k.index(), cb -> commits(cb, k));
                }
                List<String> names = new ArrayList<>();
                List<Statement.MemoryWrite> ports = writes.get(c);
                for (int i = 0; i < ports.size(); i += WRITES_PER_METHOD) {
                    List<Statement.MemoryWrite> part = ports.subList(i, Math.min(ports.size(), i + WRITES_PER_METHOD));
                    String name = "w" + c + "_" + names.size();
                    names.add(name);
                    chunkMethod(clb, name, cb -> part.forEach(w -> memoryWrite(cb, w)));
                }
                writeMethods.add(names);
            }
            List<String> evalGroups = dispatchers(clb, "evalGroup", plan.comb, this::run);
            clb.withMethodBody("eval", CHUNK, ClassFile.ACC_PUBLIC, cb -> {
                for (String g : evalGroups) cb.aload(1).aload(2).invokestatic(MODEL, g, CHUNK);
                cb.return_();
            });
            List<List<String>> computeGroups = new ArrayList<>();
            List<List<String>> commitGroups = new ArrayList<>();
            for (int c = 0; c < plan.compute.size(); c++) {
                computeGroups.add(dispatchers(clb, "computeGroup" + c + "_", plan.compute.get(c), this::compute));
                List<Partition.Chunk> withCommits = plan.compute.get(c).stream().filter(k -> !k.commits().isEmpty()).toList();
                List<String> g = new ArrayList<>(dispatchers(clb, "commitGroup" + c + "_", withCommits, this::commit));
                g.addAll(writeMethods.get(c));
                commitGroups.add(g);
            }
            clb.withMethodBody("edge", MethodTypeDesc.ofDescriptor("([J[[JJ)V"), ClassFile.ACC_PUBLIC, cb -> {
                for (List<List<String>> phase : List.of(computeGroups, commitGroups)) {
                    for (int c = 0; c < phase.size(); c++) {
                        List<String> names = phase.get(c);
                        if (names.isEmpty()) continue;
                        cb.lload(3).loadConstant(1L << c).land().lconst_0().lcmp();
                        cb.ifThen(Opcode.IFNE, t -> {
                            for (String n : names) t.aload(1).aload(2).invokestatic(MODEL, n, CHUNK);
                        });
                    }
                }
                cb.return_();
            });
        });
    }

    private static void chunkMethod(ClassBuilder clb, String name, Consumer<CodeBuilder> body) {
        clb.withMethodBody(name, CHUNK, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb -> {
            body.accept(cb);
            cb.return_();
        });
    }

    /** Static methods each calling up to {@value #DISPATCH} chunks through {@code call}; returns their names. */
    private static List<String> dispatchers(ClassBuilder clb, String prefix, List<Partition.Chunk> chunks, Dispatch call) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i += DISPATCH) {
            List<Partition.Chunk> part = chunks.subList(i, Math.min(chunks.size(), i + DISPATCH));
            String name = prefix + names.size();
            names.add(name);
            chunkMethod(clb, name, cb -> part.forEach(k -> call.emit(cb, k)));
        }
        return names;
    }

    @FunctionalInterface
    private interface Dispatch {
        void emit(CodeBuilder cb, Partition.Chunk k);
    }

    private void body(CodeBuilder cb, Partition.Chunk k) {
        int tmp = cb.allocateLocal(TypeKind.LONG);
        List<Integer> locals = new ArrayList<>();
        for (Statement.Assign a : k.body()) {
            if (share) exprs.share(cb, a.value(), locals);
            Partition.Wake wake = activity ? plan.readersOf(a.dst(), k) : Partition.Wake.NONE;
            if (!wake.isEmpty()) {
                tracked.assign(cb, a.dst(), a.value(), a.amount(), tmp, t -> wake(t, wake));
            } else if (a.amount()) {
                exprs.assignAmount(cb, a.dst(), a.value());
            } else {
                exprs.assign(cb, a.dst(), a.value());
            }
            exprs.unshare();
        }
    }

    private void commits(CodeBuilder cb, Partition.Chunk k) {
        int tmp = cb.allocateLocal(TypeKind.LONG);
        for (Statement.Commit c : k.commits()) {
            Partition.Wake wake = activity ? plan.readersOf(c.target(), null) : Partition.Wake.NONE;
            if (wake.isEmpty()) exprs.copy(cb, c.target(), c.shadow(), c.words());
            else tracked.copy(cb, c.target(), c.shadow(), c.words(), tmp, t -> wake(t, wake));
        }
    }

    private void memoryWrite(CodeBuilder cb, Statement.MemoryWrite w) {
        cb.aload(V).aload(M).loadConstant(w.memory()).aaload().loadConstant(w.depth()).loadConstant(w.width())
                .loadConstant(w.enable()).loadConstant(w.address()).loadConstant(w.data()).loadConstant(w.byteEnable());
        cb.invokestatic(WIDE, "memWrite", MethodTypeDesc.ofDescriptor("([J[JIIIIII)Z"));
        Partition.Wake wake = activity ? plan.readersOfMemory(w.memory()) : Partition.Wake.NONE;
        if (wake.isEmpty()) cb.pop();
        else cb.ifThen(Opcode.IFNE, t -> wake(t, wake));
    }

    /** {@code v[word] |= mask} for each flag word to set. */
    private static void wake(CodeBuilder cb, Partition.Wake wake) {
        for (int i = 0; i < wake.words().length; i++) {
            cb.aload(V).loadConstant(wake.words()[i]).dup2().laload().loadConstant(wake.masks()[i]).lor().lastore();
        }
    }

    private static void call(CodeBuilder cb, Partition.Chunk k, String prefix) {
        cb.aload(V).aload(M).invokestatic(MODEL, prefix + k.index(), CHUNK);
    }

    /** If the bit is set: clear it and run {@code then}. */
    private static void ifFlag(CodeBuilder cb, int word, long bit, Consumer<CodeBuilder> then) {
        cb.aload(V).loadConstant(word).laload().loadConstant(bit).land().lconst_0().lcmp();
        cb.ifThen(Opcode.IFNE, t -> {
            t.aload(V).loadConstant(word).dup2().laload().loadConstant(~bit).land().lastore();
            then.accept(t);
        });
    }

    private void run(CodeBuilder cb, Partition.Chunk k) {
        if (activity) ifFlag(cb, plan.runWord(k), plan.runBit(k), t -> call(t, k, "c"));
        else call(cb, k, "c");
    }

    private void compute(CodeBuilder cb, Partition.Chunk k) {
        if (!activity) {
            call(cb, k, "e");
            return;
        }
        ifFlag(cb, plan.runWord(k), plan.runBit(k), t -> {
            call(t, k, "e");
            if (!k.commits().isEmpty()) {
                int w = plan.pendingWord(k);
                t.aload(V).loadConstant(w).dup2().laload().loadConstant(plan.pendingBit(k)).lor().lastore();
            }
        });
    }

    private void commit(CodeBuilder cb, Partition.Chunk k) {
        if (activity) ifFlag(cb, plan.pendingWord(k), plan.pendingBit(k), t -> call(t, k, "k"));
        else call(cb, k, "k");
    }
}
