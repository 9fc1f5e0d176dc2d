package dev.nvmekit.testbench.cli.nvme;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code nvmekit nvme}: nvme-cli's commands against the simulated SSD, with nvme-cli's options,
 * output layout and status strings, for users who know that tool. A standalone invocation boots
 * the device, runs one command and powers it off (loading and saving {@code --media} around it);
 * inside {@code nvme scenario} every line shares one running device.
 */
@Command(name = "nvme", mixinStandardHelpOptions = true,
        description = "nvme-cli commands against the simulated SSD (/dev/nvme0, namespace /dev/nvme0n1).",
        subcommands = {ListCommands.ListDevices.class, ListCommands.ListNamespaces.class,
                IdentifyCommands.IdCtrl.class, IdentifyCommands.IdNs.class, IdentifyCommands.NsDescs.class,
                RegisterCommand.class,
                LogCommands.SmartLog.class, LogCommands.ErrorLog.class, LogCommands.FwLog.class,
                LogCommands.EffectsLog.class, LogCommands.SanitizeLog.class,
                FeatureCommands.GetFeature.class, FeatureCommands.SetFeature.class,
                ControllerCommands.Format.class, ControllerCommands.Sanitize.class, ControllerCommands.Reset.class,
                PassthruCommands.AdminPassthru.class, PassthruCommands.IoPassthru.class,
                IoCommands.Read.class, IoCommands.Write.class, IoCommands.Compare.class, IoCommands.Flush.class,
                IoCommands.WriteZeroes.class, IoCommands.Dsm.class,
                ScenarioCommand.class})
public final class NvmeCommand implements Runnable {
    private final DeviceSession shared;

    @Spec
    CommandSpec spec;

    /** The standalone command: each subcommand boots its own device. */
    public NvmeCommand() {
        this(null);
    }

    /** A command whose subcommands run on {@code shared} (a scenario's device). */
    NvmeCommand(DeviceSession shared) {
        this.shared = shared;
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
