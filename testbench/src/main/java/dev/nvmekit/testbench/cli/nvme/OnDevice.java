package dev.nvmekit.testbench.cli.nvme;

import picocli.CommandLine.Parameters;

/** A subcommand that names the device, as all but {@code list} do: {@code /dev/nvme0} or {@code /dev/nvme0n1}. */
abstract class OnDevice extends DeviceSubcommand {
    @Parameters(index = "0", paramLabel = "<device>", description = "/dev/nvme0 (controller) or /dev/nvme0n1 (namespace 1)")
    String devicePath;

    DevicePath device;

    @Override
    void check() {
        device = DevicePath.parse(devicePath);
        checkOptions();
    }

    /** Checks the subcommand's own options before the device boots. */
    void checkOptions() {
    }
}
