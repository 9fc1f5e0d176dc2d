package dev.nvmekit.sim.engine;

import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatSignal;

import java.util.ArrayList;
import java.util.List;

/**
 * When each clock of a simulation rises. The first clock is primary (it counts cycles); every
 * clock the design uses gets a period and phase from the options, or the primary's when none is
 * given. Edges of several clocks at the same instant happen together.
 */
final class ClockSchedule {
    /** One clock: its port, period and next rising edge; {@code netClock} is the netlist clock index or -1. */
    static final class Clock {
        final String port;
        final long period;
        final int netClock;
        long nextRise;

        Clock(String port, long period, long firstRise, int netClock) {
            this.port = port;
            this.period = period;
            this.nextRise = firstRise;
            this.netClock = netClock;
        }
    }

    final List<Clock> clocks = new ArrayList<>();

    ClockSchedule(FlatNetlist net, List<ClockSpec> specs) {
        List<ClockSpec> given = new ArrayList<>(specs);
        if (given.isEmpty()) {
            String primary = net.clocks().contains("clk") ? "clk" : net.clocks().isEmpty() ? "clk" : net.clocks().getFirst();
            given.add(ClockSpec.of(primary));
        }
        for (ClockSpec s : given) {
            int id = net.signalId(s.port());
            int netClock = net.clocks().indexOf(s.port());
            boolean plainInput = id >= 0 && net.signals().get(id).role() == FlatSignal.Role.INPUT;
            if (netClock < 0 && !plainInput && !specs.isEmpty()) {
                throw new SimulationException("clock '" + s.port() + "' is not a top-level input of " + net.design().top()
                        + "; clocks used by the design: " + net.clocks());
            }
            if (clocks.stream().anyMatch(c -> c.port.equals(s.port()))) throw new SimulationException("clock '" + s.port() + "' is given twice");
            clocks.add(new Clock(s.port(), s.periodPs(), s.firstRisePs(), netClock));
        }
        ClockSpec primary = given.getFirst();
        for (int i = 0; i < net.clocks().size(); i++) {
            String port = net.clocks().get(i);
            if (clocks.stream().noneMatch(c -> c.port.equals(port))) {
                clocks.add(new Clock(port, primary.periodPs(), primary.firstRisePs(), i));
            }
        }
    }

    Clock primary() {
        return clocks.getFirst();
    }

    /** The time of the next rising edge of any clock. */
    long nextEdgeTime() {
        long t = Long.MAX_VALUE;
        for (Clock c : clocks) t = Math.min(t, c.nextRise);
        return t;
    }
}
