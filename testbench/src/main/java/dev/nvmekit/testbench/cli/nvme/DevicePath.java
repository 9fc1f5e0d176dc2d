package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device argument as nvme-cli takes it: the controller character device {@code /dev/nvme0},
 * a namespace block device {@code /dev/nvme0n1}, or the generic namespace device {@code /dev/ng0n1}.
 * There is one simulated controller, number 0; a namespace device names its NSID, which then is
 * the default {@code --namespace-id}.
 */
public record DevicePath(String path, OptionalInt namespace) {
    private static final Pattern SHAPE = Pattern.compile("/dev/(nvme|ng)(\\d+)(?:n(\\d+))?");

    /** Parses {@code path}; a path of another shape or another controller is a usage error. */
    public static DevicePath parse(String path) {
        Matcher m = SHAPE.matcher(path);
        if (!m.matches()) {
            throw new Main.UsageError("'" + path + "' is not an NVMe device (expected /dev/nvme0 or /dev/nvme0n1)");
        }
        if (!m.group(2).equals("0")) {
            throw new Main.UsageError(path + ": no such device; the simulated SSD is /dev/nvme0");
        }
        if (m.group(1).equals("ng") && m.group(3) == null) {
            throw new Main.UsageError("'" + path + "' is not an NVMe device (a generic device names a namespace: /dev/ng0n1)");
        }
        if (m.group(3) == null) return new DevicePath(path, OptionalInt.empty());
        int nsid;
        try {
            nsid = Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            throw new Main.UsageError(path + ": namespace number out of range");
        }
        if (nsid == 0) throw new Main.UsageError(path + ": namespace numbers start at 1");
        return new DevicePath(path, OptionalInt.of(nsid));
    }

    /**
     * The NSID a command addresses: {@code option} when given (nvme-cli's {@code -n}), else the
     * namespace of a block device; a controller device without {@code -n} is a usage error.
     */
    public int namespaceId(Integer option, String command) {
        if (option != null) return option;
        if (namespace.isPresent()) return namespace.getAsInt();
        throw new Main.UsageError(command + ": " + path + " is a controller; give --namespace-id (-n) or a namespace device such as /dev/nvme0n1");
    }

    /** The NSID for commands that may address all namespaces: {@code option}, the device's, or {@code fallback}. */
    public int namespaceIdOr(Integer option, int fallback) {
        if (option != null) return option;
        return namespace.orElse(fallback);
    }
}
