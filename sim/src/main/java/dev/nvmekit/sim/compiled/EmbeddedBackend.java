package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.Flattener;

import java.util.ArrayList;
import java.util.List;

/**
 * The default simulator ({@code "embedded"}): flattens the design, compiles it to a JVM class
 * with {@code java.lang.classfile} and runs it in this JVM; needs no external tool. Semantics
 * are those of the IR interpreter ({@code dev.nvmekit.sim.interp.InterpreterBackend}), which it is
 * tested against, and of the emitted Verilog under Icarus.
 *
 * <p>A backend keeps the models of the last {@value #KEPT} designs it opened (the same
 * {@link Design} object): a generated model holds no state of its own, so simulations of one
 * design share its class — and the machine code HotSpot has compiled for it, which for a large
 * design takes seconds to produce. Tests and benchmarks that open a design many times should
 * reuse one backend.
 */
public final class EmbeddedBackend implements SimulatorBackend {
    private static final int KEPT = 4;

    private record Model(Design design, FlatNetlist net, ModelCompiler.Compiled compiled) {
    }

    private final List<Model> models = new ArrayList<>();

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Simulator open(Design design, SimulationOptions options) {
        Model m = model(design);
        return new CompiledSimulator(m.net(), options, m.compiled());
    }

    private Model model(Design design) {
        synchronized (models) {
            for (int i = 0; i < models.size(); i++) {
                Model m = models.get(i);
                if (m.design() == design) {
                    models.remove(i);
                    models.addFirst(m);
                    return m;
                }
            }
        }
        FlatNetlist net = Flattener.flatten(design);
        Model m = new Model(design, net, ModelCompiler.compile(net));
        synchronized (models) {
            models.addFirst(m);
            if (models.size() > KEPT) models.removeLast();
        }
        return m;
    }
}
