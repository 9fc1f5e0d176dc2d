package dev.nvmekit.rtl.ir;

import java.util.Objects;

/**
 * The one combinational driver of a wire or output port. Conditional assignments of the DSL
 * ({@code when}/{@code switch}, last assignment wins) are already folded into {@code value}.
 */
public record Assign(String target, Expr value, SourceLocation location) {
    public Assign {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
