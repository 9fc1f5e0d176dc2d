package dev.nvmekit.rtl.ir;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A flip-flop vector clocked by a clock domain. On each rising edge it takes {@code next}
 * (which refers to the register itself where it holds its value), or {@code resetValue}
 * while the domain's reset is asserted.
 *
 * @param resetValue the bit pattern loaded on reset; empty for a register without reset
 * @param initValue  the power-up value in simulation and FPGA bitstreams; empty means the
 *                   simulator's documented choice for uninitialised state
 */
public record Register(String name, SignalType type, String clockDomain, Expr next,
                       Optional<BigInteger> resetValue, Optional<BigInteger> initValue,
                       SourceLocation location) {
    public Register {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clockDomain, "clockDomain");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(resetValue, "resetValue");
        Objects.requireNonNull(initValue, "initValue");
        Objects.requireNonNull(location, "location");
        if (!next.type().equals(type)) {
            throw new IllegalArgumentException("register " + name + " of " + type + " takes a next value of " + next.type());
        }
        resetValue.ifPresent(v -> checkFits(name, v, type));
        initValue.ifPresent(v -> checkFits(name, v, type));
    }

    private static void checkFits(String name, BigInteger v, SignalType type) {
        if (v.signum() < 0 || v.bitLength() > type.width()) {
            throw new IllegalArgumentException("register " + name + ": value pattern " + v + " does not fit " + type);
        }
    }
}
