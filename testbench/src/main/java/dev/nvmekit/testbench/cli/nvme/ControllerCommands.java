package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code nvme format}, {@code sanitize} and {@code reset}: commands on the whole controller or namespace. */
final class ControllerCommands {
    private ControllerCommands() {
    }

    /** {@code nvme format}: Format NVM (80h), then a namespace rescan as nvme-cli's BLKRRPART triggers. */
    @Command(name = "format", mixinStandardHelpOptions = true, description = "Format a namespace (Format NVM).")
    static final class Format extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace (default: the device's, or 0xffffffff for all)")
        Integer nsid;

        @Option(names = {"-l", "--lbaf"}, paramLabel = "LBAF", description = "LBA format index (default: the current one)")
        Integer lbaf;

        @Option(names = {"-s", "--ses"}, paramLabel = "SES", defaultValue = "0",
                description = "secure erase: 0 none, 1 user data erase, 2 cryptographic erase")
        int ses;

        @Option(names = {"-i", "--pi"}, paramLabel = "PI", defaultValue = "0", description = "protection information type")
        int pi;

        @Option(names = {"-m", "--ms"}, paramLabel = "MS", defaultValue = "0", description = "metadata settings (1: extended LBA)")
        int ms;

        @Option(names = {"-r", "--reset"}, description = "reset the controller after formatting")
        boolean reset;

        @Option(names = {"-f", "--force"}, description = "do not ask for confirmation (the simulator never asks)")
        boolean force;

        @Override
        void checkOptions() {
            if (lbaf != null && (lbaf < 0 || lbaf > 63)) throw new Main.UsageError("format: invalid lbaf " + lbaf + " (0..63)");
            if (ses < 0 || ses > 7) throw new Main.UsageError("format: invalid secure erase settings " + ses + " (0..7)");
            if (pi < 0 || pi > 7) throw new Main.UsageError("format: invalid pi " + pi + " (0..7)");
            if (ms < 0 || ms > 1) throw new Main.UsageError("format: invalid ms " + ms + " (0 or 1)");
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int id = device.namespaceIdOr(nsid, -1);
            int format = lbaf != null ? lbaf
                    : IdentifyNamespace.parse(ListCommands.identify(d, IdentifyCns.NAMESPACE, id == -1 ? 1 : id)).formattedLbaIndex();
            int cdw10 = (format & 0xF) | ms << 4 | pi << 5 | ses << 9 | (format >>> 4 & 3) << 12;
            d.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(id).cdw10(cdw10).build(), 0, null).orFail();
            out.printf("Success formatting namespace:%x%n", Integer.toUnsignedLong(id));
            d.call(driver -> {
                if (reset) driver.reset();
                driver.rescanNamespaces();
                return null;
            });
        }
    }

    /** {@code nvme sanitize}: starts a Sanitize (84h) operation, which runs in the background. */
    @Command(name = "sanitize", mixinStandardHelpOptions = true, description = "Start a sanitize operation.")
    static final class Sanitize extends OnDevice {
        @Option(names = {"-a", "--sanact"}, required = true, paramLabel = "ACTION",
                description = "1 or exit-failure, 2 or start-block-erase, 3 or start-overwrite, 4 or start-crypto-erase")
        String sanact;

        @Option(names = {"-d", "--no-dealloc"}, description = "no deallocate after sanitize (NDAS)")
        boolean noDealloc;

        @Option(names = {"-p", "--owpass"}, paramLabel = "N", defaultValue = "0", description = "overwrite passes (0: 16)")
        int owpass;

        @Option(names = {"-i", "--oipbp"}, description = "overwrite invert pattern between passes")
        boolean oipbp;

        @Option(names = {"-u", "--ause"}, description = "allow unrestricted sanitize exit")
        boolean ause;

        @Option(names = {"-T", "--ovrpat"}, paramLabel = "PATTERN", converter = Numbers.U32.class, defaultValue = "0",
                description = "overwrite pattern")
        int ovrpat;

        int action;

        @Override
        void checkOptions() {
            action = switch (sanact) {
                case "1", "0x01", "exit-failure" -> 1;
                case "2", "0x02", "start-block-erase" -> 2;
                case "3", "0x03", "start-overwrite" -> 3;
                case "4", "0x04", "start-crypto-erase" -> 4;
                default -> throw new Main.UsageError("sanitize: invalid sanitize action '" + sanact + "'");
            };
            if (owpass < 0 || owpass > 15) throw new Main.UsageError("sanitize: owpass out of range 0..15: " + owpass);
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int cdw10 = action | (ause ? 1 << 3 : 0) | owpass << 4 | (oipbp ? 1 << 8 : 0) | (noDealloc ? 1 << 9 : 0);
            d.admin(SubmissionQueueEntry.builder(AdminOpcode.SANITIZE).cdw10(cdw10).cdw11(ovrpat).build(), 0, null).orFail();
        }
    }

    /** {@code nvme reset}: a controller reset (CC.EN 1 → 0 → 1) and bring-up, as the kernel's reset_controller. */
    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Reset the controller.")
    static final class Reset extends OnDevice {
        @Override
        void run(DeviceSession d, PrintWriter out) {
            d.call(driver -> {
                driver.reset();
                return null;
            });
        }
    }
}
