package dev.nvmekit.testbench.cli;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Elaboration;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.verilog.VerilogLint;
import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.testbench.report.HtmlReport;
import dev.nvmekit.testbench.report.RunSummary;
import dev.nvmekit.testbench.run.FioSummary;
import dev.nvmekit.testbench.run.FirstCommandWave;
import dev.nvmekit.testbench.run.ResultsJson;
import dev.nvmekit.testbench.run.RunOutcome;
import dev.nvmekit.testbench.run.RunStatistics;
import dev.nvmekit.testbench.run.SimulationRun;
import dev.nvmekit.testbench.run.SimulationSetup;
import dev.nvmekit.testbench.workload.JobSpec;
import dev.nvmekit.testbench.workload.WorkloadRunner;
import dev.nvmekit.verilator.VerilatorBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code nvmekit simulate}: generate the NVMe front end, boot it as a simulated SSD on the chosen
 * simulator, run an fio-like workload through the Linux-like driver model, and write the Verilog,
 * a VCD, {@code results.json} and {@code report.html}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate nvme_frontend, run an fio-like workload on the simulated SSD, and write",
                "OUT/verilog/, OUT/trace.vcd, OUT/results.json and OUT/report.html.",
                "Default workload: rw=randrw rwmixread=70 bs=4k iodepth=16 numjobs=4 size=1m verify=1."})
final class SimulateCommand implements Runnable {
    @Option(names = "--backend", defaultValue = "embedded", paramLabel = "embedded|verilator",
            description = "simulator (default ${DEFAULT-VALUE})")
    String backend;

