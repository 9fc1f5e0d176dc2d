package dev.nvmekit.sim.vcd;

/** A scope the writer has entered and not yet left; it is written only once a kept variable needs it. */
final class OpenScope {
    final VcdScopeKind kind;
    final String name;
    boolean written;

    OpenScope(VcdScopeKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    String name() {
        return name;
    }
}
