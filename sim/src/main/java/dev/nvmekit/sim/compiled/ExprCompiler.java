package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.netlist.FlatMemory;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits JVM bytecode for IR expressions. A value of at most 64 bits is computed on the operand
 * stack as a zero-extended {@code long}; a wider value is computed into words of the state array
 * by {@link WideOps} calls, and {@link #wide} returns where it ended up (a signal's own words when
 * the expression is a plain reference, so nothing is copied). The generated methods take the
 * state array in local 0 and the memory arrays in local 1.
 */
final class ExprCompiler {
    static final int V = 0;
    static final int M = 1;
    private static final ClassDesc NARROW = ClassDesc.of(NarrowOps.class.getName());
    private static final ClassDesc WIDE = ClassDesc.of(WideOps.class.getName());

    private final Map<String, Integer> offsets;
    private final Map<String, Integer> memoryIndex;
    private final Map<String, FlatMemory> memories;
    private final Map<Expr.Literal, Integer> constants;
    private final StateLayout layout;
    /** Narrow sub-expressions of the current statement already computed into long locals. */
    private final Map<Expr, Integer> shared = new HashMap<>();

    ExprCompiler(Map<String, Integer> offsets, Map<String, Integer> memoryIndex, Map<String, FlatMemory> memories,
                 Map<Expr.Literal, Integer> constants, StateLayout layout) {
        this.offsets = offsets;
        this.memoryIndex = memoryIndex;
        this.memories = memories;
        this.constants = constants;
        this.layout = layout;
    }

    /**
     * Starts a statement computing {@code e}: evaluates each of its repeated narrow
     * sub-expressions (see {@link SharedSubexpressions}) once into a local taken from
     * {@code locals}, for the statement's code to read. Pure expressions: computing one whose
     * only uses sit in an untaken mux arm changes nothing but time.
     */
    void share(CodeBuilder cb, Expr e, List<Integer> locals) {
        shared.clear();
        List<Expr> repeated = SharedSubexpressions.of(e);
        while (locals.size() < repeated.size()) locals.add(cb.allocateLocal(java.lang.classfile.TypeKind.LONG));
        for (int i = 0; i < repeated.size(); i++) {
            layout.resetScratch();
            narrow(cb, repeated.get(i));
            cb.lstore(locals.get(i));
            shared.put(repeated.get(i), locals.get(i));
        }
    }

    /** Ends the statement begun by {@link #share}. */
    void unshare() {
        shared.clear();
    }

    /** Emits {@code v[dst..] = e}. */
    void assign(CodeBuilder cb, int dst, Expr e) {
        layout.resetScratch();
        if (e.width() <= 64) {
            cb.aload(V).loadConstant(dst);
            narrow(cb, e);
            cb.lastore();
        } else {
            int at = wide(cb, e, dst);
            if (at != dst) copy(cb, dst, at, StateLayout.words(e.width()));
        }
    }

    /** Emits {@code v[dst] = e} for a shift amount or address of any width, clamped to a long. */
    void assignAmount(CodeBuilder cb, int dst, Expr e) {
        layout.resetScratch();
        cb.aload(V).loadConstant(dst);
        amount(cb, e);
        cb.lastore();
    }

    /** Frees the scratch words of the previous statement (at the start of a statement). */
    void beginStatement() {
        layout.resetScratch();
    }

    void copy(CodeBuilder cb, int dst, int src, int words) {
        if (words == 1) {
            cb.aload(V).loadConstant(dst).aload(V).loadConstant(src).laload().lastore();
        } else {
            cb.aload(V).loadConstant(dst).loadConstant(src).loadConstant(words);
            wideCall(cb, "copy", "([JIII)V");
        }
    }

    private int offset(String name) {
        Integer o = offsets.get(name);
        if (o == null) throw new IllegalStateException("no state slot for " + name);
        return o;
    }

    private static void narrowCall(CodeBuilder cb, String name, String descriptor) {
        cb.invokestatic(NARROW, name, MethodTypeDesc.ofDescriptor(descriptor));
    }

    static void wideCall(CodeBuilder cb, String name, String descriptor) {
        cb.invokestatic(WIDE, name, MethodTypeDesc.ofDescriptor(descriptor));
    }

    private static long mask(int w) {
        return NarrowOps.mask(w);
    }

