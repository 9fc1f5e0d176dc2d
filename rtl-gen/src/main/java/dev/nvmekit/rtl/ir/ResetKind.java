package dev.nvmekit.rtl.ir;

/** How a clock domain's reset acts on its registers. */
public enum ResetKind {
    /** Sampled on the clock edge, active high (the default, as in the NVMe front end's {@code rst}). */
    SYNC_HIGH,
    /** Sampled on the clock edge, active low. */
    SYNC_LOW,
    /** Acts immediately, active high. */
    ASYNC_HIGH,
    /** Acts immediately, active low. */
    ASYNC_LOW,
    /** The domain has no reset; registers keep their initial (power-up) value only. */
    NONE;

    /** Whether the reset is asserted at logic 1. */
    public boolean activeHigh() {
        return this == SYNC_HIGH || this == ASYNC_HIGH;
    }

    /** Whether the reset acts without waiting for the clock edge. */
    public boolean asynchronous() {
        return this == ASYNC_HIGH || this == ASYNC_LOW;
    }
}
