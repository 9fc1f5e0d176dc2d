package dev.nvmekit.rtl.check;

import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;
import dev.nvmekit.rtl.ir.Wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every design passes before it is emitted or simulated, on the IR (so they apply to
 * imported Verilog as well as to the DSL): every name resolves with the right type, every
 * output and wire has exactly one driver, no combinational loops; and warnings for signals that
 * nothing reads.
 */
public final class DesignChecks {
    private DesignChecks() {
    }

    /** All findings for {@code design}, in module order. */
    public static List<Diagnostic> run(Design design) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Map<String, Set<String>>> summaries = new HashMap<>();
        for (ModuleDef m : design.modules()) {
            if (m.isBlackBox()) continue;
            checkModule(design, m, out);
            CombinationalGraph g = new CombinationalGraph(m, summaries);
            for (List<String> loop : g.loops()) {
                String path = String.join(" -> ", loop);
                String lines = loop.stream().distinct().map(s -> s + " at " + g.location(s)).collect(Collectors.joining(", "));
                out.add(Diagnostic.error(g.location(loop.getFirst()), m.name(), loop.getFirst(),
                        "combinational loop: " + path + " (" + lines + "); break it with a register"));
            }
            summaries.put(m.name(), g.summary());
        }
        return out;
    }

    private static void checkModule(Design design, ModuleDef m, List<Diagnostic> out) {
        Map<String, SignalType> types = new LinkedHashMap<>();
        Map<String, SourceLocation> declared = new HashMap<>();
        Set<String> clocks = new HashSet<>();
        for (ClockDomain d : m.clockDomains()) {
            clocks.add(d.clock());
            d.reset().ifPresent(clocks::add);
        }
        for (Port p : m.ports()) declare(m, p.name(), p.type(), p.location(), types, declared, out);
        for (Wire w : m.wires()) declare(m, w.name(), w.type(), w.location(), types, declared, out);
        for (Register r : m.registers()) declare(m, r.name(), r.type(), r.location(), types, declared, out);
        for (Memory mem : m.memories()) {
            for (Memory.SyncRead r : mem.syncReads()) declare(m, r.name(), mem.wordType(), r.location(), types, declared, out);
        }

        Map<String, List<SourceLocation>> drivers = new LinkedHashMap<>();
        Set<String> read = new HashSet<>();
        for (Assign a : m.assigns()) {
            drivers.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a.location());
            Port p = m.port(a.target()).orElse(null);
            boolean isWire = m.wires().stream().anyMatch(w -> w.name().equals(a.target()));
            if ((p == null || p.direction() != Direction.OUT) && !isWire) {
                out.add(Diagnostic.error(a.location(), m.name(), a.target(), "'" + a.target() + "' is assigned but is not a wire or output port"));
            }
            checkExpr(m, a.value(), types, a.location(), read, out);
            SignalType t = types.get(a.target());
            if (t != null && !t.equals(a.value().type())) {
                out.add(Diagnostic.error(a.location(), m.name(), a.target(), "width mismatch: '" + a.target() + "' is " + t
                        + " but is assigned " + a.value().type()));
            }
        }
        for (Register r : m.registers()) {
            checkExpr(m, r.next(), types, r.location(), read, out);
            if (m.clockDomain(r.clockDomain()).isEmpty()) {
                out.add(Diagnostic.error(r.location(), m.name(), r.name(), "register '" + r.name() + "' names unknown clock domain " + r.clockDomain()));
            }
        }
        for (Memory mem : m.memories()) {
            for (Memory.Write w : mem.writes()) {
                checkExpr(m, w.address(), types, w.location(), read, out);
                checkExpr(m, w.data(), types, w.location(), read, out);
                checkExpr(m, w.enable(), types, w.location(), read, out);
                w.byteEnable().ifPresent(be -> checkExpr(m, be, types, w.location(), read, out));
            }
            for (Memory.SyncRead r : mem.syncReads()) {
                checkExpr(m, r.address(), types, r.location(), read, out);
                checkExpr(m, r.enable(), types, r.location(), read, out);
            }
        }
        for (Instance i : m.instances()) checkInstance(design, m, i, types, drivers, read, out);

        for (Port p : m.ports()) {
            if (p.direction() == Direction.OUT && !drivers.containsKey(p.name())) {
                out.add(Diagnostic.error(p.location(), m.name(), p.name(), "output '" + p.name() + "' is never assigned (undriven); assign it a value"));
            }
        }
        for (Wire w : m.wires()) {
            if (drivers.containsKey(w.name())) continue;
            String inst = instanceInputOf(m, w.name());
            out.add(Diagnostic.error(w.location(), m.name(), w.name(), inst != null
                    ? "input '" + inst + "' is not connected; set it from this component"
                    : "wire '" + w.name() + "' is never assigned (undriven)"));
        }
        drivers.forEach((name, where) -> {
            if (where.size() > 1) {
                out.add(Diagnostic.error(where.get(1), m.name(), name, "'" + name + "' has " + where.size() + " drivers (multiply driven), at "
                        + where.stream().map(SourceLocation::toString).collect(Collectors.joining(", "))));
            }
        });
        for (Port p : m.ports()) {
            if (p.direction() == Direction.IN && !read.contains(p.name()) && !clocks.contains(p.name())) {
                out.add(Diagnostic.warning(p.location(), m.name(), p.name(), "input '" + p.name() + "' is never used"));
            }
        }
        for (Wire w : m.wires()) {
            if (!read.contains(w.name())) out.add(Diagnostic.warning(w.location(), m.name(), w.name(), "wire '" + w.name() + "' is never used"));
        }
        for (Register r : m.registers()) {
            if (!read.contains(r.name())) out.add(Diagnostic.warning(r.location(), m.name(), r.name(), "register '" + r.name() + "' is never used"));
        }
    }

    private static void checkInstance(Design design, ModuleDef m, Instance i, Map<String, SignalType> types,
                                      Map<String, List<SourceLocation>> drivers, Set<String> read, List<Diagnostic> out) {
        ModuleDef child = design.module(i.module());
        Set<String> bound = new HashSet<>();
        for (Instance.Binding b : i.bindings()) {
            Port p = child.port(b.port()).orElse(null);
            if (p == null) {
                out.add(Diagnostic.error(i.location(), m.name(), i.name(), "instance '" + i.name() + "' binds unknown port '" + b.port() + "' of " + child.name()));
                continue;
            }
            if (!bound.add(b.port())) {
                out.add(Diagnostic.error(i.location(), m.name(), i.name(), "port '" + b.port() + "' of instance '" + i.name() + "' is connected twice"));
            }
            switch (b) {
                case Instance.Input in -> {
                    checkExpr(m, in.value(), types, i.location(), read, out);
                    if (p.direction() != Direction.IN || !p.type().equals(in.value().type())) {
                        out.add(Diagnostic.error(i.location(), m.name(), i.name(), "port '" + b.port() + "' of instance '" + i.name()
                                + "' is " + p.direction() + " " + p.type() + " but is driven by " + in.value().type()));
                    }
                }
                case Instance.Output o -> {
                    drivers.computeIfAbsent(o.wire(), k -> new ArrayList<>()).add(i.location());
                    if (p.direction() != Direction.OUT || !p.type().equals(types.get(o.wire()))) {
                        out.add(Diagnostic.error(i.location(), m.name(), i.name(), "port '" + b.port() + "' of instance '" + i.name()
                                + "' (" + p.direction() + " " + p.type() + ") drives '" + o.wire() + "' of " + types.get(o.wire())));
                    }
                }
            }
        }
        for (Port p : child.ports()) {
            if (!bound.contains(p.name()) && p.direction() == Direction.IN) {
                out.add(Diagnostic.error(i.location(), m.name(), i.name(), "input '" + p.name() + "' of instance '" + i.name() + "' is not connected"));
            }
        }
    }

    private static String instanceInputOf(ModuleDef m, String wire) {
        for (Instance i : m.instances()) {
            for (Instance.Binding b : i.bindings()) {
                if (b instanceof Instance.Input in && in.value() instanceof Expr.Ref r && r.name().equals(wire)) {
                    return b.port() + "' of instance '" + i.name();
                }
            }
        }
        return null;
    }

    private static void declare(ModuleDef m, String name, SignalType t, SourceLocation at, Map<String, SignalType> types,
                                Map<String, SourceLocation> declared, List<Diagnostic> out) {
        SourceLocation earlier = declared.putIfAbsent(name, at);
        if (earlier != null) {
            out.add(Diagnostic.error(at, m.name(), name, "duplicate name '" + name + "' (also declared at " + earlier + ")"));
        }
        types.put(name, t);
    }

    private static void checkExpr(ModuleDef m, Expr e, Map<String, SignalType> types, SourceLocation at, Set<String> read, List<Diagnostic> out) {
        List<String> refs = new ArrayList<>();
        ExprRefs.collect(e, refs);
        read.addAll(refs);
        checkRefTypes(m, e, types, at, out);
    }

    /**
     * {@code at} is where the statement holding {@code e} was written; a diagnostic about a part of
     * {@code e} names the line that built the innermost enclosing node when that is known (a
     * signal reference's own location is its declaration, so a bad read names its reader).
     */
    private static void checkRefTypes(ModuleDef m, Expr e, Map<String, SignalType> types, SourceLocation at, List<Diagnostic> out) {
        SourceLocation here = e instanceof Expr.Ref || SourceLocation.UNKNOWN.equals(e.at()) ? at : e.at();
        switch (e) {
            case Expr.Ref r -> {
                SignalType t = types.get(r.name());
                if (t == null) out.add(Diagnostic.error(here, m.name(), r.name(), "reads unknown signal '" + r.name() + "'"));
                else if (!t.equals(r.type())) out.add(Diagnostic.error(here, m.name(), r.name(), "reads '" + r.name() + "' as " + r.type() + " but it is " + t));
            }
            case Expr.MemRead mr -> {
                Memory mem = m.memories().stream().filter(x -> x.name().equals(mr.memory())).findFirst().orElse(null);
                if (mem == null) out.add(Diagnostic.error(here, m.name(), mr.memory(), "reads unknown memory '" + mr.memory() + "'"));
                else if (!mem.wordType().equals(mr.type())) out.add(Diagnostic.error(here, m.name(), mr.memory(), "memory read type mismatch"));
                checkRefTypes(m, mr.address(), types, here, out);
            }
            case Expr.Literal l -> {
            }
            case Expr.Unary u -> checkRefTypes(m, u.operand(), types, here, out);
            case Expr.Binary b -> {
                checkRefTypes(m, b.left(), types, here, out);
                checkRefTypes(m, b.right(), types, here, out);
            }
            case Expr.Mux x -> {
                checkRefTypes(m, x.select(), types, here, out);
                checkRefTypes(m, x.whenTrue(), types, here, out);
                checkRefTypes(m, x.whenFalse(), types, here, out);
            }
            case Expr.Concat c -> c.parts().forEach(p -> checkRefTypes(m, p, types, here, out));
            case Expr.Slice s -> checkRefTypes(m, s.operand(), types, here, out);
            case Expr.Extend x -> checkRefTypes(m, x.operand(), types, here, out);
            case Expr.Cast c -> checkRefTypes(m, c.operand(), types, here, out);
        }
    }
}
