package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.ResetKind;

/**
 * A clock domain of a component: its clock input, its reset input (if any) and how the reset
 * acts. Registers and memory ports take the domain that is current when they are created
 * ({@link Component#withDomain}); every component has an implicit domain with ports
 * {@code clk} and {@code rst} (synchronous, active high), created on first use.
 */
public final class Domain {
    private final String name;
    private final Signal clock;
    private final Signal reset;
    private final ResetKind kind;

    Domain(String name, Signal clock, Signal reset, ResetKind kind) {
        this.name = name;
        this.clock = clock;
        this.reset = reset;
        this.kind = kind;
    }

    /** The domain's name within its component. */
    public String name() {
        return name;
    }

    /** The clock input port. */
    public Signal clock() {
        return clock;
    }

    /** The reset input port, or null for a domain without reset. */
    public Signal reset() {
        return reset;
    }

    /** How the reset acts. */
    public ResetKind kind() {
        return kind;
    }
}
