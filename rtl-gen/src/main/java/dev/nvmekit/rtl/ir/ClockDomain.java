package dev.nvmekit.rtl.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * A clock and its reset, both 1-bit input ports of the module. Registers and memory ports
 * name the domain they are clocked by. Every clock edge is a rising edge.
 *
 * @param name   the domain's name within the module ({@code "main"} for the implicit one)
 * @param clock  the name of the clock input port
 * @param reset  the name of the reset input port, empty when {@code kind} is {@link ResetKind#NONE}
 * @param kind   how the reset acts
 */
public record ClockDomain(String name, String clock, Optional<String> reset, ResetKind kind) {
    /** Name of the implicit domain every module gets on its first register or memory. */
    public static final String MAIN = "main";

    public ClockDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(kind, "kind");
        if (reset.isPresent() == (kind == ResetKind.NONE)) {
            throw new IllegalArgumentException("clock domain " + name + ": a reset port is needed exactly when the kind is not NONE");
        }
    }
}
