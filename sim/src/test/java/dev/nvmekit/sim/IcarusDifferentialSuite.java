package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The backend under test prints what Icarus Verilog prints for the emitted Verilog, cycle by cycle. */
public abstract class IcarusDifferentialSuite extends BackendSuite {
    @TempDir
    public Path dir;

    private void check(Design design, int cycles) throws Exception {
        assumeTrue(IcarusReference.available(), "iverilog is not installed");
        assertNull(Differential.compare(design, List.of(backend()), 11, cycles, dir));
    }

    @Test
    public void counter() throws Exception {
        check(SuiteDesigns.COUNTER, 300);
    }

    @Test
    public void fifoPair() throws Exception {
        check(SuiteDesigns.FIFO_PAIR, 200);
    }

    @Test
    public void wideAlu() throws Exception {
        check(SuiteDesigns.WIDE_ALU, 200);
    }

    /** Regression: a zero-extended 64-bit value with its top bit set was sign-filled when widened past 64 bits. */
    @Test
    public void unsignedWideningOfNarrowValueWithTopBitSet() throws Exception {
        check(SuiteDesigns.RANDOM_WIDENING, 20);
    }

    /** Regression: uninitialised sync-read data must start at zero in the Icarus bench too (no x-dependent write). */
    @Test
    public void syncReadDataStartsAtZero() throws Exception {
        check(SuiteDesigns.RANDOM_SYNC_READ, 30);
    }
}
