package dev.nvmekit.sim;

import java.util.Objects;

/**
 * A clock the simulator toggles: the top-level input port, its period and the time of its
 * first rising edge, in picoseconds. The first clock of {@link SimulationOptions} is primary.
 */
public record ClockSpec(String port, long periodPs, long firstRisePs) {
    public ClockSpec {
        Objects.requireNonNull(port, "port");
        if (periodPs < 2 || periodPs % 2 != 0) throw new IllegalArgumentException("clock period must be an even number of ps >= 2, got " + periodPs);
        if (firstRisePs < 0) throw new IllegalArgumentException("first rising edge must be at time >= 0");
    }

    /** A clock with a period of 10 ns (100 MHz) rising first at 5 ns. */
    public static ClockSpec of(String port) {
        return new ClockSpec(port, 10_000, 5_000);
    }
}
