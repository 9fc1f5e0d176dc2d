package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.Flattener;

/**
 * The default simulator ({@code "embedded"}): flattens the design, compiles it to a JVM class
 * with {@code java.lang.classfile} and runs it in this JVM; needs no external tool. Semantics
 * are those of the IR interpreter ({@code dev.nvmekit.sim.interp.InterpreterBackend}), which it is
 * tested against, and of the emitted Verilog under Icarus.
 */
public final class EmbeddedBackend implements SimulatorBackend {
    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Simulator open(Design design, SimulationOptions options) {
        FlatNetlist net = Flattener.flatten(design);
        return new CompiledSimulator(net, options, ModelCompiler.compile(net));
    }
}