    /** Leaves the value of a narrow expression on the stack. */
    void narrow(CodeBuilder cb, Expr e) {
        Integer local = shared.get(e);
        if (local != null) {
            cb.lload(local);
            return;
        }
        switch (e) {
            case Expr.Ref r -> cb.aload(V).loadConstant(offset(r.name())).laload();
            case Expr.Literal l -> cb.loadConstant(l.value().longValue());
            case Expr.Unary u -> unary(cb, u);
            case Expr.Binary b -> binary(cb, b);
            case Expr.Mux m -> {
                narrow(cb, m.select());
                cb.lconst_0().lcmp();
                cb.ifThenElse(Opcode.IFNE, t -> narrow(t, m.whenTrue()), f -> narrow(f, m.whenFalse()));
            }
            case Expr.Concat c -> {
                boolean first = true;
                for (Expr p : c.parts()) {
                    if (!first) cb.loadConstant(p.width()).lshl();
                    narrow(cb, p);
                    if (!first) cb.lor();
                    first = false;
                }
            }
            case Expr.Slice s -> {
                if (s.operand().width() <= 64) {
                    narrow(cb, s.operand());
                    if (s.lo() > 0) cb.loadConstant(s.lo()).lushr();
                    cb.loadConstant(mask(s.width())).land();
                } else {
                    int at = wide(cb, s.operand(), -1);
                    cb.aload(V).loadConstant(at).loadConstant(s.lo()).loadConstant(s.width());
                    wideCall(cb, "sliceLong", "([JIII)J");
                }
            }
            case Expr.Extend x -> {
                narrow(cb, x.operand());
                if (x.operand().type().signed()) {
                    cb.loadConstant(x.operand().width());
                    narrowCall(cb, "sext", "(JI)J");
                    cb.loadConstant(mask(x.width())).land();
                }
            }
            case Expr.Cast c -> narrow(cb, c.operand());
            case Expr.MemRead r -> {
                FlatMemory mem = memories.get(r.memory());
                cb.aload(M).loadConstant(memoryIndex.get(r.memory())).aaload();
                if (r.address().width() < 31 && (1 << r.address().width()) <= mem.depth()) {
                    // every address the port can form is inside the memory: no range check
                    narrow(cb, r.address());
                    cb.l2i().laload();
                } else {
                    cb.loadConstant(mem.depth());
                    amount(cb, r.address());
                    narrowCall(cb, "memRead", "([JIJ)J");
                }
            }
        }
    }

    /** Leaves a long on the stack: the expression's value, or the largest long when it does not fit 63 bits. */
    void amount(CodeBuilder cb, Expr e) {
        if (e.width() <= 64) {
            narrow(cb, e);
        } else {
            int at = wide(cb, e, -1);
            cb.aload(V).loadConstant(at).loadConstant(e.width());
            wideCall(cb, "amount", "([JII)J");
        }
    }

    private void unary(CodeBuilder cb, Expr.Unary u) {
        int w = u.operand().width();
        if (w > 64) {
            int at = wide(cb, u.operand(), -1);
            cb.aload(V).loadConstant(at).loadConstant(w);
            switch (u.op()) {
                case AND_REDUCE -> wideCall(cb, "andReduce", "([JII)J");
                case OR_REDUCE -> wideCall(cb, "orReduce", "([JII)J");
                case XOR_REDUCE -> wideCall(cb, "xorReduce", "([JII)J");
                default -> throw new IllegalStateException(u.op() + " of a wide operand is wide");
            }
            return;
        }
        narrow(cb, u.operand());
        switch (u.op()) {
            case NOT -> cb.loadConstant(mask(w)).lxor();
            case NEG -> {
                cb.lneg();
                if (w < 64) cb.loadConstant(mask(w)).land();
            }
            case AND_REDUCE -> {
                cb.loadConstant(mask(w));
                narrowCall(cb, "eq", "(JJ)J");
            }
            case OR_REDUCE -> narrowCall(cb, "nonZero", "(J)J");
            case XOR_REDUCE -> narrowCall(cb, "parity", "(J)J");
        }
    }

