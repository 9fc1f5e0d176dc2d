package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A memory of the flattened design. Writes take effect at the rising edge of their clock, after
 * every register and read port of that edge has sampled (so reads are read-first). A write to an
 * address at or beyond {@code depth} is ignored; an asynchronous read there gives 0.
 */
public record FlatMemory(String path, String scope, String local, SignalType wordType, int depth,
                         List<BigInteger> init, List<Write> writes) {

    /** A write port clocked by clock index {@code clock}; expressions refer to flat paths. */
    public record Write(int clock, Expr address, Expr data, Expr enable, Optional<Expr> byteEnable) {
    }
}