    @Mixin
    WorkloadOptions workload;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "front-end parameter, e.g. ioQueues=8 (repeatable)")
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Option(names = {"-o", "--out"}, defaultValue = "out", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--vcd-window", paramLabel = "FROM:TO",
            description = "cycles to dump (default: from just before the first workload command to 2000 cycles later)")
    String vcdWindow;

    @Option(names = "--no-vcd", description = "write no VCD (and no waveform picture in the report)")
    boolean noVcd;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (noVcd && vcdWindow != null) throw new Main.UsageError("--vcd-window and --no-vcd exclude each other");
        JobSpec job = workload.jobSpec();
        FrontendParameters parameters = FrontendParameterOptions.parse(params);
        Optional<SimulationSetup.CycleWindow> window;
        try {
            window = vcdWindow == null ? Optional.empty() : Optional.of(SimulationSetup.CycleWindow.parse(vcdWindow));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError("--vcd-window: " + e.getMessage());
        }
        SimulatorBackend sim = backend(backend);
        Path vcd = out.resolve("trace.vcd");
        SimulationSetup setup = new SimulationSetup(parameters, job, sim, noVcd ? Optional.empty() : Optional.of(vcd), window);

        Elaboration e = Elaborator.elaborate(new NvmeFrontend(parameters));
        List<Path> verilog;
        try {
            Files.createDirectories(out);
            if (noVcd) Files.deleteIfExists(vcd); // a stale dump must not pass for this run's
            verilog = VerilogLint.write(e.design(), out.resolve("verilog"));
        } catch (IOException | java.io.UncheckedIOException ex) {
            throw new Main.UsageError("cannot write to " + out + ": " + ex.getMessage());
        }
        GenerateCommand.writeJson(e.design(), params, out.resolve("verilog").resolve(e.design().top() + ".json"));
        for (Diagnostic w : e.warnings()) stderr.println(w);

        ProgressLine progress = new ProgressLine(System.console() != null ? stderr : null, setup.clockPeriodPs());
        RunOutcome outcome;
        try {
            outcome = SimulationRun.run(setup, e.design(), progress);
        } catch (IllegalArgumentException ex) {
            throw new Main.UsageError(ex.getMessage());
        } catch (SimulationException ex) {
            throw new Main.CheckFailed("simulation failed: " + ex.getMessage());
        } finally {
            progress.finish();
        }
        FirstCommandWave.Picture picture = FirstCommandWave.draw(outcome);
        RunSummary summary = RunStatistics.summarise(outcome, picture.svg(), picture.note());
        try {
            Files.writeString(out.resolve("results.json"), ResultsJson.render(summary, outcome.clockPeriodPs()));
            Files.writeString(out.resolve("report.html"), HtmlReport.render(summary));
        } catch (IOException ex) {
            throw new Main.UsageError("cannot write to " + out + ": " + ex.getMessage());
        }
        FioSummary.print(stdout, summary, outcome);
        stdout.printf("wrote %s/verilog (%d file(s)), %s%s/results.json, %s/report.html%n", out, verilog.size(),
                outcome.vcd().map(p -> p + " (cycles " + outcome.vcdWindow().get().from() + ":" + outcome.vcdWindow().get().to() + "), ").orElse(""),
                out, out);
        if (!outcome.passed()) {
            throw new Main.CheckFailed(outcome.violations().isEmpty()
                    ? outcome.result().verifyFailures().size() + " verify failure(s), first: " + outcome.result().verifyFailures().getFirst()
                    : outcome.violations().size() + " checker violation(s), first: " + outcome.violations().getFirst());
        }
    }

    static SimulatorBackend backend(String name) {
        return switch (name) {
            case "embedded" -> new EmbeddedBackend();
            case "verilator" -> {
                VerilatorBackend v = new VerilatorBackend();
                if (!v.available()) throw new Main.UsageError("the verilator backend is not available: " + v.unavailableReason());
                yield v;
            }
            default -> throw new Main.UsageError("unknown backend '" + name + "'; use embedded or verilator");
        };
    }

    /** Reads a job file; a missing or malformed file is a usage error. */
    static JobSpec readJobFile(Path file, JobSpec base) {
        try {
            return JobSpec.parseJobFile(Files.readAllLines(file), base);
        } catch (NoSuchFileException ex) {
            throw new Main.UsageError("no such job file: " + file);
        } catch (IOException ex) {
            throw new Main.UsageError("cannot read job file " + file + ": " + ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new Main.UsageError(file + ": " + ex.getMessage());
        }
    }

    /** The fio-style workload options; those given override a {@code --job} file, which overrides the defaults. */
    static final class WorkloadOptions {
        @Option(names = "--job", paramLabel = "FILE", description = "fio-like job file of key=value lines")
        Path jobFile;

        @Option(names = "--rw", paramLabel = "PATTERN", description = "read, write, randread, randwrite or randrw")
        String rw;

        @Option(names = "--bs", paramLabel = "BYTES", description = "block size per command, e.g. 4k")
        String bs;

        @Option(names = "--iodepth", paramLabel = "N", description = "commands in flight per job")
        String iodepth;

        @Option(names = "--numjobs", paramLabel = "N", description = "jobs, each on its own I/O queue pair")
        String numjobs;

        @Option(names = "--size", paramLabel = "BYTES", description = "bytes per job, e.g. 1m (bounds the run)")
        String size;

        @Option(names = "--runtime", paramLabel = "TIME", description = "simulated run time, e.g. 200us or 1ms (bounds the run instead of size)")
        String runtime;

        @Option(names = "--rwmixread", paramLabel = "PERCENT", description = "reads in percent for randrw")
        String rwmixread;

        @Option(names = "--verify", arity = "0..1", fallbackValue = "1", paramLabel = "0|1",
                description = "read written data back and compare (default on)")
        String verify;

        @Option(names = "--pointers", paramLabel = "prp|sgl", description = "data pointers of I/O commands")
        String pointers;

        @Option(names = "--seed", paramLabel = "N", description = "random seed of offsets and data")
        String seed;

        /** The workload these options describe. */
        JobSpec jobSpec() {
            JobSpec base = jobFile == null ? JobSpec.defaults() : readJobFile(jobFile, JobSpec.defaults());
            java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
            put(given, "rw", rw);
            put(given, "bs", bs);
            put(given, "iodepth", iodepth);
            put(given, "numjobs", numjobs);
            put(given, "size", size);
            put(given, "runtime", runtime);
            put(given, "rwmixread", rwmixread);
            put(given, "verify", verify);
            put(given, "pointers", pointers);
            put(given, "seed", seed);
            if (size != null && runtime != null) throw new Main.UsageError("give --size or --runtime, not both");
            try {
                return JobSpec.parse(given, base);
            } catch (IllegalArgumentException ex) {
                throw new Main.UsageError(ex.getMessage());
            }
        }

        private static void put(java.util.Map<String, String> m, String key, String value) {
            if (value != null) m.put(key, value);
        }
    }

    /** The progress line on a terminal: simulated time, commands done, simulation rate; redrawn at most 4 times a second. */
    static final class ProgressLine implements WorkloadRunner.Progress {
        private final PrintWriter to;
        private final long periodPs;
        private final long startNanos = System.nanoTime();
        private long lastDraw;

        ProgressLine(PrintWriter to, long periodPs) {
            this.to = to;
            this.periodPs = periodPs;
        }

        @Override
        public void update(long cycle, long commandsDone) {
            if (to == null) return;
            long now = System.nanoTime();
            if (now - lastDraw < 250_000_000L) return;
            lastDraw = now;
            double wall = (now - startNanos) / 1e9;
            to.printf("\r  %.1f µs simulated, %d commands done, %.0f cycles/s   ", cycle * periodPs / 1e6, commandsDone, cycle / Math.max(1e-3, wall));
            to.flush();
        }

        void finish() {
            if (to != null && lastDraw != 0) {
                to.print("\r" + " ".repeat(72) + "\r");
                to.flush();
            }
        }
    }
}
