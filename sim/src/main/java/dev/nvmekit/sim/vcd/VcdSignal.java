package dev.nvmekit.sim.vcd;

/**
 * A handle to a variable declared in a {@link VcdWriter}; pass it back to the writer's
 * {@code change} methods. A handle whose scope the writer's filter drops is still valid, but
 * {@link #recorded()} is false and its changes cost almost nothing.
 */
public final class VcdSignal {
    private final VcdWriter owner;
    private final int slot;
    private final String path;
    private final int width;

    VcdSignal(VcdWriter owner, int slot, String path, int width) {
        this.owner = owner;
        this.slot = slot;
        this.path = path;
        this.width = width;
    }

    /** Full dotted path, scopes first: {@code tb.dut.count}. */
    public String path() {
        return path;
    }

    /** Width in bits, 1..4096. */
    public int width() {
        return width;
    }

    /** The identifier code in the file, or null when the filter drops this signal. */
    public String code() {
        return owner.codeOf(slot);
    }

    /** Whether this signal's changes reach the file. */
    public boolean recorded() {
        return code() != null;
    }

    VcdWriter owner() {
        return owner;
    }

    int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return path + "[" + width + "]" + (recorded() ? " as " + code() : " (filtered out)");
    }
}