    private void binary(CodeBuilder cb, Expr.Binary b) {
        int w = b.left().width();
        int signed = b.left().type().signed() ? 1 : 0;
        if (b.op().isComparison() && w > 64) {
            int l = wide(cb, b.left(), -1);
            int r = wide(cb, b.right(), -1);
            switch (b.op()) {
                case EQ, NE -> {
                    cb.aload(V).loadConstant(l).loadConstant(r).loadConstant(w);
                    wideCall(cb, "eq", "([JIII)J");
                    if (b.op() == Expr.BinaryOp.NE) cb.lconst_1().lxor();
                }
                case LT, GE -> {
                    cb.aload(V).loadConstant(l).loadConstant(r).loadConstant(w).loadConstant(signed);
                    wideCall(cb, "lt", "([JIIII)J");
                    if (b.op() == Expr.BinaryOp.GE) cb.lconst_1().lxor();
                }
                case LE, GT -> {
                    cb.aload(V).loadConstant(l).loadConstant(r).loadConstant(w).loadConstant(signed);
                    wideCall(cb, "le", "([JIIII)J");
                    if (b.op() == Expr.BinaryOp.GT) cb.lconst_1().lxor();
                }
                default -> throw new IllegalStateException();
            }
            return;
        }
        if (b.op().isShift()) {
            narrow(cb, b.left());
            amount(cb, b.right());
            cb.loadConstant(w);
            if (b.op() == Expr.BinaryOp.SHL) narrowCall(cb, "shl", "(JJI)J");
            else narrowCall(cb, signed != 0 ? "sra" : "shr", "(JJI)J");
            return;
        }
        if (b.op() == Expr.BinaryOp.MUL) {
            narrow(cb, b.left());
            cb.loadConstant(w);
            narrow(cb, b.right());
            cb.loadConstant(b.right().width()).loadConstant(signed);
            narrowCall(cb, "mul", "(JIJII)J");
            return;
        }
        narrow(cb, b.left());
        narrow(cb, b.right());
        switch (b.op()) {
            case ADD -> {
                cb.ladd();
                if (w < 64) cb.loadConstant(mask(w)).land();
            }
            case SUB -> {
                cb.lsub();
                if (w < 64) cb.loadConstant(mask(w)).land();
            }
            case AND -> cb.land();
            case OR -> cb.lor();
            case XOR -> cb.lxor();
            case EQ -> narrowCall(cb, "eq", "(JJ)J");
            case NE -> narrowCall(cb, "ne", "(JJ)J");
            case LT, GT, LE, GE -> {
                boolean swap = b.op() == Expr.BinaryOp.GT || b.op() == Expr.BinaryOp.GE;
                boolean strict = b.op() == Expr.BinaryOp.LT || b.op() == Expr.BinaryOp.GT;
                if (swap) {
                    // a > b is b < a: swap the two longs on the stack
                    cb.dup2_x2().pop2();
                }
                if (signed != 0) {
                    cb.loadConstant(w);
                    narrowCall(cb, strict ? "slt" : "sle", "(JJI)J");
                } else {
                    narrowCall(cb, strict ? "lt" : "le", "(JJ)J");
                }
            }
            default -> throw new IllegalStateException(b.op().toString());
        }
    }

    private int target(int hint, int width) {
        return hint >= 0 ? hint : layout.scratch(StateLayout.words(width));
    }

