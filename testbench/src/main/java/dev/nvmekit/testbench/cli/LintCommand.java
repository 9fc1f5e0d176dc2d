package dev.nvmekit.testbench.cli;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogLint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code nvmekit lint}: run Verilator -Wall, Icarus and Yosys on a design's Verilog and summarise. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Generate a design and check its Verilog with verilator --lint-only -Wall, iverilog -g2005 and yosys.")
final class LintCommand implements Runnable {
    @Mixin
    DesignOptions designOptions;

    @Option(names = {"-o", "--out"}, defaultValue = "out/lint", description = "working directory (default ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Design d = Elaborator.elaborate(DesignCatalog.standard().build(designOptions.design, designOptions.params)).design();
        List<VerilogLint.Result> results = VerilogLint.all(d, out);
        PrintWriter o = spec.commandLine().getOut();
        boolean failed = false;
        boolean missing = false;
        for (VerilogLint.Result r : results) {
            o.printf("%-10s %s%n", r.tool(), r.status() == VerilogLint.Status.PASSED ? "ok" : r.status().name().toLowerCase().replace('_', ' '));
            if (r.status() == VerilogLint.Status.FAILED) {
                failed = true;
                r.output().lines().limit(40).forEach(l -> o.println("    " + l));
            }
            missing |= r.status() == VerilogLint.Status.NOT_INSTALLED;
        }
        if (failed) throw new Main.CheckFailed("lint failed for " + d.top());
        if (missing) throw new Main.UsageError("some tools are not installed: apt-get install -y verilator iverilog yosys");
    }
}
