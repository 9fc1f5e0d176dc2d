package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.verilator.VerilatorBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The embedded simulator, Verilator and Icarus (the emitted Verilog, an outside judge) must
 * agree cycle for cycle on the front end: the random traffic of {@link FrontendRandomTrafficTest}
 * runs on each that is installed, and every command, read burst, write and interrupt must
 * happen on the same cycle everywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontendBackendAgreementTest {
    private final FrontendModels embedded = new FrontendModels(new EmbeddedBackend());
    private final VerilatorBackend verilatorBackend = new VerilatorBackend();
    private final FrontendModels verilator = new FrontendModels(verilatorBackend);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {201, 202})
    void simulatorsAgreeCycleForCycle(long seed) {
        FrontendParameters p = FrontendScenarios.SMALL;
        Map<String, List<String>> traces = new LinkedHashMap<>();
        traces.put("embedded", run(embedded.open(p), seed));
        if (verilatorBackend.available()) traces.put("verilator", run(verilator.open(p), seed));
        if (IcarusDut.available()) traces.put("icarus", run(new IcarusDut(Elaborator.elaborate(new NvmeFrontend(p)).design(), dir), seed));
        Assumptions.assumeTrue(traces.size() > 1, "only the embedded simulator is available here: nothing to compare with");
        List<String> reference = traces.get("embedded");
        for (var e : traces.entrySet()) {
            List<String> t = e.getValue();
            for (int i = 0; i < Math.min(reference.size(), t.size()); i++) {
                assertEquals(reference.get(i), t.get(i), "first difference between embedded and " + e.getKey() + ", trace line " + i);
            }
            assertEquals(reference.size(), t.size(), "trace lengths of embedded and " + e.getKey());
        }
    }

    private static List<String> run(Dut dut, long seed) {
        try (FrontendBench b = new FrontendBench(dut, FrontendScenarios.SMALL, seed)) {
            return FrontendRandomTrafficTest.traffic(b, seed);
        }
    }
}
