package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.ir.Expr;

import java.math.BigInteger;
import java.util.Optional;

/**
 * State updated on the rising edge of clock {@code clock} (an index into {@link FlatNetlist#clocks()}):
 * a register, or a synchronous memory read port (whose {@code next} reads the memory before the
 * edge's writes, i.e. read-first).
 *
 * @param next             the value taken at the edge, with a synchronous or asynchronous reset
 *                         already folded in as a mux
 * @param initValue        the power-up value, or empty for the simulator's {@code InitPolicy}
 * @param asyncReset       the flat signal of an asynchronous reset, or -1: while it is at its
 *                         active level the register holds {@code resetValue}
 * @param asyncActiveHigh  the active level of {@code asyncReset}
 * @param resetValue       the reset pattern of an asynchronously reset register (else zero, unused)
 */
public record FlatRegister(int target, int clock, Expr next, Optional<BigInteger> initValue,
                           int asyncReset, boolean asyncActiveHigh, BigInteger resetValue) {
}
