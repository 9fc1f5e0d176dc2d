package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A hardware module written in Java: subclass it and describe the hardware in the constructor
 * (ports, wires, registers, memories, child instances, {@code when}/{@code switchOn} logic).
 * Constructor arguments are the module's parameters; {@link #parameter} records them so that
 * differently parameterised copies get stable, meaningful Verilog names such as
 * {@code fifo_depth16_width8}. {@link Elaborator#elaborate} turns a top component into the IR.
 *
 * <pre>{@code
 * final class Counter extends Component {
 *     Counter(int width) {
 *         parameter("width", width);
 *         Signal enable = in("enable", 1);
 *         Signal count = out("count", width);
 *         Reg value = reg("value", width).init(0);
 *         when(enable, () -> value.set(value.add(1)));
 *         count.set(value);
 *     }
 * }
 * }</pre>
 */
public abstract non-sealed class Component extends ComponentBase {

    /** A component whose module name is its class name in snake_case. */
    protected Component() {
        this(null);
    }

    /** A component with an explicit module base name. */
    protected Component(String moduleName) {
        super(moduleName);
    }

    // ---- parameters ---------------------------------------------------------------------------

    /** Records a generator parameter (for the module name and reports) and returns it. */
    protected final <T> T parameter(String name, T value) {
        parameters.put(name, value);
        return value;
    }

    /** Checks a parameter's range at elaboration, reporting {@code message} at the caller's line if not. */
    protected final void require(boolean condition, String message) {
        if (!condition) reportError(SourceCapture.caller(), "", message);
    }

    // ---- ports, wires, registers, memories ----------------------------------------------------

    /** An unsigned input port. */
    protected final Signal in(String name, int width) {
        return port(Signal.Kind.INPUT, name, unsignedType(width));
    }

    /** A signed input port. */
    protected final Signal inSigned(String name, int width) {
        return port(Signal.Kind.INPUT, name, signedType(width));
    }

    /** An unsigned output port. */
    protected final Signal out(String name, int width) {
        return port(Signal.Kind.OUTPUT, name, unsignedType(width));
    }

    /** A signed output port. */
    protected final Signal outSigned(String name, int width) {
        return port(Signal.Kind.OUTPUT, name, signedType(width));
    }

    /** A combinational signal, driven by {@link Signal#set}. */
    protected final Signal wire(String name, int width) {
        return declare(Signal.Kind.WIRE, name, unsignedType(width), SourceCapture.caller());
    }

    /** A combinational signal of the given type. */
    protected final Signal wire(String name, SignalType type) {
        return declare(Signal.Kind.WIRE, name, type, SourceCapture.caller());
    }

    /** Names a value: a wire driven by {@code value} everywhere (keeps the Verilog readable). */
    protected final Signal named(String name, Value value) {
        SourceLocation at = SourceCapture.caller();
        Signal w = declare(Signal.Kind.WIRE, name, value.type(), at);
        body.items.add(new Statement.Assign(w, localExpr(value, at), at));
        return w;
    }

    /** An unsigned register of the current clock domain. */
    protected final Reg reg(String name, int width) {
        return reg(name, unsignedType(width));
    }

    /** A register of the given type in the current clock domain. */
    protected final Reg reg(String name, SignalType type) {
        SourceLocation at = SourceCapture.caller();
        Domain d = domain();
        Reg r = new Reg(this, name, type, d, at);
        register(name, r, at);
        signals.add(r);
        return r;
    }

    /** A register that loads {@code next} on every edge (a pipeline stage), without reset. */
    protected final Reg regNext(String name, Value next) {
        Reg r = reg(name, next.type()).noReset();
        r.set(next);
        return r;
    }

    /** A memory of {@code depth} words of {@code width} bits in the current clock domain. */
    protected final Mem mem(String name, int width, int depth) {
        SourceLocation at = SourceCapture.caller();
        if (depth < 1) {
            reportError(at, name, "memory depth must be >= 1, got " + depth);
            depth = 1;
        }
        Mem m = new Mem(this, name, unsignedType(width), depth, domain(), at);
        register(name, m, at);
        memories.add(m);
        return m;
    }

    // ---- hierarchy ----------------------------------------------------------------------------

    /**
     * Places {@code child} in this component as instance {@code name} and returns it. Its ports
     * are then used from here: read its outputs, {@code set} its inputs. Its implicit clock and
     * reset follow this component's current clock domain.
     */
    protected final <C extends Component> C instance(String name, C instance) {
        SourceLocation at = SourceCapture.caller();
        Component child = instance;
        if (child.parent != null) {
            reportError(at, name, "component '" + child.baseName + "' is already instance '" + child.instanceName
                    + "' of '" + child.parent.baseName + "'; construct a new one for each instance");
            return instance;
        }
        if (child == this) {
            reportError(at, name, "a component cannot contain itself");
            return instance;
        }
        register(name, child, at);
        child.parent = this;
        child.instanceName = name;
        child.instanceLocation = at;
        children.add(child);
        for (Signal p : child.ports) {
            if (child.isMainDomainPort(p)) continue;
            Signal net = declare(Signal.Kind.WIRE, name + "_" + p.name(), p.type(), at);
            childPortNets.put(p, net);
        }
        if (child.mainDomain != null) domain();
        return instance;
    }

    // ---- conditional logic --------------------------------------------------------------------

    /** Runs {@code body} under {@code condition}; chain {@code elseWhen}/{@code otherwise}. */
    protected final WhenChain when(Value condition, Runnable body) {
        return WhenChain.start(this, condition, body, SourceCapture.caller());
    }

    /** Starts a {@code switch} on {@code selector}: {@code .is(value, body)...otherwise(body)}. */
    protected final Switch switchOn(Value selector) {
        return new Switch(this, selector, SourceCapture.caller());
    }

    // ---- constants and combinators ------------------------------------------------------------

    /** An unsigned constant of {@code width} bits. */
    protected final Value lit(long value, int width) {
        SignalType t = unsignedType(width);
        if (!Values.fits(value, t)) reportError(SourceCapture.caller(), "", "constant " + value + " does not fit " + t);
        return Values.constant(value, t);
    }

    /** An unsigned constant bit pattern of {@code width} bits. */
    protected final Value lit(BigInteger value, int width) {
        SignalType t = unsignedType(width);
        if (value.signum() < 0 || value.bitLength() > width) reportError(SourceCapture.caller(), "", "constant " + value + " does not fit " + t);
        return Scopes.constant(value, t);
    }

    /** A signed constant of {@code width} bits. */
    protected final Value slit(long value, int width) {
        SignalType t = signedType(width);
        if (!Values.fits(value, t)) reportError(SourceCapture.caller(), "", "constant " + value + " does not fit " + t);
        return Values.constant(value, t);
    }

    /** One bit, 1 or 0. */
    protected final Value bool(boolean value) {
        return Values.constant(value ? 1 : 0, SignalType.BIT);
    }

    /** Concatenation, first argument in the most significant bits. */
    protected final Value cat(Value... parts) {
        return Values.concat(List.of(parts));
    }

    /** Concatenation of a list, first element in the most significant bits. */
    protected final Value cat(List<? extends Value> parts) {
        return Values.concat(parts);
    }

    /** {@code select ? whenTrue : whenFalse}. */
    protected final Value mux(Value select, Value whenTrue, Value whenFalse) {
        return Values.mux(select, whenTrue, whenFalse);
    }

    /** The element of {@code items} chosen by an unsigned index (the last one past the end). */
    protected final Value pick(Value index, List<? extends Value> items) {
        if (items.isEmpty()) {
            reportError(SourceCapture.caller(), "", "pick needs at least one item");
            return bool(false);
        }
        Value result = items.getLast();
        for (int i = items.size() - 2; i >= 0; i--) {
            Value hit = (index.width() < 63 && i >= (1L << index.width())) ? bool(false) : index.eq(Values.constant(i, index.type()));
            result = Values.mux(hit, items.get(i), result);
        }
        return result;
    }

    // ---- clock domains ------------------------------------------------------------------------

    /** Declares a clock domain with its own clock and reset input ports. */
    protected final Domain domain(String name, String clockPort, String resetPort, ResetKind kind) {
        Signal clock = port(Signal.Kind.INPUT, clockPort, SignalType.BIT);
        Signal reset = kind == ResetKind.NONE ? null : port(Signal.Kind.INPUT, resetPort, SignalType.BIT);
        Domain d = new Domain(name, clock, reset, kind);
        domains.add(d);
        return d;
    }

    /** Runs {@code body} with {@code d} as the domain of new registers, memories and instances. */
    protected final void withDomain(Domain d, Runnable body) {
        Domain saved = currentDomain;
        currentDomain = d;
        try {
            body.run();
        } finally {
            currentDomain = saved;
        }
    }

    /** The implicit domain ({@code clk}, {@code rst}), created on first use. */
    protected final Domain mainDomain() {
        if (mainDomain == null) {
            SourceLocation at = SourceCapture.caller();
            Signal clk = declare(Signal.Kind.INPUT, "clk", SignalType.BIT, at);
            Signal rst = declare(Signal.Kind.INPUT, "rst", SignalType.BIT, at);
            ports.add(0, rst);
            ports.add(0, clk);
            mainDomain = new Domain(dev.nvmekit.rtl.ir.ClockDomain.MAIN, clk, rst, ResetKind.SYNC_HIGH);
            domains.add(0, mainDomain);
        }
        return mainDomain;
    }

    private Domain domain() {
        return currentDomain != null ? currentDomain : mainDomain();
    }

    /** Makes existing ports the implicit domain (for {@link ImportedModule}, whose clock is not {@code clk}). */
    final void adoptMainDomain(Domain d) {
        mainDomain = d;
        domains.add(0, d);
    }

    // ---- identity -----------------------------------------------------------------------------

    /** The module's base name (before parameter specialisation). */
    public final String moduleBaseName() {
        return baseName;
    }

    /** The instance name in the parent, or null for a top component. */
    public final String instanceName() {
        return instanceName;
    }

    // ==== bundles, streams and vectors ==========================================================
    // Added by the stdlib branch: factories only, built on declare()/port bookkeeping above.

    /** A bundle consumed by this component: forward fields are inputs, flipped fields outputs. */
    protected final Bundle inBundle(String prefix, BundleSpec spec) {
        return Declarations.bundle(this, prefix, spec, Signal.Kind.INPUT, Signal.Kind.OUTPUT, SourceCapture.caller());
    }

    /** A bundle produced by this component: forward fields are outputs, flipped fields inputs. */
    protected final Bundle outBundle(String prefix, BundleSpec spec) {
        return Declarations.bundle(this, prefix, spec, Signal.Kind.OUTPUT, Signal.Kind.INPUT, SourceCapture.caller());
    }

    /** A bundle of wires inside this component. */
    protected final Bundle wireBundle(String prefix, BundleSpec spec) {
        return Declarations.bundle(this, prefix, spec, Signal.Kind.WIRE, Signal.Kind.WIRE, SourceCapture.caller());
    }

    /** A stream this component consumes: valid and payload in, ready out; {@code payload()} is a {@code T}. */
    protected final <T> Stream<T> streamIn(String prefix, PayloadType<T> payload) {
        return Declarations.stream(this, prefix, payload, Signal.Kind.INPUT, Signal.Kind.OUTPUT, SourceCapture.caller());
    }

    /** A stream this component produces: valid and payload out, ready in; {@code payload()} is a {@code T}. */
    protected final <T> Stream<T> streamOut(String prefix, PayloadType<T> payload) {
        return Declarations.stream(this, prefix, payload, Signal.Kind.OUTPUT, Signal.Kind.INPUT, SourceCapture.caller());
    }

    /** A stream of wires inside this component (between two children, or to name a stage). */
    protected final <T> Stream<T> streamWire(String prefix, PayloadType<T> payload) {
        return Declarations.stream(this, prefix, payload, Signal.Kind.WIRE, Signal.Kind.WIRE, SourceCapture.caller());
    }

    /** A stream this component consumes, its payload used as a {@link Bundle} of {@code payload}'s fields. */
    protected final Stream<Bundle> streamIn(String prefix, BundleSpec payload) {
        return Declarations.stream(this, prefix, PayloadType.bundle(payload), Signal.Kind.INPUT, Signal.Kind.OUTPUT, SourceCapture.caller());
    }

    /** A stream this component produces, its payload used as a {@link Bundle} of {@code payload}'s fields. */
    protected final Stream<Bundle> streamOut(String prefix, BundleSpec payload) {
        return Declarations.stream(this, prefix, PayloadType.bundle(payload), Signal.Kind.OUTPUT, Signal.Kind.INPUT, SourceCapture.caller());
    }

    /** A stream of wires, its payload used as a {@link Bundle} of {@code payload}'s fields. */
    protected final Stream<Bundle> streamWire(String prefix, BundleSpec payload) {
        return Declarations.stream(this, prefix, PayloadType.bundle(payload), Signal.Kind.WIRE, Signal.Kind.WIRE, SourceCapture.caller());
    }

    /** {@code count} unsigned input ports {@code <name>_0..}. */
    protected final Vec<Signal> inVec(String name, int count, int width) {
        return Declarations.vec(this, name, count, width, Signal.Kind.INPUT, SourceCapture.caller());
    }

    /** {@code count} unsigned output ports {@code <name>_0..}. */
    protected final Vec<Signal> outVec(String name, int count, int width) {
        return Declarations.vec(this, name, count, width, Signal.Kind.OUTPUT, SourceCapture.caller());
    }

    /** {@code count} unsigned wires {@code <name>_0..}. */
    protected final Vec<Signal> wireVec(String name, int count, int width) {
        return Declarations.vec(this, name, count, width, Signal.Kind.WIRE, SourceCapture.caller());
    }

    /** {@code count} unsigned registers {@code <name>_0..} of the current clock domain. */
    protected final Vec<Reg> regVec(String name, int count, int width) {
        SourceLocation at = SourceCapture.caller();
        List<Reg> regs = new ArrayList<>();
        for (int i = 0; i < Declarations.vecCount(this, name, count, at); i++) {
            Reg r = new Reg(this, name + "_" + i, checkedType(width, false), domain(), at);
            register(r.name(), r, at);
            signals.add(r);
            regs.add(r);
        }
        return new Vec<>(name, regs);
    }

}
