package dev.nvmekit.waveforms.diff;

import dev.nvmekit.waveforms.LogicValue;
import dev.nvmekit.waveforms.RealValue;
import dev.nvmekit.waveforms.SignalValue;

/**
 * How x and z bits count when two dumps are compared. A 4-state simulator (Icarus) shows x
 * where a 2-state one (Verilator) shows 0, so exact comparison of such dumps mostly reports
 * uninitialised state.
 */
public enum XzPolicy {
    /** x, z, 0 and 1 are four distinct values. */
    EXACT,
    /** x and z bits read as 0 on both sides, as a 2-state simulator would hold them. */
    X_EQUALS_ZERO,
    /** An x or z bit on either side matches any bit on the other. */
    X_MATCHES_ANY;

    /** Whether {@code a} and {@code b} count as equal under this policy. */
    public boolean same(SignalValue a, SignalValue b) {
        return switch (a) {
            case RealValue ra -> b instanceof RealValue rb && Double.compare(ra.value(), rb.value()) == 0;
            case LogicValue la -> b instanceof LogicValue lb && sameLogic(la, lb);
        };
    }

    private boolean sameLogic(LogicValue a, LogicValue b) {
        if (a.width() != b.width()) {
            return false;
        }
        return switch (this) {
            case EXACT -> a.equals(b);
            case X_EQUALS_ZERO -> a.toBigInteger().equals(b.toBigInteger());
            case X_MATCHES_ANY -> {
                var known = a.bval().or(b.bval()).not();
                yield a.aval().xor(b.aval()).and(known).signum() == 0;
            }
        };
    }
}
