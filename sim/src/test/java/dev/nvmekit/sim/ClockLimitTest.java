package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.interop.ImportedVerilog;
import dev.nvmekit.rtl.interop.VerilogImporter;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.interp.InterpreterBackend;
import dev.nvmekit.sim.netlist.Flattener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded simulators run up to {@link Flattener#MAX_CLOCKS} clocks, the last one as exactly
 * as the first; one more, from the DSL or from imported Verilog, is refused when the simulator is
 * opened with a message naming the limit and the first clock beyond it.
 */
class ClockLimitTest {
    static List<SimulatorBackend> backends() {
        return List.of(new EmbeddedBackend(), new InterpreterBackend());
    }

    /** {@code n} clock domains, each with its own clock input and an 8-bit counter of its rising edges. */
    static final class ManyClocks extends Component {
        ManyClocks(int n) {
            for (int k = 0; k < n; k++) {
                int i = k;
                Domain d = domain("d" + i, "clk" + i, "rst" + i, ResetKind.SYNC_HIGH);
                Signal q = out("count" + i, 8);
                withDomain(d, () -> {
                    Reg edges = reg("edges" + i, 8).init(0);
                    edges.set(edges.add(lit(1, 8)));
                    q.set(edges);
                });
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sixtyFourClocksRunEachAtItsOwnPeriod(SimulatorBackend b) {
        Design d = Elaborator.elaborate(new ManyClocks(Flattener.MAX_CLOCKS)).design();
        // The last clock (bit 63 of the edge mask, the sign bit) and its neighbour get periods of their own.
        SimulationOptions options = SimulationOptions.defaults().withClocks(ClockSpec.of("clk0"),
                new ClockSpec("clk63", 20_000, 5_000), new ClockSpec("clk62", 40_000, 5_000));
        try (Simulator sim = b.open(d, options)) {
            sim.step(8);
            assertEquals(8, sim.peek("count0"));
            assertEquals(8, sim.peek("count31"), "clocks without a spec run at the primary's period");
            assertEquals(2, sim.peek("count62"));
            assertEquals(4, sim.peek("count63"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sixtyFiveDslClocksAreAClearError(SimulatorBackend b) {
        Design d = Elaborator.elaborate(new ManyClocks(Flattener.MAX_CLOCKS + 1)).design();
        SimulationException e = assertThrows(SimulationException.class, () -> b.open(d, SimulationOptions.defaults()).close());
        assertMentions(e, "uses 65 clocks", "at most 64", "'clk64' is the first beyond the limit", "Verilator");
    }

    @Test
    void sixtyFiveImportedClocksImportButAreAClearErrorOnTheEmbeddedSimulator(@TempDir Path dir) throws Exception {
        StringBuilder v = new StringBuilder("module many_clocks (\n");
        for (int i = 0; i <= Flattener.MAX_CLOCKS; i++) v.append("  input wire clk").append(i).append(",\n");
        v.append("  output wire [").append(Flattener.MAX_CLOCKS).append(":0] toggles\n);\n");
        for (int i = 0; i <= Flattener.MAX_CLOCKS; i++) {
            v.append("  reg t").append(i).append(" = 1'b0;\n  always @(posedge clk").append(i).append(") t").append(i)
                    .append(" <= ~t").append(i).append(";\n  assign toggles[").append(i).append("] = t").append(i).append(";\n");
        }
        v.append("endmodule\n");
        Path file = dir.resolve("many_clocks.v");
        Files.writeString(file, v);
        ImportedVerilog imported = VerilogImporter.read(List.of(file), "many_clocks");
        assertEquals(65, imported.module().clockDomains().size(), "the IR itself has no clock limit");
        SimulationException e = assertThrows(SimulationException.class, () -> new EmbeddedBackend().open(imported.design(), SimulationOptions.defaults()).close());
        assertMentions(e, "many_clocks uses 65 clocks", "at most 64", "beyond the limit");
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), e.getMessage());
    }
}
