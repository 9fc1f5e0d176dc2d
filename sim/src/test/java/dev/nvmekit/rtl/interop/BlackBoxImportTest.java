package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.BlackBox;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.examples.PllUser;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A DSL design with a blackbox runs on the embedded backend once the blackbox's Verilog source is imported. */
class BlackBoxImportTest {
    static final String COUNTER = Path.of("../rtl-gen/src/test/resources/verilog/external_counter.v").toAbsolutePath().toString();

    @Test
    void blackBoxBecomesSimulatableByImportingItsSource() {
        Design withBox = Elaborator.elaborate(new PllUser(COUNTER)).design();
        assertThrows(SimulationException.class, () -> new EmbeddedBackend().open(withBox, SimulationOptions.defaults()).close(),
                "the embedded backend cannot run a blackbox");
        Design runnable = BlackBoxImport.resolve(withBox);
        assertFalse(runnable.module("external_counter").isBlackBox());
        try (Simulator sim = new EmbeddedBackend().open(runnable, SimulationOptions.defaults())) {
            sim.reset(2);
            sim.poke("enable", 1);
            sim.step(200);
            // Both counters are 8 bits (WIDTH 8 from the blackbox's verilogParameter) and wrap together: 200 + 200.
            assertEquals(400, sim.peek("total"));
            assertEquals(200, sim.peek("ext.count"));
        }
    }

    /** The same Verilog module with two parameter sets becomes two imported modules; equal sets share one. */
    @Test
    void twoParameterSetsGiveTwoModules() {
        String source = Path.of("../rtl-gen/src/test/resources/interop/positional_params.v").toAbsolutePath().toString();
        final class Stepper extends BlackBox {
            final Signal clk, rst, en, count;

            Stepper(int step) {
                super("stepper");
                source(source);
                verilogParameter("WIDTH", "6");
                verilogParameter("STEP", String.valueOf(step));
                clk = in("clk", 1);
                rst = in("rst", 1);
                en = in("en", 1);
                count = out("count", 6);
            }
        }
        final class Three extends Component {
            Three() {
                Signal enable = in("enable", 1);
                Signal by1 = out("by1", 6);
                Signal by5 = out("by5", 6);
                Signal again = out("again", 6);
                Stepper a = instance("a", new Stepper(1));
                Stepper b = instance("b", new Stepper(5));
                Stepper c = instance("c", new Stepper(1));
                for (Stepper s : new Stepper[] {a, b, c}) {
                    s.clk.set(mainDomain().clock());
                    s.rst.set(mainDomain().reset());
                    s.en.set(enable);
                }
                by1.set(a.count);
                by5.set(b.count);
                again.set(c.count);
            }
        }
        Design runnable = BlackBoxImport.resolve(Elaborator.elaborate(new Three()).design());
        assertEquals(java.util.List.of("stepper", "stepper_1", "three"), runnable.modules().stream().map(m -> m.name()).toList());
        try (Simulator sim = new EmbeddedBackend().open(runnable, SimulationOptions.defaults())) {
            sim.reset(1);
            sim.poke("enable", 1);
            sim.step(13);
            assertEquals(13, sim.peek("by1"));
            assertEquals(13 * 5 % 64, sim.peek("by5"));
            assertEquals(13, sim.peek("again"));
        }
    }

    @Test
    void portsThatDoNotMatchTheSourceAreAnErrorAtTheInstance() {
        final class Misdeclared extends BlackBox {
            final Signal clk, rst, enable, count;

            Misdeclared() {
                super("external_counter");
                source(COUNTER);            // WIDTH not passed: the Verilog default of 4 bits
                clk = in("clk", 1);
                rst = in("rst", 1);
                enable = in("enable", 1);
                count = out("count", 8);
            }
        }
        final class User extends Component {
            User() {
                Signal total = out("total", 8);
                Misdeclared m = instance("m", new Misdeclared());
                m.clk.set(mainDomain().clock());
                m.rst.set(mainDomain().reset());
                m.enable.set(bool(true));
                total.set(m.count);
            }
        }
        DesignException e = assertThrows(DesignException.class, () -> BlackBoxImport.resolve(Elaborator.elaborate(new User()).design()));
        assertTrue(e.getMessage().contains("declares port 'count'") && e.getMessage().contains("4 bits wide")
                && e.getMessage().contains("BlackBoxImportTest.java:"), e.getMessage());
    }
}
