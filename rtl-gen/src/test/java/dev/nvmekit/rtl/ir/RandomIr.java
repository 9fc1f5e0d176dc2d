package dev.nvmekit.rtl.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random well-typed IR expressions that lean towards the degenerate forms a simplifier must
 * handle: an operand compared or subtracted with itself, constants at the edges of a type's range
 * (0, all ones, the signed minimum and maximum), shifts by the whole width or more, slices of
 * concatenations and extensions, muxes with a constant select, reads beyond a memory's depth.
 * Also random environments (signal values, memory words) to evaluate them in.
 */
final class RandomIr {
    /** A memory every generated {@link Expr.MemRead} reads. */
    static final String MEMORY = "m";

    private final Random random;
    private final Map<String, SignalType> signals = new LinkedHashMap<>();
    private final int memoryDepth;
    private final SignalType memoryWord;
    private final List<Expr> made = new ArrayList<>();

    RandomIr(Random random) {
        this.random = random;
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) signals.put("s" + i, new SignalType(width(), random.nextInt(3) == 0));
        memoryDepth = 1 + random.nextInt(12);
        memoryWord = SignalType.unsigned(width());
    }

    int memoryDepth() {
        return memoryDepth;
    }

    /** An expression of about {@code depth} levels. */
    Expr expr(int depth) {
        Expr e = depth <= 0 || random.nextInt(6) == 0 ? leaf() : node(depth - 1);
        made.add(e);
        return e;
    }

    /** Values for every signal, often at the edges of their range. */
    ExprEvaluator.Env environment() {
        Map<String, BigInteger> values = new LinkedHashMap<>();
        signals.forEach((name, t) -> values.put(name, pattern(t.width())));
        List<BigInteger> words = new ArrayList<>();
        for (int i = 0; i < memoryDepth; i++) words.add(pattern(memoryWord.width()));
        return new ExprEvaluator.Env() {
            @Override
            public BigInteger signal(String name) {
                return values.get(name);
            }

            @Override
            public BigInteger word(String memory, BigInteger address) {
                return address.compareTo(BigInteger.valueOf(memoryDepth)) < 0 ? words.get(address.intValueExact()) : BigInteger.ZERO;
            }
        };
    }

    private BigInteger pattern(int width) {
        BigInteger all = ExprEvaluator.mask(width);
        return switch (random.nextInt(6)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> all;
            case 2 -> BigInteger.ONE.shiftLeft(width - 1);
            case 3 -> BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE);
            default -> new BigInteger(width, random);
        };
    }

    private int width() {
        return switch (random.nextInt(8)) {
            case 0 -> 1;
            case 1 -> 60 + random.nextInt(80);
            default -> 2 + random.nextInt(10);
        };
    }

    private Expr leaf() {
        if (!made.isEmpty() && random.nextInt(3) == 0) return made.get(random.nextInt(made.size()));
        return switch (random.nextInt(4)) {
            case 0 -> literal(new SignalType(width(), random.nextBoolean()));
            case 1 -> new Expr.MemRead(MEMORY, to(expr(0), SignalType.unsigned(addressWidth())), memoryWord);
            default -> {
                List<String> names = new ArrayList<>(signals.keySet());
                String n = names.get(random.nextInt(names.size()));
                yield new Expr.Ref(n, signals.get(n));
            }
        };
    }

    private int addressWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(memoryDepth - 1)) + random.nextInt(2);
    }

    /** A constant of {@code t}, usually at an edge of its range. */
    private Expr.Literal literal(SignalType t) {
        return new Expr.Literal(pattern(t.width()), t);
    }

    private Expr node(int depth) {
        Expr a = expr(depth);
        return switch (random.nextInt(12)) {
            case 0 -> Expr.Unary.of(Expr.UnaryOp.values()[random.nextInt(Expr.UnaryOp.values().length)], a);
            case 1, 2, 3 -> {
                Expr.BinaryOp op = pick(Expr.BinaryOp.ADD, Expr.BinaryOp.SUB, Expr.BinaryOp.AND, Expr.BinaryOp.OR, Expr.BinaryOp.XOR,
                        Expr.BinaryOp.EQ, Expr.BinaryOp.NE, Expr.BinaryOp.LT, Expr.BinaryOp.LE, Expr.BinaryOp.GT, Expr.BinaryOp.GE);
                yield Expr.Binary.of(op, a, second(a, depth));
            }
            case 4 -> {
                Expr b = to(expr(depth), new SignalType(Math.max(1, Math.min(40, a.width())), a.type().signed()));
                yield a.width() + b.width() <= 200 ? Expr.Binary.of(Expr.BinaryOp.MUL, a, b) : a;
            }
            case 5 -> {
                Expr amount = random.nextBoolean()
                        ? new Expr.Literal(BigInteger.valueOf(random.nextInt(2 * a.width() + 2)), SignalType.unsigned(8 + random.nextInt(4)))
                        : to(expr(depth), SignalType.unsigned(1 + random.nextInt(9)));
                yield Expr.Binary.of(random.nextBoolean() ? Expr.BinaryOp.SHL : Expr.BinaryOp.SHR, a, amount);
            }
            case 6 -> Expr.Mux.of(random.nextInt(4) == 0 ? literal(SignalType.BIT) : to(expr(depth), SignalType.BIT), a,
                    random.nextInt(4) == 0 ? a : second(a, depth));
            case 7 -> {
                Expr b = expr(depth);
                yield random.nextBoolean() ? Expr.Concat.of(List.of(a, b)) : Expr.Concat.of(List.of(literal(SignalType.unsigned(1 + random.nextInt(6))), a));
            }
            case 8 -> {
                int hi = random.nextInt(a.width());
                yield Expr.Slice.of(a, hi, random.nextInt(hi + 1));
            }
            case 9 -> new Expr.Extend(a, a.type().withWidth(a.width() + 1 + random.nextInt(6)));
            case 10 -> new Expr.Cast(a, new SignalType(a.width(), !a.type().signed()));
            default -> Expr.Binary.of(pick(Expr.BinaryOp.LT, Expr.BinaryOp.LE, Expr.BinaryOp.GT, Expr.BinaryOp.GE, Expr.BinaryOp.EQ),
                    random.nextBoolean() ? a : literal(a.type()), random.nextBoolean() ? literal(a.type()) : a);
        };
    }

    /** A second operand of {@code a}'s type: often {@code a} itself, an edge constant, or another expression. */
    private Expr second(Expr a, int depth) {
        return switch (random.nextInt(4)) {
            case 0 -> a;
            case 1 -> literal(a.type());
            default -> to(expr(depth), a.type());
        };
    }

    /** {@code e} made exactly {@code t}: extended or sliced, then cast. */
    static Expr to(Expr e, SignalType t) {
        Expr r = e;
        if (r.width() < t.width()) r = new Expr.Extend(r, r.type().withWidth(t.width()));
        else if (r.width() > t.width()) r = Expr.Slice.of(r, t.width() - 1, 0);
        if (r.type().signed() != t.signed()) r = new Expr.Cast(r, t);
        return r;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
