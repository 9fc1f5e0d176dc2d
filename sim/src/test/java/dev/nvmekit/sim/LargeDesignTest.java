package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.interp.InterpreterBackend;
import dev.nvmekit.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A design of over 10k IR nodes compiles (split across methods) and agrees with the interpreter.
 * About the compiled backend's method splitting, so not one of the backend suites (on Verilator
 * it would only add a long model build).
 */
class LargeDesignTest {
    @Test
    void largeDesignIsSplitAndAgrees() {
        var design = Elaborator.elaborate(new LfsrMesh(400)).design();
        int nodes = Flattener.flatten(design).exprNodes();
        assertTrue(nodes >= 10_000, "only " + nodes + " IR nodes");
        assertNull(Lockstep.run(design, List.of(new InterpreterBackend(), new EmbeddedBackend()), SimulationOptions.defaults(), 3, 30));
    }
}
