package dev.nvmekit.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to run a simulation: the clocks (the first is primary; by default the design's
 * {@code clk} port), what uninitialised state holds, and the waveform dump (a VCD file, an
 * optional window of primary-clock cycles, and a scope filter).
 *
 * @param vcd            where to write a VCD, or empty for none (on Verilator a name ending in
 *                       {@code .fst} writes GTKWave's FST instead; the embedded backends write VCD only)
 * @param vcdFromCycle   first cycle dumped (inclusive)
 * @param vcdToCycle     last cycle dumped (inclusive), {@code Long.MAX_VALUE} for no end
 * @param vcdScopes      instance paths to dump (e.g. {@code "fifo"}; {@code ""} is the top), empty for all
 * @param vcdDepth       how many levels of hierarchy to dump below the top (1 = the top only), 0 for all
 */
public record SimulationOptions(List<ClockSpec> clocks, InitPolicy initPolicy, long seed, Optional<Path> vcd,
                                long vcdFromCycle, long vcdToCycle, Set<String> vcdScopes, int vcdDepth) {
    public SimulationOptions {
        clocks = List.copyOf(clocks);
        vcdScopes = Set.copyOf(vcdScopes);
        if (vcdFromCycle < 0 || vcdToCycle < vcdFromCycle) throw new IllegalArgumentException("VCD window must have 0 <= from <= to");
        if (vcdDepth < 0) throw new IllegalArgumentException("VCD depth must be >= 0");
    }

    /** Defaults: clock {@code clk} at 100 MHz, zero initial state, no waveform. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(List.of(), InitPolicy.ZERO, 1, Optional.empty(), 0, Long.MAX_VALUE, Set.of(), 0);
    }

    /** These options with the given clocks (first is primary). */
    public SimulationOptions withClocks(ClockSpec... c) {
        return new SimulationOptions(List.of(c), initPolicy, seed, vcd, vcdFromCycle, vcdToCycle, vcdScopes, vcdDepth);
    }

    /** These options with a VCD written to {@code file}. */
    public SimulationOptions withVcd(Path file) {
        return new SimulationOptions(clocks, initPolicy, seed, Optional.of(file), vcdFromCycle, vcdToCycle, vcdScopes, vcdDepth);
    }

    /** These options with the VCD limited to cycles {@code from..to}. */
    public SimulationOptions withVcdWindow(long from, long to) {
        return new SimulationOptions(clocks, initPolicy, seed, vcd, from, to, vcdScopes, vcdDepth);
    }

    /** These options with the VCD limited to some scopes and a depth. */
    public SimulationOptions withVcdScopes(Set<String> scopes, int depth) {
        return new SimulationOptions(clocks, initPolicy, seed, vcd, vcdFromCycle, vcdToCycle, scopes, depth);
    }

    /** These options with random initial state from {@code seed}. */
    public SimulationOptions withRandomInit(long randomSeed) {
        return new SimulationOptions(clocks, InitPolicy.RANDOM, randomSeed, vcd, vcdFromCycle, vcdToCycle, vcdScopes, vcdDepth);
    }
}
