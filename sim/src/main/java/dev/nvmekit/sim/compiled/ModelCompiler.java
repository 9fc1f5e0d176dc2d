package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.netlist.ExprSize;
import dev.nvmekit.sim.netlist.FlatAssign;
import dev.nvmekit.sim.netlist.FlatMemory;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatRegister;
import dev.nvmekit.sim.netlist.FlatSignal;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compiles a {@link FlatNetlist} into a hidden JVM class implementing {@link CompiledModel}.
 *
 * <p>The combinational assignments become straight-line code in levelised order; each clock's
 * edge becomes a compute phase (every register's next value and every write port's operands
 * staged into shadow slots, so all see the state before the edge) and a commit phase. Code is
 * cut into static methods of about {@value #CHUNK_NODES} expression nodes: far below the JVM's
 * 64 KiB method limit and small enough for HotSpot to JIT-compile (it skips methods over 8000
 * bytes of bytecode). Expressions bigger than that are split by spilling sub-expressions into
 * state slots of their own.
 */
final class ModelCompiler {
    static final int CHUNK_NODES = 160;
    private static final ClassDesc MODEL = ClassDesc.of(ModelCompiler.class.getPackageName() + ".GeneratedModel");
    private static final MethodTypeDesc CHUNK = MethodTypeDesc.ofDescriptor("([J[[J)V");

    /** A statement of generated code; its size guides the cutting into methods. */
    private record Stmt(int size, Consumer<CodeBuilder> emit) {
    }

    /** The result: the model and where its state lives. */
    record Compiled(CompiledModel model, StateLayout layout, int[] memoryWords, byte[] classBytes) {
    }

    private final FlatNetlist net;
    private final StateLayout layout;
    private final Map<String, Integer> offsets = new HashMap<>();
    private final Map<Expr.Literal, Integer> constants = new LinkedHashMap<>();
    private final Map<String, Integer> memoryIndex = new HashMap<>();
    private final Map<String, FlatMemory> memories = new HashMap<>();
    private final ExprCompiler exprs;
    private int spills;

    private ModelCompiler(FlatNetlist net) {
        this.net = net;
        this.layout = new StateLayout(net.signals().size());
        for (int i = 0; i < net.signals().size(); i++) {
            FlatSignal s = net.signals().get(i);
            int at = layout.allocate(StateLayout.words(s.width()));
            layout.signalOffset[i] = at;
            offsets.put(s.path(), at);
        }
        for (int i = 0; i < net.memories().size(); i++) {
            memoryIndex.put(net.memories().get(i).path(), i);
            memories.put(net.memories().get(i).path(), net.memories().get(i));
        }
        exprs = new ExprCompiler(offsets, memoryIndex, memories, constants, layout);
    }

    static Compiled compile(FlatNetlist net) {
        return new ModelCompiler(net).build();
    }

    private Compiled build() {
        List<Stmt> comb = new ArrayList<>();
        for (FlatAssign a : net.assigns()) {
            assignment(comb, layout.signalOffset[a.target()], a.value());
        }
        int clocks = net.clocks().size();
        List<List<Stmt>> compute = new ArrayList<>();
        List<List<Stmt>> commit = new ArrayList<>();
        for (int c = 0; c < clocks; c++) {
            compute.add(new ArrayList<>());
            commit.add(new ArrayList<>());
        }
        for (FlatRegister r : net.registers()) {
            int words = StateLayout.words(r.next().width());
            int shadow = layout.allocate(words);
            int target = layout.signalOffset[r.target()];
            assignment(compute.get(r.clock()), shadow, r.next());
            commit.get(r.clock()).add(new Stmt(2, cb -> exprs.copy(cb, target, shadow, words)));
        }
        for (int m = 0; m < net.memories().size(); m++) {
            FlatMemory mem = net.memories().get(m);
            for (FlatMemory.Write w : mem.writes()) {
                int en = layout.allocate(1);
                int addr = layout.allocate(1);
                int data = layout.allocate(StateLayout.words(w.data().width()));
                int be = w.byteEnable().map(e -> layout.allocate(StateLayout.words(e.width()))).orElse(-1);
                List<Stmt> c = compute.get(w.clock());
                assignment(c, en, w.enable());
                Expr address = limit(w.address(), c);
                c.add(new Stmt(ExprSize.of(address), cb -> exprs.assignAmount(cb, addr, address)));
                assignment(c, data, w.data());
                w.byteEnable().ifPresent(e -> assignment(c, be, e));
                int memory = m;
                commit.get(w.clock()).add(new Stmt(4, cb -> {
                    cb.aload(ExprCompiler.V).aload(ExprCompiler.M).loadConstant(memory).aaload()
                            .loadConstant(mem.depth()).loadConstant(mem.wordType().width())
                            .loadConstant(en).loadConstant(addr).loadConstant(data).loadConstant(be);
                    cb.invokestatic(ClassDesc.of(WideOps.class.getName()), "memWrite", MethodTypeDesc.ofDescriptor("([J[JIIIIII)V"));
                }));
            }
        }
        layout.sealPersistent();
        byte[] bytes = generate(comb, compute, commit);
        int[] memoryWords = net.memories().stream().mapToInt(m -> StateLayout.words(m.wordType().width())).toArray();
        return new Compiled(load(bytes), layout, memoryWords, bytes);
    }

    /** Adds {@code v[dst] = e}, spilling parts of {@code e} first when it is too big for one method. */
    private void assignment(List<Stmt> out, int dst, Expr e) {
        Expr small = limit(e, out);
        collectConstants(small);
        out.add(new Stmt(ExprSize.of(small), cb -> exprs.assign(cb, dst, small)));
    }

    /** {@code e} with sub-expressions spilled into slots (as statements added to {@code out}) until it is small. */
    private Expr limit(Expr e, List<Stmt> out) {
        if (ExprSize.of(e) <= CHUNK_NODES) {
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
    private Expr spill(Expr e, List<Stmt> out) {
        if (ExprSize.of(e) <= 4) return e;
        String name = "$spill" + spills++;
        int at = layout.allocate(StateLayout.words(e.width()));
        offsets.put(name, at);
        assignment(out, at, e);
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

    private byte[] generate(List<Stmt> comb, List<List<Stmt>> compute, List<List<Stmt>> commit) {
        return ClassFile.of().build(MODEL, clb -> {
            clb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
            clb.withInterfaceSymbols(ClassDesc.of(CompiledModel.class.getName()));
            clb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void).return_());
            List<String> evalChunks = chunks(clb, "comb", comb);
            clb.withMethodBody("eval", CHUNK, ClassFile.ACC_PUBLIC, cb -> {
                for (String c : evalChunks) cb.aload(1).aload(2).invokestatic(MODEL, c, CHUNK);
                cb.return_();
            });
            List<List<String>> computeChunks = new ArrayList<>();
            List<List<String>> commitChunks = new ArrayList<>();
            for (int c = 0; c < compute.size(); c++) {
                computeChunks.add(chunks(clb, "compute" + c + "_", compute.get(c)));
                commitChunks.add(chunks(clb, "commit" + c + "_", commit.get(c)));
            }
            clb.withMethodBody("edge", MethodTypeDesc.ofDescriptor("([J[[JJ)V"), ClassFile.ACC_PUBLIC, cb -> {
                for (List<List<String>> phase : List.of(computeChunks, commitChunks)) {
                    for (int c = 0; c < phase.size(); c++) {
                        List<String> names = phase.get(c);
                        if (names.isEmpty()) continue;
                        cb.lload(3).loadConstant(1L << c).land().lconst_0().lcmp();
                        cb.ifThen(java.lang.classfile.Opcode.IFNE, t -> {
                            for (String n : names) t.aload(1).aload(2).invokestatic(MODEL, n, CHUNK);
                        });
                    }
                }
                cb.return_();
            });
        });
    }

    /** Emits the statements as static methods {@code prefix0, prefix1, ...}; returns their names. */
    private static List<String> chunks(java.lang.classfile.ClassBuilder clb, String prefix, List<Stmt> stmts) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < stmts.size()) {
            int start = i;
            int size = 0;
            while (i < stmts.size() && (i == start || size + stmts.get(i).size() <= CHUNK_NODES)) size += stmts.get(i++).size();
            List<Stmt> part = stmts.subList(start, i);
            String name = prefix + names.size();
            names.add(name);
            clb.withMethodBody(name, CHUNK, ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cb -> {
                for (Stmt s : part) s.emit().accept(cb);
                cb.return_();
            });
        }
        return names;
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
