package dev.nvmekit.verilator;

import dev.nvmekit.rtl.dsl.BlackBox;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SuiteDesigns;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The designs of the Verilator-only tests: the backend suites' counter and memory top (from
 * sim's test-jar, so that one model build serves both), and a top with a blackbox.
 */
final class TestDesigns {
    private TestDesigns() {
    }

    /** External Verilog: a counter whose width is a Verilog parameter. */
    static final class ExternalCounter extends BlackBox {
        final Signal clk, rst, enable, count;

        ExternalCounter() {
            super("external_counter");
            source(resource("/verilog/external_counter.v"));
            verilogParameter("WIDTH", "8");
            clk = in("clk", 1);
            rst = in("rst", 1);
            enable = in("enable", 1);
            count = out("count", 8);
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(TestDesigns.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A blackbox counter {@code ext} (Verilator only: the embedded simulator runs no external Verilog). */
    static final class BlackBoxTop extends Component {
        BlackBoxTop() {
            Signal hold = in("hold", 1);
            Signal extCount = out("ext_out", 8);
            ExternalCounter ext = instance("ext", new ExternalCounter());
            ext.clk.set(mainDomain().clock());
            ext.rst.set(mainDomain().reset());
            ext.enable.set(hold.not());
            extCount.set(ext.count);
        }
    }

    static Design blackBoxTop() {
        return Elaborator.elaborate(new BlackBoxTop()).design();
    }

    static Design counter() {
        return SuiteDesigns.WIDE_COUNTER;
    }

    static Design memoryTop() {
        return SuiteDesigns.MEMORY_TOP;
    }
}
