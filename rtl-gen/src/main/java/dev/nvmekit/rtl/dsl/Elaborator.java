package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignChecks;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
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
import dev.nvmekit.rtl.ir.Wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a top {@link Component} (and everything under it) into the IR {@link Design}: resolves
 * each component's drivers, gives every distinct module a stable name (parameterised copies are
 * told apart by their parameters), runs the design checks, and throws a {@link DesignException}
 * with every error at once when there is any.
 */
public final class Elaborator {
    private final Map<Component, String> provisional = new IdentityHashMap<>();
    private final Map<String, List<ModuleDef>> variants = new LinkedHashMap<>();
    private final Map<String, List<Component>> variantOwners = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Elaborator() {
    }

    /** Elaborates {@code top}; throws {@link DesignException} listing every error if it has any. */
    public static Elaboration elaborate(Component top) {
        Elaborator e = new Elaborator();
        List<Component> order = new ArrayList<>();
        postOrder(top, order);
        List<ModuleDef> provisionalDefs = new ArrayList<>();
        for (Component c : order) {
            ModuleDef def = c instanceof BlackBox bb ? e.blackBoxDef(bb)
                    : c instanceof ImportedModule im ? im.definition() : e.moduleDef(c);
            e.diagnostics.addAll(c.diagnostics());
            String key = e.classify(c, def);
            if (key != null) provisionalDefs.add(rename(def, key, Map.of()));
        }
        Map<String, String> finalNames = e.finalNames(top);
        List<ModuleDef> modules = provisionalDefs.stream().map(d -> rename(d, finalNames.get(d.name()), finalNames)).toList();
        List<Diagnostic> all = new ArrayList<>(e.diagnostics);
        if (all.stream().noneMatch(Diagnostic::isError)) {
            Design design = new Design(finalNames.get(e.provisional.get(top)), modules);
            all.addAll(DesignChecks.run(design));
            all.sort(Comparator.comparing(Diagnostic::severity)
                    .thenComparing(d -> d.location().file()).thenComparingInt(d -> d.location().line()));
            if (all.stream().noneMatch(Diagnostic::isError)) return new Elaboration(design, all);
        }
        all.sort(Comparator.comparing(Diagnostic::severity)
                .thenComparing(d -> d.location().file()).thenComparingInt(d -> d.location().line()));
        throw new DesignException(all);
    }

    private static void postOrder(Component c, List<Component> out) {
        for (Component child : c.children()) postOrder(child, out);
        out.add(c);
    }

