package dev.nvmekit.rtl.ir;

import java.util.Objects;

/** A named combinational signal inside a module; its single driver is an {@link Assign} or an instance output. */
public record Wire(String name, SignalType type, SourceLocation location) {
    public Wire {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
    }
}
