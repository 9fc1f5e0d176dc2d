package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.examples.Counter;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.designs.FifoPair;
import dev.nvmekit.sim.designs.MemoryTop;
import dev.nvmekit.sim.designs.RandomDesign;
import dev.nvmekit.sim.designs.TwoClocks;
import dev.nvmekit.sim.designs.WideAlu;
import dev.nvmekit.sim.designs.WideCounter;

/**
 * The designs the backend suites share, elaborated once. Kept few on purpose: on Verilator every
 * distinct design is a model build (5-25 s the first time on a machine, cached after that).
 */
public final class SuiteDesigns {
    /** An 8-bit counter with enable and wrap flag (internal register {@code value}). */
    public static final Design COUNTER = design(new Counter(8));
    /** Two FIFOs on memories in series: hierarchy ({@code first}, {@code second}) and memories. */
    public static final Design FIFO_PAIR = design(new FifoPair());
    /** 130- and 260-bit arithmetic, signed comparisons and shifts. */
    public static final Design WIDE_ALU = design(new WideAlu());
    /** A second clock domain with an asynchronous active-low reset. */
    public static final Design TWO_CLOCKS = design(new TwoClocks());
    /** An 8-bit counter with a 100-bit accumulator of a wide input. */
    public static final Design WIDE_COUNTER = design(new WideCounter(8));
    /** A 72-bit memory, a signed port, a {@link WideCounter} instance {@code ctr} and a second clock. */
    public static final Design MEMORY_TOP = design(new MemoryTop());
    /** Random designs that once found bugs: wide, signed, memories, a child instance. */
    public static final Design RANDOM_WIDENING = design(new RandomDesign(2, 4, 2));
    public static final Design RANDOM_SYNC_READ = design(new RandomDesign(-1, 8, 2));

    private SuiteDesigns() {
    }

    private static Design design(Component top) {
        return Elaborator.elaborate(top).design();
    }
}
