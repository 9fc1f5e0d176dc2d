package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
        accepted(new UnsignedComparedWithZero(), "unsigned comparisons with zero and all ones");
    }

    /** Seeds that failed once; the generator has changed since, so they now stand for more random coverage. */
    @Test
    void randomSeedsThatFailedBefore() {
        for (long seed : new long[] {262485, 839}) accepted(RandomDesigns.design(seed), "random design " + seed);
    }
}
