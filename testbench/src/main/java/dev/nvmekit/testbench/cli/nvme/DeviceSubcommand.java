package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.host.HostDriverException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What every {@code nvme} subcommand shares: the {@code --media} file, the output format, the
 * device session, and nvme-cli's exit behaviour — a command the device failed prints
 * {@code NVMe status: <libnvme text>(0x....)} on stderr (with {@code -o json}, a JSON object on
 * stdout) and exits 1.
 */
abstract class DeviceSubcommand implements Callable<Integer> {
    @ParentCommand
    NvmeCommand nvme;

    @Spec
    CommandSpec spec;

    @Option(names = "--media", paramLabel = "FILE",
            description = "load the device's media from FILE (if it exists) and save it there afterwards")
    Path media;

    @Option(names = {"-o", "--output-format"}, paramLabel = "FMT", defaultValue = "normal",
            description = "normal or json (commands without a JSON form print their normal output, as nvme-cli)")
    String outputFormat;

    /** Checks arguments before the device boots, so a usage error costs nothing. */
    void check() {
    }

    /** The command itself, on a booted device. */
    abstract void run(DeviceSession device, PrintWriter out);

    boolean json() {
        return outputFormat.equals("json");
    }

    /**
     * Writes {@code data} to standard output byte for byte, as nvme-cli's {@code -b/--raw-binary}
     * does ({@code d_raw}): the text written so far is flushed first so the two do not interleave.
     */
    void writeRaw(PrintWriter out, byte[] data) {
        out.flush();
        nvme.writeRaw(data);
    }

    @Override
    public final Integer call() {
        switch (outputFormat) {
            case "normal" -> { }
            case "json" -> {
                // As in nvme-cli, every command takes -o json; those without a JSON printer print their text.
            }
            case "binary" -> throw new Main.UsageError(spec.name() + ": -o binary is not supported by the simulator");
            default -> throw new Main.UsageError(spec.name() + ": invalid output format '" + outputFormat + "' (normal or json)");
        }
        check();
        PrintWriter out = spec.commandLine().getOut();
        try {
            nvme.withDevice(media, device -> {
                run(device, out);
                return null;
            });
            out.flush();
            return 0;
        } catch (NvmeStatusError e) {
            // nvme_show_status: the JSON printer writes the status object to stdout, the normal one a line to stderr.
            if (e.shown()) {
                // already part of the command's output
            } else if (json()) {
                out.println(e.toJson());
            } else {
                spec.commandLine().getErr().println(e.getMessage());
            }
            out.flush();
            return Main.FAILED;
        } catch (HostDriverException | SimulationException e) {
            // The device stopped answering or the driver gave up on it: a failed run, not a usage error.
            out.flush();
            spec.commandLine().getErr().println("nvmekit: " + spec.name() + ": the simulated device failed: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
