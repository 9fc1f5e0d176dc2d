package dev.nvmekit.testbench.monitor;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.port.FrontendPorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Monitors on every contract interface the design has: a {@link ChannelMonitor} per handshake
 * channel whose valid and ready ports exist and a {@link LevelMonitor} per §3.9 level, all writing
 * into one {@link Trace}. The trace's meta records the AXI data width and the doorbell stride the
 * checker needs.
 */
public final class PortMonitors implements CycleAgent {
    private final Trace trace = new Trace();
    private final List<CycleAgent> monitors = new ArrayList<>();

    public PortMonitors(Simulator sim) {
        Set<String> names = sim.signals().stream().map(Simulator.SignalInfo::path).collect(Collectors.toSet());
        for (FrontendPorts.Channel c : FrontendPorts.CHANNELS) {
            if (names.contains(c.valid()) && names.contains(c.ready())) monitors.add(new ChannelMonitor(sim, c, trace));
        }
        for (String level : FrontendPorts.LEVELS) if (names.contains(level)) monitors.add(new LevelMonitor(sim, level, trace));
        if (names.contains("m_axi_rdata")) trace.meta("dataBytes", Integer.toString(sim.signal("m_axi_rdata").width() / 8));
    }

    /** Adds these monitors to {@code loop}; add them last so they see every agent's drive. */
    public PortMonitors attach(BenchLoop loop) {
        loop.add(this);
        return this;
    }

    public Trace trace() {
        return trace;
    }

    @Override
    public void drive(Simulator sim) {
    }

    @Override
    public void sample(Simulator sim) {
        for (CycleAgent m : monitors) m.sample(sim);
    }
}
