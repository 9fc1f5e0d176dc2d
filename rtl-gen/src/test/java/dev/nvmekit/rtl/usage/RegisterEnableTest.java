package dev.nvmekit.rtl.usage;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.verilog.VerilogLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A register's clock enable: it loads its assigned value only while the enable is 1. */
class RegisterEnableTest {
    @TempDir
    Path dir;

    /** A counter that counts only in enabled cycles. */
    static final class EnabledCounter extends Component {
        EnabledCounter() {
            Signal tick = in("tick", 1);
            Signal out = out("count", 8);
            Reg count = reg("count_q", 8).init(0).enable(tick);
            count.set(count.add(1));
            out.set(count);
        }
    }

    static final class WideEnable extends Component {
        final int line;

        WideEnable() {
            Signal en = in("en", 2);
            Reg r = reg("r", 4).init(0);
            line = LibraryParameterErrorsTest.line(); r.enable(en);
            r.set(r.add(1));
            out("q", 4).set(r);
        }
    }

    @Test
    void theNextValueIsHeldWhenTheEnableIsLow() {
        Design design = Elaborator.elaborate(new EnabledCounter()).design();
        Register r = design.module(design.top()).registers().getFirst();
        Expr.Mux mux = assertInstanceOf(r.next());
        assertEquals(new Expr.Ref("tick", mux.select().type()), mux.select());
        assertEquals("count_q", ((Expr.Ref) mux.whenFalse()).name(), "holds its own value");
        assertNotEquals(mux.whenTrue(), mux.whenFalse());
    }

    @Test
    void theEmittedVerilogPassesVerilatorLint() {
        Design design = Elaborator.elaborate(new EnabledCounter()).design();
        VerilogLint.Result verilator = VerilogLint.verilator(VerilogLint.write(design, dir), design.top());
        assertTrue(verilator.passed() || verilator.status() == VerilogLint.Status.NOT_INSTALLED, verilator.output());
    }

    @Test
    void aWideEnableIsAnErrorAtTheUsersLine() {
        WideEnable top = new WideEnable();
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(top));
        assertTrue(e.getMessage().contains("RegisterEnableTest.java:" + top.line + ": error: [")
                && e.getMessage().contains("the enable of register 'r' must be 1 bit"), e.getMessage());
    }

    private static Expr.Mux assertInstanceOf(Expr e) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(Expr.Mux.class, e);
    }
}
