package dev.nvmekit.sim.netlist;

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
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.Wire;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator.SignalInfo.Kind;
import dev.nvmekit.sim.netlist.FlatSignal.Role;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flattens a {@link Design} into a {@link FlatNetlist}: instantiates every module under its
 * instance path, turns port connections into assignments, folds each register's reset into its
 * next-value expression, traces every clock domain's clock back to a top-level input, and
 * orders the combinational assignments (see {@link Levelizer}).
 */
public final class Flattener {
    /**
     * The most clocks a flat netlist may use: both embedded backends pass the clocks rising
     * together as one bit each of a {@code long} mask, so a 65th clock would alias the first.
     */
    public static final int MAX_CLOCKS = 64;

    private final Design design;
    private final List<FlatSignal> signals = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Expr> drivers = new LinkedHashMap<>();
    private final List<PendingRegister> pendingRegisters = new ArrayList<>();
    private final List<PendingMemory> pendingMemories = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private final List<String> clocks = new ArrayList<>();

    private record PendingRegister(String path, String prefix, ClockDomain domain, Expr next, Optional<BigInteger> init,
                                   Optional<BigInteger> reset) {
    }

    private record PendingMemory(String prefix, String scope, Memory memory, Map<String, ClockDomain> domains) {
    }

    private Flattener(Design design) {
        this.design = design;
    }

    /** The flat netlist of {@code design}; throws {@link SimulationException} for what the embedded simulator cannot run. */
    public static FlatNetlist flatten(Design design) {
        Flattener f = new Flattener(design);
        f.instantiate(design.topModule(), "", true);
        return f.finish();
    }

    private void instantiate(ModuleDef m, String scope, boolean top) {
        if (m.isBlackBox()) {
            throw new SimulationException("instance '" + scope + "' is the blackbox " + m.name()
                    + " (external Verilog), which the embedded simulator cannot run; simulate this design with the verilator backend");
        }
        scopes.add(scope);
        String prefix = scope.isEmpty() ? "" : scope + ".";
        for (Port p : m.ports()) {
            Kind kind = !top ? Kind.INTERNAL : p.direction() == Direction.IN ? Kind.INPUT : Kind.OUTPUT;
            Role role = top && p.direction() == Direction.IN ? Role.INPUT : Role.COMB;
            add(new FlatSignal(prefix + p.name(), scope, p.name(), p.type(), kind, role));
        }
        for (Wire w : m.wires()) add(new FlatSignal(prefix + w.name(), scope, w.name(), w.type(), Kind.INTERNAL, Role.COMB));
        Map<String, ClockDomain> domains = new HashMap<>();
        m.clockDomains().forEach(d -> domains.put(d.name(), d));
        for (Register r : m.registers()) {
            add(new FlatSignal(prefix + r.name(), scope, r.name(), r.type(), Kind.INTERNAL, Role.STATE));
            ClockDomain d = domain(domains, r.clockDomain(), m, r.name());
            pendingRegisters.add(new PendingRegister(prefix + r.name(), prefix, d, rename(r.next(), prefix), r.initValue(), r.resetValue()));
        }
        for (Memory mem : m.memories()) {
            for (Memory.SyncRead sr : mem.syncReads()) {
                add(new FlatSignal(prefix + sr.name(), scope, sr.name(), mem.wordType(), Kind.INTERNAL, Role.STATE));
                Expr read = new Expr.MemRead(prefix + mem.name(), rename(sr.address(), prefix), mem.wordType());
                Expr self = new Expr.Ref(prefix + sr.name(), mem.wordType());
                Expr next = Expr.Mux.of(rename(sr.enable(), prefix), read, self);
                pendingRegisters.add(new PendingRegister(prefix + sr.name(), prefix, domain(domains, sr.clockDomain(), m, sr.name()),
                        next, Optional.empty(), Optional.empty()));
            }
            pendingMemories.add(new PendingMemory(prefix, scope, mem, domains));
        }
        for (Assign a : m.assigns()) drive(prefix + a.target(), rename(a.value(), prefix));
        for (Instance i : m.instances()) {
            String childScope = prefix + i.name();
            instantiate(design.module(i.module()), childScope, false);
            for (Instance.Binding b : i.bindings()) {
                switch (b) {
                    case Instance.Input in -> drive(childScope + "." + in.port(), rename(in.value(), prefix));
                    case Instance.Output out -> {
                        SignalType t = design.module(i.module()).port(out.port()).orElseThrow().type();
                        drive(prefix + out.wire(), new Expr.Ref(childScope + "." + out.port(), t));
                    }
                }
            }
        }
    }

    private static ClockDomain domain(Map<String, ClockDomain> domains, String name, ModuleDef m, String what) {
        ClockDomain d = domains.get(name);
        if (d == null) throw new SimulationException("module " + m.name() + ": '" + what + "' names clock domain '" + name + "', which it does not declare");
        return d;
    }

    private void add(FlatSignal s) {
        index.put(s.path(), signals.size());
        signals.add(s);
    }

    private void drive(String path, Expr value) {
        if (drivers.put(path, value) != null) throw new SimulationException("signal '" + path + "' has two drivers");
    }

