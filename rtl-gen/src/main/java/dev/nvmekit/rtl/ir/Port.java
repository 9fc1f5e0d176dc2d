package dev.nvmekit.rtl.ir;

import java.util.Objects;

/** A port of a module: its Verilog name, direction and type. */
public record Port(String name, Direction direction, SignalType type, SourceLocation location) {
    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
    }
}