    /** Computes a wide expression into the state array; returns the offset of its words. */
    int wide(CodeBuilder cb, Expr e, int hint) {
        int w = e.width();
        switch (e) {
            case Expr.Ref r -> {
                return offset(r.name());
            }
            case Expr.Literal l -> {
                return constants.get(l);
            }
            case Expr.Cast c -> {
                return wide(cb, c.operand(), hint);
            }
            case Expr.Unary u -> {
                int a = wide(cb, u.operand(), -1);
                int dst = target(hint, w);
                cb.aload(V).loadConstant(dst).loadConstant(a).loadConstant(w);
                wideCall(cb, u.op() == Expr.UnaryOp.NOT ? "not" : "neg", "([JIII)V");
                return dst;
            }
            case Expr.Binary b -> {
                return wideBinary(cb, b, hint);
            }
            case Expr.Mux m -> {
                int dst = target(hint, w);
                narrow(cb, m.select());
                cb.lconst_0().lcmp();
                cb.ifThenElse(Opcode.IFNE, t -> arm(t, m.whenTrue(), dst), f -> arm(f, m.whenFalse(), dst));
                return dst;
            }
            case Expr.Concat c -> {
                int dst = target(hint, w);
                cb.aload(V).loadConstant(dst).loadConstant(StateLayout.words(w));
                wideCall(cb, "zero", "([JII)V");
                int pos = w;
                for (Expr p : c.parts()) {
                    pos -= p.width();
                    if (p.width() > 64) {
                        int at = wide(cb, p, -1);
                        cb.aload(V).loadConstant(dst).loadConstant(pos).loadConstant(at).loadConstant(p.width());
                        wideCall(cb, "insert", "([JIIII)V");
                    } else {
                        cb.aload(V).loadConstant(dst).loadConstant(pos);
                        narrow(cb, p);
                        cb.loadConstant(p.width());
                        wideCall(cb, "insertLong", "([JIIJI)V");
                    }
                }
                return dst;
            }
            case Expr.Slice s -> {
                int at = wide(cb, s.operand(), -1);
                int dst = target(hint, w);
                cb.aload(V).loadConstant(dst).loadConstant(at).loadConstant(s.lo()).loadConstant(w);
                wideCall(cb, "slice", "([JIIII)V");
                return dst;
            }
            case Expr.Extend x -> {
                int signed = x.operand().type().signed() ? 1 : 0;
                if (x.operand().width() <= 64) {
                    int dst = target(hint, w);
                    cb.aload(V).loadConstant(dst);
                    narrow(cb, x.operand());
                    cb.loadConstant(x.operand().width()).loadConstant(w).loadConstant(signed);
                    wideCall(cb, "fromLong", "([JIJIII)V");
                    return dst;
                }
                int at = wide(cb, x.operand(), -1);
                int dst = target(hint, w);
                cb.aload(V).loadConstant(dst).loadConstant(at).loadConstant(x.operand().width()).loadConstant(w).loadConstant(signed);
                wideCall(cb, "extend", "([JIIIII)V");
                return dst;
            }
            case Expr.MemRead r -> {
                int dst = target(hint, w);
                FlatMemory mem = memories.get(r.memory());
                cb.aload(V).loadConstant(dst).aload(M).loadConstant(memoryIndex.get(r.memory())).aaload()
                        .loadConstant(mem.depth()).loadConstant(StateLayout.words(w));
                amount(cb, r.address());
                wideCall(cb, "memRead", "([JI[JIIJ)V");
                return dst;
            }
        }
    }

    private void arm(CodeBuilder cb, Expr e, int dst) {
        int at = wide(cb, e, dst);
        if (at != dst) copy(cb, dst, at, StateLayout.words(e.width()));
    }

    private int wideBinary(CodeBuilder cb, Expr.Binary b, int hint) {
        int w = b.width();
        int signed = b.left().type().signed() ? 1 : 0;
        if (b.op() == Expr.BinaryOp.MUL) {
            int l = materialize(cb, b.left());
            int r = materialize(cb, b.right());
            int dst = target(hint, w);
            cb.aload(V).loadConstant(dst).loadConstant(l).loadConstant(b.left().width()).loadConstant(r)
                    .loadConstant(b.right().width()).loadConstant(signed);
            wideCall(cb, "mul", "([JIIIIII)V");
            return dst;
        }
        if (b.op().isShift()) {
            int l = wide(cb, b.left(), -1);
            int dst = target(hint, w);
            cb.aload(V).loadConstant(dst).loadConstant(l).loadConstant(w);
            amount(cb, b.right());
            if (b.op() == Expr.BinaryOp.SHL) {
                wideCall(cb, "shl", "([JIIIJ)V");
            } else {
                cb.loadConstant(signed);
                wideCall(cb, "shr", "([JIIIJI)V");
            }
            return dst;
        }
        int l = wide(cb, b.left(), -1);
        int r = wide(cb, b.right(), -1);
        int dst = target(hint, w);
        String name = switch (b.op()) {
            case ADD -> "add";
            case SUB -> "sub";
            case AND -> "and";
            case OR -> "or";
            case XOR -> "xor";
            default -> throw new IllegalStateException(b.op() + " does not give a wide value");
        };
        cb.aload(V).loadConstant(dst).loadConstant(l).loadConstant(r).loadConstant(w);
        wideCall(cb, name, "([JIIII)V");
        return dst;
    }

    /** Any value in the state array: wide values where they are computed, narrow ones stored to scratch. */
    private int materialize(CodeBuilder cb, Expr e) {
        if (e.width() > 64) return wide(cb, e, -1);
        if (e instanceof Expr.Ref r) return offset(r.name());
        int at = layout.scratch(1);
        cb.aload(V).loadConstant(at);
        narrow(cb, e);
        cb.lastore();
        return at;
    }

    /** The words of a wide literal's bit pattern. */
    static long[] words(BigInteger value, int width) {
        long[] out = new long[StateLayout.words(width)];
        for (int i = 0; i < out.length; i++) out[i] = value.shiftRight(64 * i).longValue();
        return out;
    }
}
