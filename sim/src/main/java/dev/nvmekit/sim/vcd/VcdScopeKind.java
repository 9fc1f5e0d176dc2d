package dev.nvmekit.sim.vcd;

/** The kind of a VCD {@code $scope}, as IEEE 1364 lists them; simulators mostly use {@link #MODULE}. */
public enum VcdScopeKind {
    MODULE, TASK, FUNCTION, BEGIN, FORK;

    /** The keyword as it appears in a VCD file. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
