package dev.nvmekit.rtl.ir;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One instance of a module (or blackbox) inside another. Inputs are driven by expressions of
 * the parent; each output drives a wire of the parent.
 *
 * @param parameters Verilog parameters for a blackbox instance ({@code #(.NAME(value))}), in order
 */
public record Instance(String name, String module, List<Binding> bindings,
                       Map<String, String> parameters, SourceLocation location) {
    public Instance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        bindings = List.copyOf(bindings);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        Objects.requireNonNull(location, "location");
    }

    /** The connection of one port of the instance. */
    public sealed interface Binding permits Input, Output {
        /** The child's port name. */
        String port();
    }

    /** A child input port driven by an expression of the parent. */
    public record Input(String port, Expr value) implements Binding {
        public Input {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A child output port driving the parent's wire {@code wire}. */
    public record Output(String port, String wire) implements Binding {
        public Output {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(wire, "wire");
        }
    }
}
