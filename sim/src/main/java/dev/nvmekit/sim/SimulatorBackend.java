package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;

/**
 * A way to simulate a design: the embedded compiled simulator, its interpreter, Verilator.
 * Tests are written against {@link Simulator} and parameterised by backend.
 */
public interface SimulatorBackend {
    /** A short name for reports and command lines, e.g. {@code "embedded"} or {@code "verilator"}. */
    String name();

    /** Whether the backend can run here (e.g. Verilator is installed); false with a reason in {@link #unavailableReason()}. */
    default boolean available() {
        return true;
    }

    /** Why the backend cannot run here, or empty when it can. */
    default String unavailableReason() {
        return "";
    }

    /** Builds (or loads from cache) the design's model and starts a simulation. */
    Simulator open(Design design, SimulationOptions options);
}
