package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a component's recorded statements into one driver per signal (the "expand whens" step):
 * the last assignment wins, conditional ones become multiplexers, registers hold their value
 * where unassigned, and memory ports are enabled by the conditions around them. Reports
 * latches (a combinational signal some path leaves unassigned) and overlapping assignments.
 */
final class DriverResolver {
    /** The value a signal has at a point of the body; {@code gap} is where some path misses it. */
    record Driven(Expr value, SourceLocation gap, SourceLocation at) {
    }

    private final Component component;
    private final Map<Signal, Driven> finals = new LinkedHashMap<>();
    private final Map<Mem, List<Memory.Write>> writes = new LinkedHashMap<>();
    private final Map<Mem, List<Memory.SyncRead>> reads = new LinkedHashMap<>();

    private DriverResolver(Component component) {
        this.component = component;
    }

    /** Resolves {@code c}'s body; errors go to {@code c}'s diagnostics. */
    static DriverResolver resolve(Component c) {
        DriverResolver r = new DriverResolver(c);
        Map<Signal, Driven> env = new HashMap<>();
        for (Signal s : c.signals()) {
            if (s instanceof Reg) env.put(s, new Driven(s.expr(), null, s.location()));
        }
        r.run(c.body(), null, env);
        for (Signal s : c.signals()) {
            Driven d = env.get(s);
            if (d != null) r.finals.put(s, d);
        }
        return r;
    }

    /** The final driver of {@code s}, if it is assigned at all. */
    Optional<Driven> driver(Signal s) {
        return Optional.ofNullable(finals.get(s));
    }

    List<Memory.Write> writes(Mem m) {
        return writes.getOrDefault(m, List.of());
    }

    List<Memory.SyncRead> syncReads(Mem m) {
        return reads.getOrDefault(m, List.of());
    }

    private void run(Statement.Block block, Expr path, Map<Signal, Driven> env) {
        Map<Signal, SourceLocation> plain = new HashMap<>();
        for (Statement st : block.items) {
            switch (st) {
                case Statement.Assign a -> {
                    SourceLocation earlier = plain.put(a.target(), a.location());
                    if (earlier != null) {
                        component.reportError(a.location(), a.target().name(), "'" + a.target().name()
                                + "' is assigned here and already at " + earlier
                                + " in the same block; the earlier assignment has no effect (multiply driven). Remove one, or put it under a when");
                    }
                    env.put(a.target(), new Driven(a.value(), null, a.location()));
                }
                case Statement.When w -> {
                    Map<Signal, Driven> onTrue = new HashMap<>(env);
                    Map<Signal, Driven> onFalse = new HashMap<>(env);
                    run(w.whenTrue(), and(path, w.condition()), onTrue);
                    run(w.whenFalse(), and(path, Expr.Unary.of(Expr.UnaryOp.NOT, w.condition())), onFalse);
                    Set<Signal> touched = new LinkedHashSet<>(onTrue.keySet());
                    touched.addAll(onFalse.keySet());
                    for (Signal s : touched) {
                        Driven t = onTrue.get(s);
                        Driven f = onFalse.get(s);
                        if (t == f) continue;
                        env.put(s, merge(w, t, f));
                    }
                }
                case Statement.MemWrite m -> writes.computeIfAbsent(m.memory(), k -> new ArrayList<>()).add(new Memory.Write(
                        m.memory().domain().name(), m.address(), m.data(), enable(path), Optional.ofNullable(m.byteEnable()), m.location()));
                case Statement.SyncRead r -> reads.computeIfAbsent(r.memory(), k -> new ArrayList<>()).add(new Memory.SyncRead(
                        r.data().name(), r.memory().domain().name(), r.address(), andConst(path, r.enable()), r.location()));
            }
        }
    }

    private static Driven merge(Statement.When w, Driven t, Driven f) {
        if (t == null) return new Driven(f.value(), w.location(), f.at());
        if (f == null) return new Driven(t.value(), w.location(), t.at());
        SourceLocation gap = t.gap() != null ? t.gap() : f.gap();
        if (t.value().equals(f.value())) return new Driven(t.value(), gap, t.at());
        return new Driven(Expr.Mux.of(w.condition(), t.value(), f.value()), gap, t.at());
    }

    private static Expr and(Expr path, Expr c) {
        return path == null ? c : Expr.Binary.of(Expr.BinaryOp.AND, path, c);
    }

    private static Expr andConst(Expr path, Expr enable) {
        if (enable instanceof Expr.Literal l && l.value().equals(BigInteger.ONE)) return enable(path);
        return and(path, enable);
    }

    private static Expr enable(Expr path) {
        return path == null ? Expr.Literal.of(BigInteger.ONE, SignalType.BIT) : path;
    }
}
