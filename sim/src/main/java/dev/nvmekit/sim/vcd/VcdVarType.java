package dev.nvmekit.sim.vcd;

/** The net or variable type written in a VCD {@code $var} line; viewers use it only for icons and colours. */
public enum VcdVarType {
    WIRE, REG, INTEGER, PARAMETER, EVENT, SUPPLY0, SUPPLY1, TRI, WAND, WOR;

    /** The keyword as it appears in a VCD file. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
