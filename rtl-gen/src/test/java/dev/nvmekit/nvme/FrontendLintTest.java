package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogLint;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emitted {@code nvme_frontend} passes Verilator {@code --lint-only -Wall} with no warning,
 * Icarus {@code -g2005}, and Yosys {@code hierarchy -check; proc; check -assert}, at the default
 * parameters and at two parameter sets that between them hold every corner of the brief (the
 * corners are combined because each run takes tens of seconds on the shared machine).
 */
class FrontendLintTest {
    static Stream<FrontendParameters> parameterSets() {
        return Stream.of(FrontendParameters.DEFAULT,
                // ioQueues 1024, maxQueueEntries 65536, dmaDataBits 512, msixVectors 2048, widest IDs, longest bursts
                new FrontendParameters(1024, 65536, 512, 8, 0, 16, 2048, 25000),
                // ioQueues 1, maxQueueEntries 2, dmaDataBits 64, doorbellStride 4, msixVectors 1, narrowest everything
                new FrontendParameters(1, 2, 64, 1, 4, 1, 1, 1));
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void lintClean(FrontendParameters p, @TempDir Path dir) throws Exception {
        Design design = Elaborator.elaborate(new NvmeFrontend(p)).design();
        List<Path> files = VerilogLint.write(design, dir);
        VerilogLint.Result verilator = VerilogLint.verilator(files, design.top());
        skipIfMissing(verilator);
        assertTrue(verilator.passed(), () -> "verilator at " + p + ":\n" + verilator.output());
        VerilogLint.Result icarus = VerilogLint.icarus(files, design.top(), dir);
        skipIfMissing(icarus);
        assertTrue(icarus.passed(), () -> "iverilog at " + p + ":\n" + icarus.output());
        // Yosys structural checks only: generic synthesis of the 1024-queue corner maps every memory to
        // flip-flops and takes many minutes; the synthesis figures come from FrontendFigures instead.
        StringBuilder script = new StringBuilder();
        for (Path f : files) script.append("read_verilog ").append(f).append("; ");
        script.append("hierarchy -check -top nvme_frontend; proc; check -assert");
        Process yosys;
        try {
            yosys = new ProcessBuilder("yosys", "-q", "-p", script.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("yosys is not installed");
            return;
        }
        String out = new String(yosys.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(yosys.waitFor(300, TimeUnit.SECONDS), "yosys did not finish");
        assertEquals(0, yosys.exitValue(), () -> "yosys at " + p + ":\n" + out);
    }

    private static void skipIfMissing(VerilogLint.Result r) {
        if (r.status() == VerilogLint.Status.NOT_INSTALLED) Assumptions.abort(r.tool() + " is not installed");
    }

}
