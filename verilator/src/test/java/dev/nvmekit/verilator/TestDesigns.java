package dev.nvmekit.verilator;

import dev.nvmekit.rtl.dsl.BlackBox;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The few designs the backend tests share (each distinct design costs a Verilator build, so
 * they are kept small and few): a counter, and a top with a memory, a child instance, wide
 * signals and a second clock domain.
 */
final class TestDesigns {
    private TestDesigns() {
    }

    /** An up-counter with enable, a wrap flag and a 100-bit accumulator of a wide input. */
    static final class WideCounter extends Component {
        final Signal enable, count, wrap, addend, total;

        WideCounter(int width) {
            parameter("width", width);
            enable = in("enable", 1);
            count = out("count", width);
            wrap = out("wrap", 1);
            addend = in("addend", 100);
            total = out("total", 100);
            Reg value = reg("value", width).init(0);
            Reg acc = reg("acc", 100).init(0);
            when(enable, () -> {
                value.set(value.add(1));
                acc.set(acc.add(addend));
            });
            count.set(value);
            wrap.set(enable.and(value.andR()));
            total.set(acc);
        }
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

    /** A register file on a memory, a counter instance {@code ctr}, and a counter in a second domain. */
    static final class MemoryTop extends Component {
        MemoryTop() {
            Signal wrEn = in("wr_en", 1);
            Signal wrAddr = in("wr_addr", 4);
            Signal wrData = in("wr_data", 72);
            Signal rdAddr = in("rd_addr", 4);
            Signal rdData = out("rd_data", 72);
            Signal sample = inSigned("sample", 8);
            Signal negated = outSigned("negated", 8);
            Signal ctrCount = out("counted", 8);
            Signal fastCount = out("fast_count", 16);

            Mem words = mem("words", 72, 16);
            when(wrEn, () -> words.write(wrAddr, wrData));
            rdData.set(words.read(rdAddr));
            negated.set(sample.neg());

            WideCounter ctr = instance("ctr", new WideCounter(8));
            ctr.enable.set(bool(true));
            ctr.addend.set(lit(3, 100));
            ctrCount.set(ctr.count);

            Domain fast = domain("fast", "clk_fast", "rst_fast", ResetKind.SYNC_HIGH);
            withDomain(fast, () -> {
                Reg ticks = reg("ticks", 16).init(0);
                ticks.set(ticks.add(1));
                fastCount.set(ticks);
            });
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
        return Elaborator.elaborate(new WideCounter(8)).design();
    }

    static Design memoryTop() {
        return Elaborator.elaborate(new MemoryTop()).design();
    }
}
