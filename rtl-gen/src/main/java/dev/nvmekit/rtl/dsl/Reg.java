package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A register of a clock domain. It holds its value unless assigned; {@link #init} gives the value
 * loaded while the domain's reset is asserted. A register whose next value depends on itself and
 * that has no reset draws a warning (its state would start unknown on hardware), unless
 * {@link #noReset()} says that is intended.
 */
public final class Reg extends Signal {
    private final Domain domain;
    private Optional<BigInteger> resetValue = Optional.empty();
    private Optional<BigInteger> initValue = Optional.empty();
    private boolean resetWaived;

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

    boolean resetWaived() {
        return resetWaived;
    }

    private BigInteger pattern(BigInteger v) {
        return v.and(BigInteger.ONE.shiftLeft(width()).subtract(BigInteger.ONE));
    }
}
