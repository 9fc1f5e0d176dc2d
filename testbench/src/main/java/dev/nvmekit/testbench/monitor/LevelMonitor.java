package dev.nvmekit.testbench.monitor;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;

import java.math.BigInteger;
import java.util.Map;

/** Records a {@code LEVEL} event whenever a level signal (e.g. {@code ctrl_enabled}) changes, and its first value. */
public final class LevelMonitor implements CycleAgent {
    private final Simulator.SignalInfo signal;
    private final Trace trace;
    private BigInteger last;

    public LevelMonitor(Simulator sim, String path, Trace trace) {
        this.signal = sim.signal(path);
        this.trace = trace;
    }

    @Override
    public void drive(Simulator sim) {
    }

    @Override
    public void sample(Simulator sim) {
        BigInteger v = sim.peekBig(signal);
        if (!v.equals(last)) trace.add(new TraceEvent(sim.cycle(), TraceEvent.Kind.LEVEL, signal.path(), Map.of(signal.path(), v)));
        last = v;
    }
}