    private FlatNetlist finish() {
        List<FlatRegister> registers = new ArrayList<>();
        for (PendingRegister p : pendingRegisters) registers.add(register(p));
        List<FlatMemory> memories = new ArrayList<>();
        for (PendingMemory p : pendingMemories) {
            Memory mem = p.memory();
            List<FlatMemory.Write> writes = new ArrayList<>();
            for (Memory.Write w : mem.writes()) {
                ClockDomain d = p.domains().get(w.clockDomain());
                if (d == null) throw new SimulationException("memory " + p.prefix() + mem.name() + " writes in unknown clock domain " + w.clockDomain());
                writes.add(new FlatMemory.Write(clockIndex(p.prefix() + d.clock()), rename(w.address(), p.prefix()),
                        rename(w.data(), p.prefix()), rename(w.enable(), p.prefix()), w.byteEnable().map(be -> rename(be, p.prefix()))));
            }
            memories.add(new FlatMemory(p.prefix() + mem.name(), p.scope(), mem.name(), mem.wordType(), mem.depth(), mem.init(), writes));
        }
        if (clocks.size() > MAX_CLOCKS) {
            throw new SimulationException(design.top() + " uses " + clocks.size() + " clocks (distinct top-level clock inputs); the embedded "
                    + "simulator supports at most " + MAX_CLOCKS + ", and '" + clocks.get(MAX_CLOCKS) + "' is the first beyond the limit. "
                    + "Domains that share a clock input count once: drive them from the same port, or run the design on Verilator");
        }
        for (int i = 0; i < signals.size(); i++) {
            FlatSignal s = signals.get(i);
            if (s.role() == Role.INPUT && clocks.contains(s.path())) {
                signals.set(i, new FlatSignal(s.path(), s.scope(), s.local(), s.type(), s.kind(), Role.CLOCK));
            }
        }
        for (String target : drivers.keySet()) {
            Integer id = index.get(target);
            if (id == null) throw new SimulationException("assignment to unknown signal '" + target + "'");
            if (signals.get(id).role() != Role.COMB) {
                throw new SimulationException("signal '" + target + "' is a " + signals.get(id).role().name().toLowerCase()
                        + " and cannot also be driven by an assignment");
            }
        }
        List<FlatAssign> ordered = Levelizer.order(drivers, index, signals);
        return FlatNetlist.of(design, signals, ordered, registers, memories, clocks, scopes);
    }

    private FlatRegister register(PendingRegister p) {
        ClockDomain d = p.domain();
        int clock = clockIndex(p.prefix() + d.clock());
        Expr next = p.next();
        int asyncReset = -1;
        BigInteger resetValue = BigInteger.ZERO;
        if (d.kind() != ResetKind.NONE && p.reset().isPresent()) {
            String rst = p.prefix() + d.reset().orElseThrow();
            Integer rstId = index.get(rst);
            if (rstId == null) throw new SimulationException("reset '" + rst + "' of register " + p.path() + " is not a signal");
            Expr rstRef = new Expr.Ref(rst, signals.get(rstId).type());
            Expr resetLit = new Expr.Literal(p.reset().get(), next.type());
            next = d.kind().activeHigh() ? Expr.Mux.of(rstRef, resetLit, next) : Expr.Mux.of(rstRef, next, resetLit);
            if (d.kind().asynchronous()) {
                asyncReset = rstId;
                resetValue = p.reset().get();
            }
        }
        return new FlatRegister(index.get(p.path()), clock, next, p.init(), asyncReset, d.kind().activeHigh(), resetValue);
    }

    /** The index of the top-level input that clocks a domain whose clock port is {@code path}. */
    private int clockIndex(String path) {
        String at = path;
        for (int hops = 0; ; hops++) {
            Integer id = index.get(at);
            if (id != null && signals.get(id).kind() == Kind.INPUT) break;
            Expr e = drivers.get(at);
            if (!(e instanceof Expr.Ref r) || hops > signals.size()) {
                throw new SimulationException("clock '" + path + "' is not connected straight to a top-level input (it is driven by "
                        + (e == null ? "nothing" : "logic") + "); the embedded simulator supports clocks that come from top-level input ports");
            }
            at = r.name();
        }
        int i = clocks.indexOf(at);
        if (i < 0) {
            clocks.add(at);
            i = clocks.size() - 1;
        }
        return i;
    }

    /** {@code e} with every signal and memory name prefixed by the instance path. */
    static Expr rename(Expr e, String prefix) {
        if (prefix.isEmpty()) return e;
        return switch (e) {
            case Expr.Ref r -> new Expr.Ref(prefix + r.name(), r.type());
            case Expr.Literal l -> l;
            case Expr.Unary u -> new Expr.Unary(u.op(), rename(u.operand(), prefix), u.type());
            case Expr.Binary b -> new Expr.Binary(b.op(), rename(b.left(), prefix), rename(b.right(), prefix), b.type());
            case Expr.Mux m -> new Expr.Mux(rename(m.select(), prefix), rename(m.whenTrue(), prefix), rename(m.whenFalse(), prefix), m.type());
            case Expr.Concat c -> new Expr.Concat(c.parts().stream().map(p -> rename(p, prefix)).toList(), c.type());
            case Expr.Slice s -> new Expr.Slice(rename(s.operand(), prefix), s.hi(), s.lo(), s.type());
            case Expr.Extend x -> new Expr.Extend(rename(x.operand(), prefix), x.type());
            case Expr.Cast c -> new Expr.Cast(rename(c.operand(), prefix), c.type());
            case Expr.MemRead m -> new Expr.MemRead(prefix + m.memory(), rename(m.address(), prefix), m.type());
        };
    }
}
