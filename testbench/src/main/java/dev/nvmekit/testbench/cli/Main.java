package dev.nvmekit.testbench.cli;

import dev.nvmekit.testbench.cli.nvme.NvmeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The {@code nvmekit} command line. Exit codes: 0 success, 1 a check or test failed (lint errors,
 * waveform differences, a failed simulation), 2 a usage error (bad argument, missing file,
 * unknown parameter, a tool that is not installed). User mistakes print one clear line, never a
 * stack trace.
 */
@Command(name = "nvmekit", mixinStandardHelpOptions = true, version = "nvmekit 0.1.0",
        description = "Design and verify NVMe controller host-interface RTL in Java.",
        subcommands = {GenerateCommand.class, SimulateCommand.class, LintCommand.class, WaveCommand.class, DiffCommand.class,
                NvmeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a failed check or test. */
    public static final int FAILED = 1;
    /** Exit code of a usage error. */
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command: try 'nvmekit --help'");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.out);
    }

    /**
     * Runs the command line with the given streams, {@code raw} receiving the bytes that
     * {@code nvme ... --raw-binary} writes (the process's stdout in a real run).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, OutputStream raw) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == NvmeCommand.class ? cls.cast(new NvmeCommand(raw)) : defaults.create(cls);
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(t -> t instanceof UsageError ? USAGE : FAILED);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("nvmekit: " + ex.getMessage());
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageError u) {
                err.println("nvmekit: " + u.getMessage());
                return USAGE;
            }
            if (ex instanceof CheckFailed c) {
                err.println("nvmekit: " + c.getMessage());
                return FAILED;
            }
            if (ex instanceof dev.nvmekit.rtl.check.DesignException d) {
                err.println("nvmekit: " + d.getMessage());
                return FAILED;
            }
            if (ex instanceof java.io.UncheckedIOException io) {
                // A path the user gave that cannot be read or written: their input, so a usage error.
                String cause = io.getCause() == null ? "" : io.getCause().getMessage();
                err.println("nvmekit: " + io.getMessage() + (cause == null || io.getMessage().endsWith(cause) ? "" : ": " + cause));
                return USAGE;
            }
            // A bug, not a user mistake: one line, and the stack trace only when asked for.
            err.println("nvmekit: internal error: " + ex + (debug() ? "" : " (set NVMEKIT_DEBUG=1 for the stack trace)"));
            if (debug()) ex.printStackTrace(err);
            return FAILED;
        });
        return cli.execute(args);
    }

    private static boolean debug() {
        return System.getenv("NVMEKIT_DEBUG") != null;
    }

    /** A mistake in how the command was called; exit code 2. */
    public static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageError(String message) {
            super(message);
        }
    }

    /** A check that ran and failed; exit code 1. */
    public static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CheckFailed(String message) {
            super(message);
        }
    }
}
