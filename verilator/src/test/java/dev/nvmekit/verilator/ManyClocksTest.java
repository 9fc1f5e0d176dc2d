package dev.nvmekit.verilator;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A design with more clocks than the embedded simulator runs ({@link Flattener#MAX_CLOCKS}) runs
 * on Verilator, which the embedded simulator's refusal suggests: every clock at its own period.
 */
class ManyClocksTest {
    private static final VerilatorBackend VERILATOR = new VerilatorBackend();

    /** {@code n} clock domains, each with its own clock input and an 8-bit counter of its rising edges. */
    static final class ManyClocks extends Component {
        ManyClocks(int n) {
            for (int k = 0; k < n; k++) {
                int i = k;
                Domain d = domain("d" + i, "clk" + i, "rst" + i, ResetKind.SYNC_HIGH);
                Signal q = out("count" + i, 8);
                withDomain(d, () -> {
                    Reg edges = reg("edges" + i, 8).init(0);
                    edges.set(edges.add(lit(1, 8)));
                    q.set(edges);
                });
            }
        }
    }

    @Test
    void moreClocksThanTheEmbeddedLimitRunOnVerilator() {
        assumeTrue(VERILATOR.available(), () -> "Verilator skipped: " + VERILATOR.unavailableReason());
        int n = Flattener.MAX_CLOCKS + 2;
        Design d = Elaborator.elaborate(new ManyClocks(n)).design();
        SimulationOptions options = SimulationOptions.defaults().withClocks(ClockSpec.of("clk0"),
                new ClockSpec("clk" + (n - 1), 20_000, 5_000), new ClockSpec("clk" + Flattener.MAX_CLOCKS, 40_000, 5_000));
        try (Simulator sim = VERILATOR.open(d, options)) {
            sim.step(8);
            assertEquals(8, sim.peek("count0"));
            assertEquals(8, sim.peek("count" + (Flattener.MAX_CLOCKS - 1)), "clocks without a spec run at the primary's period");
            assertEquals(2, sim.peek("count" + Flattener.MAX_CLOCKS));
            assertEquals(4, sim.peek("count" + (n - 1)));
        }
    }
}
