package dev.nvmekit.waveforms;

import java.util.Arrays;

/** Finds the rising edges of a clock trace, the instants a synchronous design acts on. */
public final class ClockEdges {
    private ClockEdges() {
    }

    /**
     * Times (ticks) where the signal goes from a known 0 to a known 1. The first value in the
     * dump is not an edge, even when it is 1, so that dumps whose clocks start high and low
     * still pair edge by edge.
     */
    public static long[] rising(Signal clock) {
        SignalTrace trace = clock.trace();
        long[] edges = new long[Math.max(0, trace.size() / 2 + 1)];
        int n = 0;
        boolean wasZero = false;
        for (int i = 0; i < trace.size(); i++) {
            boolean zero = false;
            boolean one = false;
            if (trace.value(i) instanceof LogicValue v && v.isKnown()) {
                zero = v.toBigInteger().signum() == 0;
                one = v.isOne();
            }
            if (wasZero && one) {
                if (n == edges.length) {
                    edges = Arrays.copyOf(edges, n * 2 + 1);
                }
                edges[n++] = trace.time(i);
            }
            wasZero = zero;
        }
        return Arrays.copyOf(edges, n);
    }
}
