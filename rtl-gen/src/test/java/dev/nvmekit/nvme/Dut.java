package dev.nvmekit.nvme;

import java.math.BigInteger;

/**
 * A running simulation of {@code nvme_frontend} as the test bench sees it: inputs keep the
 * value last poked, a peek sees logic settled on the current inputs, {@link #step()} is one
 * rising clock edge. The same shape as the sim module's {@code Simulator}, so that the bench
 * runs unchanged on the embedded simulator once a test module can depend on both.
 */
interface Dut extends AutoCloseable {
    void poke(String port, BigInteger value);

    default void poke(String port, long value) {
        poke(port, BigInteger.valueOf(value));
    }

    BigInteger peekBig(String port);

    default long peek(String port) {
        return peekBig(port).longValue();
    }

    void step();

    @Override
    void close();
}
