package dev.nvmekit.testbench.run;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.testbench.workload.JobSpec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a simulated run needs: the front end's generator parameters, the workload, the
 * simulator to run on, and which stretch of the run goes into a VCD.
 *
 * @param vcd       where to write the waveform, or empty for none
 * @param vcdWindow the cycles dumped; empty for the default, a window around the workload's first commands
 */
public record SimulationSetup(FrontendParameters parameters, JobSpec workload, SimulatorBackend backend,
                              Optional<Path> vcd, Optional<CycleWindow> vcdWindow) {

    /** Cycles {@code from..to} of the simulation, inclusive. */
    public record CycleWindow(long from, long to) {
        public CycleWindow {
            if (from < 0 || to < from) throw new IllegalArgumentException("cycle window must have 0 <= FROM <= TO, got " + from + ":" + to);
        }

        /** Parses {@code FROM:TO}. */
        public static CycleWindow parse(String text) {
            String[] p = text.split(":", -1);
            try {
                if (p.length == 2) return new CycleWindow(Long.parseLong(p[0].trim()), Long.parseLong(p[1].trim()));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("a cycle window is FROM:TO in cycles, e.g. 1000:3000; got '" + text + "'");
        }
    }

    /** The clock period in picoseconds that makes {@code ticksPer100us} cycles take 100 µs. */
    public long clockPeriodPs() {
        long p = 100_000_000L / parameters.ticksPer100us();
        return Math.max(2, p & ~1L);
    }
}
