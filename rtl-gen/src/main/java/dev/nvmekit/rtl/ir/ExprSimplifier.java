package dev.nvmekit.rtl.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an expression into one with the same value (by {@link ExprEvaluator}) and no
 * degenerate parts: sub-expressions that are constant are literals ({@code 3'd2 + 3'd1},
 * {@code x - x}, {@code x | 4'hF}, {@code x << 9} of 8 bits, {@code x & 0}); comparisons that
 * the operands' possible values already decide are constant bits ({@code x >= 0} unsigned,
 * {@code x > 4'hF} of 4 bits, {@code {4'd0, x} == 8'hFF}, {@code x == x}); neutral operations
 * disappear ({@code x + 0}, {@code x & all-ones}, a mux with equal arms or a constant select, a
 * slice of a concatenation that lies in one part). Wires and outputs driven by a constant count as
 * that constant where they are read. An asynchronous read at a constant address
 * beyond the memory's depth is 0, as the simulators read it.
 *
 * <p>Why: Verilog tools fold such forms themselves and then warn that a comparison is constant
 * ({@code verilator -Wall}: CMPCONST, UNSIGNED) or an index is out of range (SELRANGE), although
 * the design is fine; the emitter prints the simplified form, so the text it writes has none of
 * them. Signals are never replaced by their drivers, so the emitted names stay the user's.
 */
public final class ExprSimplifier {
    private final Map<String, Integer> memoryDepths;
    private final Map<String, Expr> drivers;
    private final Map<Expr, Expr> done = new IdentityHashMap<>();
    private final Map<Expr, KnownBits> known = new IdentityHashMap<>();
    private final Map<String, KnownBits> signalBits = new java.util.HashMap<>();

    /** A simplifier for expressions over signals of unknown value, in a module whose memories have these depths (by name). */
    public ExprSimplifier(Map<String, Integer> memoryDepths) {
        this(memoryDepths, Map.of());
    }

    /**
     * A simplifier for the expressions of a module: memories of these depths, and wires or outputs
     * with these combinational drivers. A signal whose driver is constant stays a reference (its name
     * is the user's), but what it reads is known: Verilog tools propagate such constants too, and
     * then fold and warn about what reads them.
     */
    public ExprSimplifier(Map<String, Integer> memoryDepths, Map<String, Expr> drivers) {
        this.memoryDepths = Map.copyOf(memoryDepths);
        this.drivers = Map.copyOf(drivers);
    }

    /** {@code e} simplified: the same value for every input, no degenerate parts. */
    public Expr simplify(Expr e) {
        Expr cached = done.get(e);
        if (cached != null) return cached;
        Expr r = reduce(rebuild(e));
        done.put(e, r);
        return r;
    }

    /** {@code e} with simplified operands. */
    private Expr rebuild(Expr e) {
        return switch (e) {
            case Expr.Ref r -> r;
            case Expr.Literal l -> l;
            case Expr.Unary u -> new Expr.Unary(u.op(), simplify(u.operand()), u.type());
            case Expr.Binary b -> new Expr.Binary(b.op(), simplify(b.left()), simplify(b.right()), b.type());
            case Expr.Mux m -> new Expr.Mux(simplify(m.select()), simplify(m.whenTrue()), simplify(m.whenFalse()), m.type());
            case Expr.Concat c -> new Expr.Concat(c.parts().stream().map(this::simplify).toList(), c.type());
            case Expr.Slice s -> new Expr.Slice(simplify(s.operand()), s.hi(), s.lo(), s.type());
            case Expr.Extend x -> new Expr.Extend(simplify(x.operand()), x.type());
            case Expr.Cast c -> new Expr.Cast(simplify(c.operand()), c.type());
            case Expr.MemRead m -> new Expr.MemRead(m.memory(), simplify(m.address()), m.type());
        };
    }

    /** One node whose operands are already simplified. */
    private Expr reduce(Expr e) {
        Expr r = rewrite(e);
        if (r != e) return reduce(r);
        if (r instanceof Expr.Literal || r instanceof Expr.Ref) return r;
        KnownBits k = bits(r);
        return k.isConstant() ? new Expr.Literal(k.value(), r.type()) : r;
    }

    /** A simpler equivalent of {@code e} by a structural rule, or {@code e} itself. */
    private Expr rewrite(Expr e) {
        return switch (e) {
            case Expr.Binary b -> binary(b);
            case Expr.Mux m -> {
                KnownBits select = bits(m.select());
                if (select.isConstant()) yield select.value().signum() != 0 ? m.whenTrue() : m.whenFalse();
                yield m.whenTrue().equals(m.whenFalse()) ? m.whenTrue() : m;
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.NOT && u.operand() instanceof Expr.Unary inner
                    && inner.op() == Expr.UnaryOp.NOT -> inner.operand();
            case Expr.Unary u when u.op().compareTo(Expr.UnaryOp.AND_REDUCE) >= 0 && u.operand().width() == 1 ->
                    u.operand().type().signed() ? new Expr.Cast(u.operand(), SignalType.BIT) : u.operand();
            case Expr.Cast c when c.operand().type().equals(c.type()) -> c.operand();
            case Expr.Cast c when c.operand() instanceof Expr.Cast inner -> new Expr.Cast(inner.operand(), c.type());
            case Expr.Extend x when x.operand() instanceof Expr.Extend inner -> new Expr.Extend(inner.operand(), x.type());
            case Expr.Slice s -> slice(s);
            case Expr.MemRead m when beyondDepth(m.memory(), m.address()) -> new Expr.Literal(BigInteger.ZERO, m.type());
            default -> e;
        };
    }

    /** Whether the simplified {@code address} is a constant past the last word of {@code memory}. */
    private boolean beyondDepth(String memory, Expr address) {
        Integer depth = memoryDepths.get(memory);
        KnownBits a = bits(address);
        return depth != null && a.isConstant() && a.value().compareTo(BigInteger.valueOf(depth)) >= 0;
    }

    private Expr binary(Expr.Binary b) {
        Expr l = b.left(), r = b.right();
        if (!b.op().isShift() && b.op() != Expr.BinaryOp.MUL && l.equals(r)) {
            return switch (b.op()) {
                case AND, OR -> l;
                case SUB, XOR -> new Expr.Literal(BigInteger.ZERO, b.type());
                case EQ, LE, GE -> new Expr.Literal(BigInteger.ONE, b.type());
                case NE, LT, GT -> new Expr.Literal(BigInteger.ZERO, b.type());
                default -> b;
            };
        }
        if (b.op() == Expr.BinaryOp.SHR && l.type().signed() && r instanceof Expr.Literal amount
                && amount.value().compareTo(BigInteger.valueOf(b.width())) >= 0) {
            // Shifting a signed value out entirely leaves copies of its sign: the same as by width - 1.
            return Expr.Binary.of(Expr.BinaryOp.SHR, l, new Expr.Literal(BigInteger.valueOf(b.width() - 1),
                    SignalType.unsigned(Math.max(1, 32 - Integer.numberOfLeadingZeros(b.width() - 1)))));
        }
        return switch (b.op()) {
            case ADD, OR, XOR -> isZero(r) ? l : isZero(l) ? r : b;
            case SUB, SHL, SHR -> isZero(r) ? l : b;
            case AND -> isAllOnes(r) ? l : isAllOnes(l) ? r : b;
            default -> b;
        };
    }

    /** A slice of a slice, of one part of a concatenation or of the unextended bits is taken from there. */
    private Expr slice(Expr.Slice s) {
        Expr op = s.operand();
        if (s.lo() == 0 && s.hi() == op.width() - 1) {
            return op.type().signed() ? new Expr.Cast(op, s.type()) : op;
        }
        switch (op) {
            case Expr.Slice inner -> {
                return Expr.Slice.of(inner.operand(), inner.lo() + s.hi(), inner.lo() + s.lo());
            }
            case Expr.Cast c -> {
                return Expr.Slice.of(c.operand(), s.hi(), s.lo());
            }
            case Expr.Extend x when s.hi() < x.operand().width() -> {
                return Expr.Slice.of(x.operand(), s.hi(), s.lo());
            }
            case Expr.Concat c -> {
                int lo = op.width();
                for (Expr part : c.parts()) {
                    lo -= part.width();
                    if (s.lo() >= lo && s.hi() < lo + part.width()) return Expr.Slice.of(part, s.hi() - lo, s.lo() - lo);
                }
                return s;
            }
            default -> {
                return s;
            }
        }
    }

    private static boolean isZero(Expr e) {
        return e instanceof Expr.Literal l && l.value().signum() == 0;
    }

    private static boolean isAllOnes(Expr e) {
        return e instanceof Expr.Literal l && l.value().equals(ExprEvaluator.mask(l.width()));
    }

    /** What is known of the bits of a simplified expression. */
    private KnownBits bits(Expr e) {
        KnownBits k = known.get(e);
        if (k == null) {
            k = computeBits(e);
            known.put(e, k);
        }
        return k;
    }

    private KnownBits computeBits(Expr e) {
        int w = e.width();
        return switch (e) {
            case Expr.Literal l -> KnownBits.constant(l.value(), w);
            case Expr.Ref r -> signalBits(r);
            case Expr.MemRead m -> KnownBits.unknown(w);
            case Expr.Unary u -> unaryBits(u, bits(u.operand()));
            case Expr.Binary b -> binaryBits(b, bits(b.left()), bits(b.right()));
            case Expr.Mux m -> bits(m.whenTrue()).either(bits(m.whenFalse()));
            case Expr.Concat c -> {
                KnownBits acc = null;
                for (Expr p : c.parts()) acc = acc == null ? bits(p) : acc.above(bits(p));
                yield acc;
            }
            case Expr.Slice s -> bits(s.operand()).slice(s.lo(), w);
            case Expr.Extend x -> bits(x.operand()).extend(w, x.type().signed());
            case Expr.Cast c -> bits(c.operand());
        };
    }

    /** What the driver of a wire or output says; nothing for registers, inputs and instance outputs. */
    private KnownBits signalBits(Expr.Ref r) {
        KnownBits k = signalBits.get(r.name());
        if (k != null) return k;
        Expr driver = drivers.get(r.name());
        // Unknown while the driver is looked at: a (checked-out) combinational loop must not recurse forever.
        signalBits.put(r.name(), KnownBits.unknown(r.width()));
        k = driver == null || !driver.type().equals(r.type()) ? KnownBits.unknown(r.width()) : bits(simplify(driver));
        signalBits.put(r.name(), k);
        return k;
    }

    private static KnownBits unaryBits(Expr.Unary u, KnownBits x) {
        if (x.isConstant()) return KnownBits.constant(ExprEvaluator.unary(u.op(), x.width(), x.value()), u.width());
        return switch (u.op()) {
            case NOT -> x.not();
            case NEG -> KnownBits.unknown(u.width());
            case AND_REDUCE -> x.zeros().signum() != 0 ? bit(false) : KnownBits.unknown(1);
            case OR_REDUCE -> x.ones().signum() != 0 ? bit(true) : KnownBits.unknown(1);
            case XOR_REDUCE -> KnownBits.unknown(1);
        };
    }

    private static KnownBits binaryBits(Expr.Binary b, KnownBits l, KnownBits r) {
        if (l.isConstant() && r.isConstant()) {
            return KnownBits.constant(ExprEvaluator.binary(b, l.value(), r.value()), b.width());
        }
        boolean signed = b.left().type().signed();
        return switch (b.op()) {
            case AND -> l.and(r);
            case OR -> l.or(r);
            case XOR -> l.xor(r);
            case MUL -> isZero(l) || isZero(r) ? KnownBits.constant(BigInteger.ZERO, b.width()) : KnownBits.unknown(b.width());
            case ADD, SUB -> KnownBits.unknown(b.width());
            case EQ -> l.conflicts(r) || disjoint(l, r, signed) ? bit(false) : KnownBits.unknown(1);
            case NE -> l.conflicts(r) || disjoint(l, r, signed) ? bit(true) : KnownBits.unknown(1);
            // a < b is decided when every a is below every b, or none is.
            case LT -> decided(l.max(signed).compareTo(r.min(signed)) < 0, l.min(signed).compareTo(r.max(signed)) >= 0);
            case LE -> decided(l.max(signed).compareTo(r.min(signed)) <= 0, l.min(signed).compareTo(r.max(signed)) > 0);
            case GT -> decided(l.min(signed).compareTo(r.max(signed)) > 0, l.max(signed).compareTo(r.min(signed)) <= 0);
            case GE -> decided(l.min(signed).compareTo(r.max(signed)) >= 0, l.max(signed).compareTo(r.min(signed)) < 0);
            case SHL, SHR -> shiftBits(b, l, r, signed);
        };
    }

    private static KnownBits shiftBits(Expr.Binary b, KnownBits l, KnownBits r, boolean signed) {
        int w = b.width();
        boolean left = b.op() == Expr.BinaryOp.SHL;
        if (isZero(l)) return l;
        if (r.isConstant()) {
            int by = r.value().compareTo(BigInteger.valueOf(w)) >= 0 ? w : r.value().intValueExact();
            return left ? l.shiftLeft(by) : l.shiftRight(by, signed);
        }
        // An unknown amount still shifts by at least its smallest possible value: that many bits are 0.
        BigInteger least = r.unsignedMin();
        int by = least.compareTo(BigInteger.valueOf(w)) >= 0 ? w : least.intValueExact();
        if (left) return new KnownBits(w, ExprEvaluator.mask(by), BigInteger.ZERO);
        if (!signed) return new KnownBits(w, ExprEvaluator.mask(by).shiftLeft(w - by), BigInteger.ZERO);
        return KnownBits.unknown(w);
    }

    private static boolean isZero(KnownBits k) {
        return k.isConstant() && k.value().signum() == 0;
    }

    private static boolean disjoint(KnownBits l, KnownBits r, boolean signed) {
        return l.max(signed).compareTo(r.min(signed)) < 0 || l.min(signed).compareTo(r.max(signed)) > 0;
    }

    private static KnownBits decided(boolean alwaysTrue, boolean alwaysFalse) {
        return alwaysTrue ? bit(true) : alwaysFalse ? bit(false) : KnownBits.unknown(1);
    }

    private static KnownBits bit(boolean b) {
        return KnownBits.constant(b ? BigInteger.ONE : BigInteger.ZERO, 1);
    }

    /** The same module with every expression simplified (memory reads know the module's depths). */
    public static ModuleDef simplify(ModuleDef m) {
        Map<String, Integer> depths = new java.util.HashMap<>();
        for (Memory mem : m.memories()) depths.put(mem.name(), mem.depth());
        Map<String, Expr> drivers = new java.util.HashMap<>();
        for (Assign a : m.assigns()) drivers.put(a.target(), a.value());
        ExprSimplifier s = new ExprSimplifier(depths, drivers);
        List<Assign> assigns = m.assigns().stream().map(a -> new Assign(a.target(), s.simplify(a.value()), a.location())).toList();
        List<Register> registers = m.registers().stream().map(r -> new Register(r.name(), r.type(), r.clockDomain(), s.simplify(r.next()),
                r.resetValue(), r.initValue(), r.location())).toList();
        List<Memory> memories = new ArrayList<>();
        for (Memory mem : m.memories()) {
            List<Memory.Write> writes = new ArrayList<>();
            for (Memory.Write w : mem.writes()) {
                Memory.Write sw = new Memory.Write(w.clockDomain(), s.simplify(w.address()), s.simplify(w.data()), s.simplify(w.enable()),
                        w.byteEnable().map(s::simplify), w.location());
                // A write that never happens, or only beyond the last word, changes nothing.
                KnownBits enable = s.bits(sw.enable());
                if (enable.isConstant() && enable.value().signum() == 0 || s.beyondDepth(mem.name(), sw.address())) continue;
                writes.add(sw);
            }
            List<Memory.SyncRead> reads = new ArrayList<>();
            for (Memory.SyncRead r : mem.syncReads()) {
                Expr address = s.simplify(r.address());
                // Said as the constant it is, so the emitter sees a read past the last word (which gives 0).
                if (s.beyondDepth(mem.name(), address)) address = new Expr.Literal(s.bits(address).value(), address.type());
                reads.add(new Memory.SyncRead(r.name(), r.clockDomain(), address, s.simplify(r.enable()), r.location()));
            }
            memories.add(new Memory(mem.name(), mem.wordType(), mem.depth(), mem.init(), writes, reads, mem.location()));
        }
        List<Instance> instances = m.instances().stream().map(i -> new Instance(i.name(), i.module(),
                i.bindings().stream().map(bd -> switch (bd) {
                    case Instance.Input in -> (Instance.Binding) new Instance.Input(in.port(), s.simplify(in.value()));
                    case Instance.Output o -> o;
                }).toList(), i.parameters(), i.location())).toList();
        return new ModuleDef(m.name(), m.ports(), m.clockDomains(), m.wires(), assigns, registers, memories, instances,
                m.blackBox(), m.location());
    }
}
