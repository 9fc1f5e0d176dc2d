package dev.nvmekit.testbench.cli.nvme;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code nvmekit nvme}: nvme-cli's commands against the simulated SSD, with nvme-cli's options,
 * output layout and status strings, for users who know that tool. A standalone invocation boots
 * the device, runs one command and powers it off (loading and saving {@code --media} around it);
 * inside {@code nvme scenario} every line shares one running device.
 */
@Command(name = "nvme", mixinStandardHelpOptions = true, versionProvider = NvmeCommand.Version.class,
        description = "nvme-cli commands against the simulated SSD (/dev/nvme0, namespace /dev/nvme0n1).",
        subcommands = {ListCommands.ListDevices.class, ListCommands.ListNamespaces.class,
                IdCtrlCommand.class, IdentifyCommands.IdNs.class, IdentifyCommands.NsDescs.class,
                RegisterCommand.class,
                LogCommands.SmartLog.class, LogCommands.ErrorLog.class, LogCommands.FwLog.class,
                EffectsLogCommand.class, SanitizeLogCommand.class,
                FeatureCommands.GetFeature.class, FeatureCommands.SetFeature.class,
                ControllerCommands.Format.class, ControllerCommands.Sanitize.class, ControllerCommands.Reset.class,
                PassthruCommands.AdminPassthru.class, PassthruCommands.IoPassthru.class,
                IoCommands.Read.class, IoCommands.Write.class, IoCommands.Compare.class, IoCommands.Flush.class,
                IoCommands.WriteZeroes.class, IoCommands.Dsm.class,
                NamespaceManagementCommands.CreateNs.class, NamespaceManagementCommands.DeleteNs.class,
                NamespaceManagementCommands.AttachNs.class, NamespaceManagementCommands.DetachNs.class,
                NvmeCommand.VersionCommand.class, ScenarioCommand.class})
public final class NvmeCommand implements Runnable {
    /** The nvme-cli and libnvme releases whose output formats the subcommands follow. */
    static final String NVME_CLI_VERSION = "2.16";
    static final String LIBNVME_VERSION = "1.16";

    private final DeviceSession shared;
    private final OutputStream raw;

    @Spec
    CommandSpec spec;

    /** The standalone command: each subcommand boots its own device; raw binary output goes to the process's stdout. */
    public NvmeCommand() {
        this(null, System.out);
    }

    /** The standalone command with raw binary output ({@code -b}) going to {@code raw}. */
    public NvmeCommand(OutputStream raw) {
        this(null, raw);
    }

    /** A command whose subcommands run on {@code shared} (a scenario's device). */
    NvmeCommand(DeviceSession shared, OutputStream raw) {
        this.shared = shared;
        this.raw = raw;
    }

    /** What {@code nvme version} and {@code nvme --version} print: nvme-cli's two lines, naming the simulator. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nvme version " + NVME_CLI_VERSION + " (git nvmekit-simulated)",
                    "libnvme version " + LIBNVME_VERSION + " (git nvmekit-simulated)"};
        }
    }

    /** {@code nvme version}: nvme-cli's built-in command, the same text as {@code --version}. */
    @Command(name = "version", mixinStandardHelpOptions = true, description = "Shows the program version.")
    static final class VersionCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            for (String line : new Version().getVersion()) spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
    }

    OutputStream raw() {
        return raw;
    }

    /** Writes raw bytes to the binary output stream ({@code -b/--raw-binary}). */
    void writeRaw(byte[] data) {
        try {
            raw.write(data);
            raw.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raw output", e);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing nvme subcommand: try 'nvmekit nvme --help'");
    }

    /** Whether subcommands run on a scenario's device rather than booting their own. */
    boolean inScenario() {
        return shared != null;
    }

    /**
     * Runs {@code body} on the device: the scenario's, or a freshly booted one on the media in
     * {@code mediaFile} (when given), saved back after the command whether it succeeded or not —
     * what was written before a failure stays written, as on a real drive.
     */
    <T> T withDevice(Path mediaFile, Function<DeviceSession, T> body) {
        if (shared != null) {
            if (mediaFile != null) {
                throw new dev.nvmekit.testbench.cli.Main.UsageError("--media belongs to 'nvme scenario', not to its lines");
            }
            return body.apply(shared);
        }
        try (DeviceSession s = DeviceSession.boot(mediaFile)) {
            try {
                return body.apply(s);
            } finally {
                if (mediaFile != null) s.saveMedia(mediaFile);
            }
        }
    }
}
