package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.dsl.Component;

/**
 * Random well-formed designs written with the DSL, for property tests: the same seed always
 * gives the same design, so a failing seed reproduces, and the simulator tests can run one design
 * on two backends (e.g. the embedded simulator against Icarus) and compare.
 *
 * <p>A design has inputs {@code in0..}, outputs {@code out0..} and {@code state_parity}, the
 * implicit {@code clk}/{@code rst} when it has state, registers with and without reset, a memory
 * (synchronous and asynchronous reads, byte enables), wires driven by {@code when} and
 * {@code switchOn}, widths 1..{@link Shape#maxWidth()} (some over 64 bits), and a level of
 * hierarchy with one or two random children (the same or different parameters).
 */
public final class RandomDesigns {
    /**
     * How big a random design may get.
     *
     * @param maxWidth          widest value (at most 4096)
     * @param inputs            at most this many inputs
     * @param expressions       operators generated per module
     * @param registers         at most this many registers
     * @param memories          0 for none, else a memory in about two modules out of three
     * @param conditionalWires  wires driven through when/switch blocks
     * @param outputs           at most this many outputs besides {@code state_parity}
     * @param levels            levels of hierarchy below the top (0: a single module)
     */
    public record Shape(int maxWidth, int inputs, int expressions, int registers, int memories,
                        int conditionalWires, int outputs, int levels) {
        public Shape {
            if (maxWidth < 65 || maxWidth > 4096) throw new IllegalArgumentException("maxWidth must be 65..4096, got " + maxWidth);
            if (inputs < 1 || outputs < 1) throw new IllegalArgumentException("a design needs at least one input and one output");
            if (expressions < 0 || registers < 0 || memories < 0 || conditionalWires < 0 || levels < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + this);
            }
        }

        /** Small designs that all three Verilog tools check in well under a second or two. */
        public static final Shape SMALL = new Shape(130, 4, 16, 3, 1, 3, 3, 1);

        /** The shape of a child: somewhat less logic. */
        Shape smaller() {
            return new Shape(maxWidth, inputs, Math.max(2, expressions / 2), Math.max(1, registers - 1), memories,
                    Math.max(1, conditionalWires - 1), outputs, 0);
        }
    }

    private RandomDesigns() {
    }

    /** The design of {@code seed} in the {@link Shape#SMALL} shape; its top module is {@code random_top}. */
    public static Component design(long seed) {
        return design(seed, Shape.SMALL);
    }

    /** The design of {@code seed} in {@code shape}. */
    public static Component design(long seed, Shape shape) {
        return new RandomModule("random_top", seed, shape, shape.levels());
    }
}
