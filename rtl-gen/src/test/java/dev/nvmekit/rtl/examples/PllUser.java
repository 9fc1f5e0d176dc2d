package dev.nvmekit.rtl.examples;

import dev.nvmekit.rtl.dsl.BlackBox;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;

/** Golden example: a design that instantiates an external Verilog module (a blackbox) and a DSL child. */
public final class PllUser extends Component {
    /** The external module: a gated counter written by hand in Verilog. */
    public static final class ExternalCounter extends BlackBox {
        public final Signal clk, rst, enable, count;

        public ExternalCounter(String verilogFile) {
            super("external_counter");
            source(verilogFile);
            verilogParameter("WIDTH", "8");
            clk = in("clk", 1);
            rst = in("rst", 1);
            enable = in("enable", 1);
            count = out("count", 8);
        }
    }

    public PllUser(String verilogFile) {
        Signal enable = in("enable", 1);
        Signal total = out("total", 9);
        mainDomain();
        ExternalCounter ext = instance("ext", new ExternalCounter(verilogFile));
        Counter own = instance("own", new Counter(8));
        ext.clk.set(mainDomain().clock());
        ext.rst.set(mainDomain().reset());
        ext.enable.set(enable);
        own.enable.set(enable);
        total.set(ext.count.addExpand(own.count));
    }
}
