package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.sim.Simulator.SignalInfo;

/**
 * One signal of the flattened design, named by its hierarchical path ({@code "fifo.count"}).
 *
 * @param path  the full path, instance names joined by '.'
 * @param scope the instance path it lives in ({@code ""} for the top)
 * @param local its name inside its module, as in the Java source
 * @param kind  what a test may do with it (only top inputs are poked)
 * @param role  how the simulator computes it
 */
public record FlatSignal(String path, String scope, String local, SignalType type, SignalInfo.Kind kind, Role role) {

    /** How a flat signal gets its value. */
    public enum Role {
        /** A top-level input the test drives. */
        INPUT,
        /** A top-level input the simulator toggles as a clock (reads as 0 in logic). */
        CLOCK,
        /** Computed combinationally by a {@link FlatAssign} (or constant 0 when nothing drives it). */
        COMB,
        /** State updated on a clock edge: a register or a synchronous memory read port. */
        STATE
    }

    public int width() {
        return type.width();
    }
}
