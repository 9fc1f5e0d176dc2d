package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A register with a clock enable counts only in enabled cycles, and reset wins over the enable. */
class RegisterEnableSimTest {
    static final class EnabledCounter extends Component {
        EnabledCounter() {
            Signal tick = in("tick", 1);
            Reg count = reg("count_q", 8).init(0).enable(tick);
            count.set(count.add(1));
            out("count", 8).set(count);
        }
    }

    @Test
    void countsOnlyWhileEnabledOnBothEmbeddedBackends() {
        Design design = Elaborator.elaborate(new EnabledCounter()).design();
        for (SimulatorBackend backend : new SimulatorBackend[] {new EmbeddedBackend(), new InterpreterBackend()}) {
            try (Simulator sim = backend.open(design, SimulationOptions.defaults())) {
                sim.reset(1);
                int expected = 0;
                for (int c = 0; c < 40; c++) {
                    boolean tick = c % 3 != 0;
                    sim.poke("tick", tick ? 1 : 0);
                    sim.step();
                    if (tick) expected++;
                    assertEquals(expected, sim.peek("count"), backend.name() + " cycle " + c);
                }
                sim.poke("tick", 0);
                sim.poke("rst", 1);
                sim.step();
                assertEquals(0, sim.peek("count"), backend.name() + ": reset while disabled");
            }
        }
    }
}