    /** Records {@code def} as a variant of its base name; returns its provisional name if new. */
    private String classify(Component c, ModuleDef def) {
        String base = c instanceof BlackBox bb ? bb.verilogModule() : c.moduleBaseName();
        List<ModuleDef> known = variants.computeIfAbsent(base, k -> new ArrayList<>());
        List<Component> owners = variantOwners.computeIfAbsent(base, k -> new ArrayList<>());
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i).equals(def)) {
                provisional.put(c, base + "\u0000" + i);
                return null;
            }
        }
        if (c instanceof BlackBox && !known.isEmpty()) {
            diagnostics.add(Diagnostic.error(c.location(), base, "", "blackbox '" + base
                    + "' is declared twice with different ports; one Verilog module has one port list"));
            provisional.put(c, base + "\u0000" + 0);
            return null;
        }
        known.add(def);
        owners.add(c);
        String key = base + "\u0000" + (known.size() - 1);
        provisional.put(c, key);
        return key;
    }

    /** Final module names: the base name when unique, else base plus parameters or an index. */
    private Map<String, String> finalNames(Component top) {
        Map<String, String> names = new LinkedHashMap<>();
        for (var entry : variantOwners.entrySet()) {
            String base = entry.getKey();
            List<Component> owners = entry.getValue();
            if (owners.size() == 1) {
                names.put(base + "\u0000" + 0, base);
                continue;
            }
            List<String> byParams = owners.stream().map(o -> base + paramSuffix(o)).toList();
            boolean distinct = byParams.stream().distinct().count() == byParams.size()
                    && owners.stream().allMatch(o -> !o.parameters().isEmpty());
            for (int i = 0; i < owners.size(); i++) {
                String name = distinct ? byParams.get(i) : base + "_" + i;
                if (owners.get(i) == top) name = base;
                names.put(base + "\u0000" + i, name);
            }
        }
        return names;
    }

    private static String paramSuffix(Component c) {
        return c.parameters().entrySet().stream()
                .map(e -> "_" + e.getKey() + String.valueOf(e.getValue()).replaceAll("[^A-Za-z0-9]", ""))
                .collect(Collectors.joining());
    }

    private static ModuleDef rename(ModuleDef d, String name, Map<String, String> moduleNames) {
        List<Instance> instances = d.instances().stream()
                .map(i -> new Instance(i.name(), moduleNames.getOrDefault(i.module(), i.module()), i.bindings(), i.parameters(), i.location()))
                .toList();
        return new ModuleDef(name, d.ports(), d.clockDomains(), d.wires(), d.assigns(), d.registers(), d.memories(),
                instances, d.blackBox(), d.location());
    }

    private ModuleDef blackBoxDef(BlackBox bb) {
        return new ModuleDef(bb.verilogModule(), ports(bb), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.of(new ModuleDef.BlackBoxSource(bb.verilogModule(), bb.sources())), bb.location());
    }

    private ModuleDef moduleDef(Component c) {
        DriverResolver drivers = DriverResolver.resolve(c);
        List<Wire> wires = new ArrayList<>();
        List<Assign> assigns = new ArrayList<>();
        List<Register> registers = new ArrayList<>();
        Map<Signal, Component> childOutputs = new IdentityHashMap<>();
        c.childPortNets().forEach((port, net) -> {
            if (port.kind() == Signal.Kind.OUTPUT) childOutputs.put(net, port.owner());
        });
        for (Signal s : c.signals()) {
            Optional<DriverResolver.Driven> d = drivers.driver(s);
            switch (s.kind()) {
                case WIRE, OUTPUT -> {
                    if (s.kind() == Signal.Kind.WIRE) wires.add(new Wire(s.name(), s.type(), s.location()));
                    if (d.isEmpty()) break;
                    if (childOutputs.containsKey(s)) {
                        c.reportError(d.get().at(), s.name(), "'" + s.name() + "' is driven by output of instance '"
                                + childOutputs.get(s).instanceName() + "' and assigned here (multiply driven)");
                        break;
                    }
                    if (d.get().gap() != null) {
                        c.reportError(d.get().gap(), s.name(), "'" + s.name() + "' is not assigned on every path of this when "
                                + "(a branch or the missing otherwise leaves it unassigned), which would infer a latch; "
                                + "give it a default value before the when, or assign it in every branch");
                    }
                    assigns.add(new Assign(s.name(), d.get().value(), d.get().at()));
                }
                case REGISTER -> {
                    Reg r = (Reg) s;
                    Expr assigned = d.map(DriverResolver.Driven::value).orElse(r.expr());
                    Expr next = r.enableExpr().<Expr>map(en -> new Expr.Mux(en, assigned, r.expr(), r.type())).orElse(assigned);
                    if (r.resetValue().isEmpty() && !r.resetWaived() && r.domain().reset() != null && feedsBack(next, r.name())) {
                        c.reportWarning(r.location(), r.name(), "register '" + r.name() + "' feeds back on itself but has no reset value;"
                                + " its state starts unknown on hardware. Give it init(...), or noReset() if that is intended");
                    }
                    if (d.isEmpty()) {
                        c.reportWarning(r.location(), r.name(), "register '" + r.name() + "' is never assigned; it keeps its "
                                + (r.resetValue().isPresent() ? "reset" : "power-up") + " value. Assign it, or use a constant");
                    }
                    registers.add(new Register(r.name(), r.type(), r.domain().name(), next, r.resetValue(), r.initValue(), r.location()));
                }
                default -> {
                }
            }
        }
        List<Memory> memories = c.memories().stream().map(m -> new Memory(m.name(), m.wordType(), m.depth(), m.initialWords(),
                drivers.writes(m), drivers.syncReads(m), m.location())).toList();
        List<Instance> instances = new ArrayList<>();
        for (Component child : c.children()) instances.add(instanceOf(c, child));
        List<ClockDomain> domains = c.domains().stream().map(d -> new ClockDomain(d.name(), d.clock().name(),
                Optional.ofNullable(d.reset()).map(Signal::name), d.kind())).toList();
        return new ModuleDef(c.moduleBaseName(), ports(c), domains, wires, assigns, registers, memories, instances,
                Optional.empty(), c.location());
    }

    private Instance instanceOf(Component parent, Component child) {
        List<Instance.Binding> bindings = new ArrayList<>();
        Domain d = parent.domainFor(child);
        for (Signal p : child.ports()) {
            if (child.isMainDomainPort(p)) {
                Signal src = p == child.mainDomainOrNull().clock() ? d.clock() : d.reset();
                if (src == null) {
                    parent.reportError(child.instanceLocation(), p.name(), "instance '" + child.instanceName()
                            + "' needs a reset but the clock domain it is placed in has none");
                    continue;
                }
                Expr value = src.expr();
                boolean isReset = p != child.mainDomainOrNull().clock();
                if (isReset && child.mainDomainOrNull().kind().activeHigh() != d.kind().activeHigh()) {
                    value = Expr.Unary.of(Expr.UnaryOp.NOT, value); // e.g. a SpinalHDL block's reset_n under an active-high rst
                }
                bindings.add(new Instance.Input(p.name(), value));
                continue;
            }
            Signal net = parent.childPortNets().get(p);
            bindings.add(p.kind() == Signal.Kind.INPUT ? new Instance.Input(p.name(), net.expr())
                    : new Instance.Output(p.name(), net.name()));
        }
        Map<String, String> params = child instanceof BlackBox bb ? bb.verilogParameters()
                : child instanceof ImportedModule im ? im.verilogParameters() : Map.of();
        return new Instance(child.instanceName(), provisional.get(child), bindings, params, child.instanceLocation());
    }

    private static List<Port> ports(Component c) {
        return c.ports().stream().map(p -> new Port(p.name(), p.kind() == Signal.Kind.INPUT ? Direction.IN : Direction.OUT,
                p.type(), p.location())).toList();
    }

    /** Whether {@code next} uses the register's own value other than to hold it. */
    private static boolean feedsBack(Expr next, String name) {
        if (next instanceof Expr.Ref r && r.name().equals(name)) return false;
        if (next instanceof Expr.Mux m) {
            boolean holdTrue = m.whenTrue() instanceof Expr.Ref r && r.name().equals(name);
            boolean holdFalse = m.whenFalse() instanceof Expr.Ref r && r.name().equals(name);
            if (holdTrue || holdFalse) {
                return reads(m.select(), name) || feedsBack(holdTrue ? m.whenFalse() : m.whenTrue(), name);
            }
        }
        return reads(next, name);
    }

    private static boolean reads(Expr e, String name) {
        return switch (e) {
            case Expr.Ref r -> r.name().equals(name);
            case Expr.Literal l -> false;
            case Expr.Unary u -> reads(u.operand(), name);
            case Expr.Binary b -> reads(b.left(), name) || reads(b.right(), name);
            case Expr.Mux m -> reads(m.select(), name) || reads(m.whenTrue(), name) || reads(m.whenFalse(), name);
            case Expr.Concat cc -> cc.parts().stream().anyMatch(p -> reads(p, name));
            case Expr.Slice s -> reads(s.operand(), name);
            case Expr.Extend x -> reads(x.operand(), name);
            case Expr.Cast cs -> reads(cs.operand(), name);
            case Expr.MemRead m -> reads(m.address(), name);
        };
    }
}
