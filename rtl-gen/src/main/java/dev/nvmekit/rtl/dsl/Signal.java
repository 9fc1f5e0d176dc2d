package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;

/**
 * A named signal of a component: a port, a wire, a register or a memory's synchronous read
 * data. Its name is the name in the emitted Verilog and in every simulator. Wires, output ports,
 * registers and (from the parent) a child's input ports are assigned with {@link #set}; inside
 * {@code when}/{@code switchOn} blocks the last assignment wins.
 */
public class Signal extends Value {
    /** What a signal is, which decides who may drive it. */
    public enum Kind { INPUT, OUTPUT, WIRE, REGISTER, MEMORY_READ }

    private final Kind kind;
    private final String name;
    private final SourceLocation location;
    private final Component owner;

    Signal(Component owner, Kind kind, String name, SignalType type, SourceLocation location) {
        super(new Expr.Ref(name, type), owner);
        this.owner = owner;
        this.kind = kind;
        this.name = name;
        this.location = location;
    }

    /** The signal's name (the Verilog name). */
    public String name() {
        return name;
    }

    /** What kind of signal this is. */
    public Kind kind() {
        return kind;
    }

    /** Where the user declared it. */
    public SourceLocation location() {
        return location;
    }

    /** The component that declares it. */
    public Component owner() {
        return owner;
    }

    /** Drives this signal with {@code value} (of the same type) under the enclosing conditions. */
    public void set(Value value) {
        owner.assign(this, value, SourceCapture.caller());
    }

    /** Drives this signal with a constant (which must fit its type). */
    public void set(long constant) {
        SourceLocation at = SourceCapture.caller();
        if (!Values.fits(constant, type())) {
            owner.reportError(at, name, "constant " + constant + " does not fit " + type() + " of '" + name + "'");
            return;
        }
        owner.assign(this, Values.constant(constant, type()), at);
    }

    /** Drives this signal with a constant bit pattern. */
    public void set(BigInteger pattern) {
        SourceLocation at = SourceCapture.caller();
        if (!Values.fitsPattern(pattern, width())) {
            owner.reportError(at, name, "constant " + pattern + " does not fit " + type() + " of '" + name + "'");
            return;
        }
        owner.assign(this, Scopes.constant(pattern, type()), at);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + name + ": " + type();
    }
}
