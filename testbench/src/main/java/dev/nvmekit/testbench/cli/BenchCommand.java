package dev.nvmekit.testbench.cli;

import dev.nvmekit.testbench.benchmark.BenchReport;
import dev.nvmekit.testbench.benchmark.BenchSettings;
import dev.nvmekit.testbench.benchmark.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code nvmekit bench}: measures the simulators, the generated hardware and the toolchain in
 * one run, prints a table and optionally writes the same figures as JSON. Parts that need a tool
 * that is not installed (Verilator, Icarus, Yosys) are reported as skipped, with the reason.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure simulation speed, call overheads, toolchain times, hardware figures and scaling; print a table.")
public final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Tiny configuration (seconds; no Verilator builds, no Yosys), for smoke tests.")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the figures as JSON to this file.")
    Path out;

    @Override
    public void run() {
        PrintWriter o = spec.commandLine().getOut();
        if (out != null && out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new Main.UsageError("cannot write " + out + ": directory " + out.getParent() + " does not exist");
        }
        BenchReport report = new Benchmark(quick ? BenchSettings.tiny() : BenchSettings.full(), spec.commandLine().getErr()).run();
        report.printTable(o);
        if (out != null) {
            try {
                Files.writeString(out, report.toJson());
            } catch (IOException e) {
                throw new Main.UsageError("cannot write " + out + ": " + e.getMessage());
            }
            o.println("wrote " + out);
        }
    }
}
