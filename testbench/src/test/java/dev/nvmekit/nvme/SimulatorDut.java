package dev.nvmekit.nvme;

import dev.nvmekit.sim.Simulator;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The front-end scenarios' {@link Dut} on one of the project's simulators: ports are looked up
 * once and then poked and peeked by handle, because the bench touches every port every cycle.
 */
final class SimulatorDut implements Dut {
    private final Simulator simulator;
    private final Map<String, Simulator.SignalInfo> ports = new HashMap<>();

    SimulatorDut(Simulator simulator) {
        this.simulator = simulator;
    }

    private Simulator.SignalInfo port(String name) {
        return ports.computeIfAbsent(name, simulator::signal);
    }

    @Override
    public void poke(String port, BigInteger value) {
        simulator.poke(port(port), value);
    }

    @Override
    public void poke(String port, long value) {
        simulator.poke(port(port), value);
    }

    @Override
    public BigInteger peekBig(String port) {
        return simulator.peekBig(port(port));
    }

    @Override
    public long peek(String port) {
        Simulator.SignalInfo s = port(port);
        return s.width() <= 64 ? simulator.peek(s) : simulator.peekBig(s).longValue();
    }

    @Override
    public void step() {
        simulator.step();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
