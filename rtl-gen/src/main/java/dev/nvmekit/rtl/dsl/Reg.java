package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A register of a clock domain. It holds its value unless assigned; {@link #init} gives the value
 * loaded while the domain's reset is asserted. A register whose next value depends on itself and
 * that has no reset draws a warning (its state would start unknown on hardware), unless
 * {@link #noReset()} says that is intended. {@link #enable} gives it a clock enable: the
 * register takes its assigned value only in cycles where the enable is 1 (FPGA flip-flops have
 * a CE pin for this; synthesis maps it there).
 */
public final class Reg extends Signal {
    private final Domain domain;
    private Optional<BigInteger> resetValue = Optional.empty();
    private Optional<BigInteger> initValue = Optional.empty();
    private boolean resetWaived;
    private Optional<Expr> enable = Optional.empty();

    Reg(Component owner, String name, SignalType type, Domain domain, SourceLocation location) {
        super(owner, Kind.REGISTER, name, type, location);
        this.domain = domain;
    }

    /** Loads {@code value} on reset. */
    public Reg init(long value) {
        if (!Values.fits(value, type())) {
            owner().reportError(SourceCapture.caller(), name(), "reset value " + value + " does not fit " + type());
            return this;
        }
        return init(BigInteger.valueOf(value));
    }

    /** Loads the bit pattern (or signed value) {@code value} on reset. */
    public Reg init(BigInteger value) {
        if (!Values.fitsPattern(value, width())) {
            owner().reportError(SourceCapture.caller(), name(), "reset value " + value + " does not fit " + type());
            return this;
        }
        this.resetValue = Optional.of(pattern(value));
        return this;
    }

    /** Declares that this register deliberately has no reset (no warning). */
    public Reg noReset() {
        this.resetWaived = true;
        return this;
    }

    /** Power-up value (simulation and FPGA configuration), independent of reset. */
    public Reg powerUp(long value) {
        this.initValue = Optional.of(pattern(BigInteger.valueOf(value)));
        return this;
    }

    /**
     * Loads the value assigned to this register only in cycles where {@code en} is 1 and holds
     * otherwise; reset still applies whatever the enable. Equivalent to wrapping every
     * assignment in {@code when(en, ...)}.
     */
    public Reg enable(Value en) {
        SourceLocation at = SourceCapture.caller();
        if (en.width() != 1) {
            owner().reportError(at, name(), "the enable of register '" + name() + "' must be 1 bit, got " + en.type()
                    + "; compare it (eq/ne) or reduce it (orR) to one bit");
        } else if (enable.isPresent()) {
            owner().reportError(at, name(), "register '" + name() + "' already has an enable; combine the conditions with and(...)");
        } else {
            enable = Optional.of(owner().localExpr(en, at));
        }
        return this;
    }

    /** The clock domain that clocks this register. */
    public Domain domain() {
        return domain;
    }

    Optional<BigInteger> resetValue() {
        return resetValue;
    }

    Optional<BigInteger> initValue() {
        return initValue;
    }

    Optional<Expr> enableExpr() {
        return enable;
    }

    boolean resetWaived() {
        return resetWaived;
    }

    private BigInteger pattern(BigInteger v) {
        return v.and(BigInteger.ONE.shiftLeft(width()).subtract(BigInteger.ONE));
    }
}
