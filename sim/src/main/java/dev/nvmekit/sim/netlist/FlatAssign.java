package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.ir.Expr;

/** The combinational driver of flat signal {@code target}; {@code value} refers to flat paths. */
public record FlatAssign(int target, Expr value) {
}
