package dev.nvmekit.sim.interp;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.netlist.Flattener;

/**
 * The embedded IR interpreter ({@code "interpreter"}): the reference semantics of the IR, for
 * checking the compiled backend and for debugging; about two orders of magnitude slower.
 */
public final class InterpreterBackend implements SimulatorBackend {
    @Override
    public String name() {
        return "interpreter";
    }

    @Override
    public Simulator open(Design design, SimulationOptions options) {
        return new InterpretedSimulator(Flattener.flatten(design), options);
    }
}
