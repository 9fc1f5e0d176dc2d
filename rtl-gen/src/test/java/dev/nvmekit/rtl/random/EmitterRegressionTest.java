package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.nvmekit.rtl.random.EmittedVerilogProperties.assertAccepted;
import static dev.nvmekit.rtl.random.EmittedVerilogProperties.lintConcurrently;

/** Designs on which a Verilog tool once rejected the emitter's output, kept so it stays fixed. */
class EmitterRegressionTest {
    @TempDir
    Path dir;

    private void accepted(Component top, String what) {
        Design d = Elaborator.elaborate(top).design();
        assertAccepted(lintConcurrently(d, dir), what);
    }

    /**
     * Verilator -Wall: "Comparison is constant due to unsigned arithmetic" (UNSIGNED, random seed
     * 262485) and "... due to limited range" (CMPCONST, random seed 839).
     */
    static final class UnsignedComparedWithZero extends Component {
        UnsignedComparedWithZero() {
            Signal x = in("x", 4);
            Signal y = out("y", 8);
            y.set(cat(x.ge(0), x.lt(0), lit(0, 4).le(x), lit(0, 4).gt(x),
                    x.gt(15), x.le(15), lit(15, 4).lt(x), lit(15, 4).ge(x)));
        }
    }

    @Test
    void unsignedComparisonsWithZero() {
        Design d = Elaborator.elaborate(new UnsignedComparedWithZero()).design();
        EmittedVerilogProperties.assertNoToleratedWarnings(d, "unsigned comparisons");
        assertTrue(VerilogEmitter.emit(d).contains("assign y = 8'd"), VerilogEmitter.emit(d));
        accepted(new UnsignedComparedWithZero(), "unsigned comparisons with zero and all ones");
    }

    /**
     * Forms Verilator folds before it checks comparisons, each once a -Wall warning (CMPCONST,
     * UNSIGNED, SELRANGE) or a Yosys undriven register: an operand against itself, a constant wire,
     * a narrow value widened and compared out of its range, shifts by the width or more, a read past
     * a memory's depth, a read port never enabled.
     */
    static final class DegenerateForms extends Component {
        DegenerateForms() {
            Signal x = in("x", 4);
            Signal s = inSigned("s", 6);
            Signal a = in("a", 3);
            Signal zero = named("zero", lit(0, 4));
            Signal copy = named("copy", zero);
            Signal y = out("y", 14);
            y.set(cat(x.eq(x).lt(x.bit(0)), x.sub(x).ge(x), x.lt(zero), x.lt(copy), x.and(0).gt(x),
                    x.or(15).lt(x), x.resize(8).gt(15), lit(255, 8).le(x.resize(8)), x.shl(4).ne(x.shr(7)).or(x.shl(9).lt(x)),
                    s.shr(40).lt(s), s.ge(-32), s.gt(31), x.shr(lit(4, 3)).ge(x), s.sub(s).asUnsigned().le(x.resize(6))));
            Mem m = mem("m", 8, 5);
            m.write(a, x.resize(8));
            Signal z = out("z", 8);
            z.set(m.read(a.or(7)));
            Signal q = m.readSync("q", a, x.eq(x).not());
            Signal w = out("w", 8);
            w.set(q);
        }
    }

    @Test
    void degenerateFormsAreFoldedNotTolerated() {
        Design d = Elaborator.elaborate(new DegenerateForms()).design();
        EmittedVerilogProperties.assertNoToleratedWarnings(d, "degenerate forms");
        String text = VerilogEmitter.emit(d);
        assertTrue(text.contains("wire [3:0] zero;") && text.contains("assign copy = zero;"), "names stay: " + text);
        assertTrue(text.contains("assign z = 8'd0;"), "a read past the depth is 0: " + text);
        accepted(new DegenerateForms(), "degenerate forms");
    }

    /** Seeds that failed once; the generator has changed since, so they now stand for more random coverage. */
    @Test
    void randomSeedsThatFailedBefore() {
        for (long seed : new long[] {262485, 839}) accepted(RandomDesigns.design(seed), "random design " + seed);
    }
}
