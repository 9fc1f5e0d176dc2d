package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping behind {@link Component}: what a component's constructor has declared and
 * recorded (ports, signals, memories, children, statements, diagnostics) and the package's
 * internal operations on it. Kept apart so that {@code Component} shows only the DSL's
 * vocabulary; it has exactly one subclass.
 */
abstract sealed class ComponentBase permits Component {
    final String baseName;
    final SourceLocation location;
    final Map<String, Object> parameters = new LinkedHashMap<>();
    final Map<String, Object> names = new LinkedHashMap<>();
    final List<Signal> ports = new ArrayList<>();
    final List<Signal> signals = new ArrayList<>();
    final List<Mem> memories = new ArrayList<>();
    final List<Domain> domains = new ArrayList<>();
    final List<Component> children = new ArrayList<>();
    final Map<Signal, Signal> childPortNets = new LinkedHashMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final Statement.Block body = new Statement.Block();
    final Deque<Statement.Block> blocks = new ArrayDeque<>();
    Domain mainDomain;
    Domain currentDomain;
    Component parent;
    String instanceName;
    SourceLocation instanceLocation;


    ComponentBase(String moduleName) {
        this.location = SourceCapture.caller();
        String n = moduleName == null ? Names.snake(getClass().getSimpleName()) : moduleName;
        String problem = Names.problem(n);
        if (problem != null) {
            diagnostics.add(Diagnostic.error(location, n, "", "module name: " + problem)); // baseName is not set yet
            n = "module_" + Math.abs(n.hashCode());
        }
        this.baseName = n;
        blocks.push(body);
    }

    /** This object as the component it always is. */
    final Component self() {
        return (Component) this;
    }

    // ---- package-private machinery used by Signal, Mem, WhenChain, Elaborator ---------------

    final Component parentComponent() {
        return parent;
    }

    final SourceLocation location() {
        return location;
    }

    final SourceLocation instanceLocation() {
        return instanceLocation;
    }

    final Map<String, Object> parameters() {
        return parameters;
    }

    final List<Signal> ports() {
        return ports;
    }

    final List<Signal> signals() {
        return signals;
    }

    final List<Mem> memories() {
        return memories;
    }

    final List<Domain> domains() {
        return domains;
    }

    final List<Component> children() {
        return children;
    }

    final Map<Signal, Signal> childPortNets() {
        return childPortNets;
    }

    final Statement.Block body() {
        return body;
    }

    final List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    final Domain mainDomainOrNull() {
        return mainDomain;
    }

    final Signal portNamed(String name) {
        for (Signal p : ports) if (p.name().equals(name)) return p;
        return null;
    }

    final boolean isMainDomainPort(Signal p) {
        return mainDomain != null && (p == mainDomain.clock() || p == mainDomain.reset());
    }

    /** The domain that drives a child's implicit clock and reset: the one current at instance(). */
    final Domain domainFor(Component child) {
        return childDomains.getOrDefault(child, mainDomain);
    }

    private final Map<Component, Domain> childDomains = new LinkedHashMap<>();

    final void reportError(SourceLocation at, String signal, String message) {
        diagnostics.add(Diagnostic.error(SourceCapture.errorSite(at), baseName, signal, message));
    }

    final void reportWarning(SourceLocation at, String signal, String message) {
        diagnostics.add(Diagnostic.warning(at, baseName, signal, message));
    }

    final Statement.Block currentBlock() {
        return blocks.peek();
    }

    final void inBlock(Statement.Block block, Runnable action) {
        blocks.push(block);
        try {
            action.run();
        } finally {
            blocks.pop();
        }
    }

    /** {@code v} in this component's names, reporting a cross-component use at {@code at}. */
    final Expr localExpr(Value v, SourceLocation at) {
        int before = diagnostics.size();
        Expr e = Scopes.lift(v, self());
        if (diagnostics.size() > before) {
            Diagnostic d = diagnostics.remove(diagnostics.size() - 1);
            reportError(at, d.signal(), d.message());
        }
        return e;
    }

    final Signal declare(Signal.Kind kind, String name, SignalType type, SourceLocation at) {
        Signal s = new Signal(self(), kind, name, type, at);
        register(name, s, at);
        signals.add(s);
        return s;
    }

    final void assign(Signal target, Value value, SourceLocation at) {
        Assignment.record(self(), target, value, at);
    }

    final Signal port(Signal.Kind kind, String name, SignalType type) {
        SourceLocation at = SourceCapture.caller();
        Signal s = declare(kind, name, type, at);
        ports.add(s);
        return s;
    }

    final void register(String name, Object thing, SourceLocation at) {
        String problem = Names.problem(name);
        if (problem != null) {
            reportError(at, String.valueOf(name), problem);
            return;
        }
        if (names.containsKey(name)) {
            reportError(at, name, "duplicate name '" + name + "' in '" + baseName + "'; every port, signal, memory and instance needs its own name");
            return;
        }
        names.put(name, thing);
        if (thing instanceof Component c && currentDomain != null) childDomains.put(c, currentDomain);
    }

    final SignalType unsignedType(int width) {
        return checkedType(width, false);
    }

    final SignalType signedType(int width) {
        return checkedType(width, true);
    }

    final SignalType checkedType(int width, boolean signed) {
        if (width < SignalType.MIN_WIDTH || width > SignalType.MAX_WIDTH) {
            reportError(SourceCapture.caller(), "", "width " + width + " is out of range " + SignalType.MIN_WIDTH + ".." + SignalType.MAX_WIDTH);
            width = Math.max(SignalType.MIN_WIDTH, Math.min(width, SignalType.MAX_WIDTH));
        }
        return new SignalType(width, signed);
    }
}
