package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Elaborator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the front end's scenario tests share: the parameter set they use and the simulation
 * they run on. {@link #open} is the one place that chooses the simulator, so that a test
 * module that can depend on the project's simulators runs the same scenarios by overriding it.
 */
abstract class FrontendScenarios {
    /** The one configuration of the shared scenarios (a second one costs a Verilator build). */
    static final FrontendParameters SMALL = new FrontendParameters(4, 64, 128, 2, 0, 4, 5, 20);
    static final long ASQ = 0x10_0000L, ACQ = 0x20_0000L;

    @TempDir
    Path dir;

    /** A fresh simulation of the front end with these parameters: the emitted Verilog under Icarus. */
    Dut open(FrontendParameters p) {
        Assumptions.assumeTrue(IcarusDut.available(), "iverilog is not installed");
        return new IcarusDut(Elaborator.elaborate(new NvmeFrontend(p)).design(), dir);
    }

    FrontendBench bench(FrontendParameters p, long seed) {
        return new FrontendBench(open(p), p, seed);
    }

    static List<byte[]> entries(int firstCid, int n, long tag) {
        List<byte[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(FrontendBench.sqe(0x06, firstCid + i, tag + i));
        return l;
    }
}
