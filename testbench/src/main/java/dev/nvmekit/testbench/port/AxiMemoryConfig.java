package dev.nvmekit.testbench.port;

/**
 * Timing of the host memory model behind the {@code m_axi_} port.
 *
 * @param readLatency   cycles from an AR handshake to its first data beat
 * @param writeLatency  cycles from the last W beat of a burst to its B response
 * @param arReady       probability that arready is high in a cycle (1 = no backpressure)
 * @param awReady       probability that awready is high in a cycle
 * @param wReady        probability that wready is high in a cycle
 * @param rBeat         probability that a due R beat is offered in a cycle (gaps between beats)
 * @param bBeat         probability that a due B response is offered in a cycle
 * @param reorderReads  whether read bursts of different IDs may be answered out of order
 * @param seed          seed of every random choice (latency, backpressure, order, bit flips)
 */
public record AxiMemoryConfig(Latency readLatency, Latency writeLatency, double arReady, double awReady,
                              double wReady, double rBeat, double bBeat, boolean reorderReads, long seed) {
    public AxiMemoryConfig {
        for (double p : new double[] {arReady, awReady, wReady, rBeat, bBeat}) {
            if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("ready/beat probabilities must be in (0, 1], got " + p);
        }
    }

    /** Answers after 2 cycles, never stalls, in order. */
    public static AxiMemoryConfig ideal() {
        return new AxiMemoryConfig(Latency.fixed(2), Latency.fixed(2), 1, 1, 1, 1, 1, false, 1);
    }

    /** A congested host: long-tailed latency, every channel stalls now and then, reads reordered. */
    public static AxiMemoryConfig stressed(long seed) {
        return new AxiMemoryConfig(Latency.longTailed(8, 0.1, 60), Latency.uniform(2, 20), 0.6, 0.6, 0.7, 0.7, 0.7,
                true, seed);
    }

    public AxiMemoryConfig withLatency(Latency read, Latency write) {
        return new AxiMemoryConfig(read, write, arReady, awReady, wReady, rBeat, bBeat, reorderReads, seed);
    }

    public AxiMemoryConfig withBackpressure(double ar, double aw, double w, double r, double b) {
        return new AxiMemoryConfig(readLatency, writeLatency, ar, aw, w, r, b, reorderReads, seed);
    }

    public AxiMemoryConfig withReorder(boolean reorder) {
        return new AxiMemoryConfig(readLatency, writeLatency, arReady, awReady, wReady, rBeat, bBeat, reorder, seed);
    }

    public AxiMemoryConfig withSeed(long s) {
        return new AxiMemoryConfig(readLatency, writeLatency, arReady, awReady, wReady, rBeat, bBeat, reorderReads, s);
    }
}
