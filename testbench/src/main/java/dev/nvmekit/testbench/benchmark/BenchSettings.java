package dev.nvmekit.testbench.benchmark;

import java.util.List;

/**
 * How big and how long the benchmark's measurements are. {@link #full()} is the configuration
 * the published figures come from; {@link #tiny()} runs every section on tiny designs in
 * seconds (the smoke test) and leaves out what needs minutes: Verilator builds, Yosys synthesis.
 *
 * @param quick                  whether this is the tiny configuration
 * @param seconds                wall time of one timed cycles/s measurement (after a warm-up of half as long)
 * @param smallCells             LFSR-mesh cells of the small design
 * @param largeCells             cells of the large design (about 75 IR nodes a cell; ≥ 10 k nodes in full)
 * @param scalingCells           cells for the design-size scaling row (1 k, 10 k, 100 k nodes in full)
 * @param workloadCommands       random-I/O commands per workload run of the front end
 * @param throughputQueues       active queue counts of the front-end throughput and queue scaling
 * @param perQueue               commands per queue in the throughput measurement (< 64)
 * @param icarusCycles           cycles Icarus runs on the small design (scaled down for larger ones)
 * @param toolTimeoutSeconds     limit for one Yosys or Verilator run
 * @param verilator              whether to build and run Verilator models
 * @param yosys                  whether to run Yosys synthesis
 */
public record BenchSettings(boolean quick, double seconds, int smallCells, int largeCells, List<Integer> scalingCells,
                            int workloadCommands, List<Integer> throughputQueues, int perQueue, int icarusCycles,
                            long toolTimeoutSeconds, boolean verilator, boolean yosys) {
    public BenchSettings {
        scalingCells = List.copyOf(scalingCells);
        throughputQueues = List.copyOf(throughputQueues);
    }

    /** The configuration of the published figures. */
    public static BenchSettings full() {
        return new BenchSettings(false, 2.0, 4, 150, List.of(13, 133, 1333), 1500, List.of(1, 4, 16), 48, 200_000,
                420, true, true);
    }

    /** Every section on tiny designs, a few seconds in all, no Verilator or Yosys. */
    public static BenchSettings tiny() {
        return new BenchSettings(true, 0.05, 2, 8, List.of(2, 13), 24, List.of(1, 4), 8, 2_000, 60, false, false);
    }
}
