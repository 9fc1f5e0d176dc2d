package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.ActiveNamespaceList;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyCommand;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code nvme list} and {@code nvme list-ns}: the device's namespaces. */
final class ListCommands {
    private ListCommands() {
    }

    static byte[] identify(DeviceSession d, IdentifyCns cns, int nsid) {
        SubmissionQueueEntry sqe = IdentifyCommand.of(cns, nsid).applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)).build();
        return d.admin(sqe, 4096, null).orFail().data();
    }

    static List<Integer> activeNamespaces(DeviceSession d, int after) {
        return ActiveNamespaceList.parse(identify(d, IdentifyCns.ACTIVE_NAMESPACE_LIST, after)).nsids();
    }

    /** nvme-cli's {@code suffix_si_get}: a value scaled by 1000 with its SI prefix. */
    static String si(double v) {
        String[] prefixes = {"", "k", "M", "G", "T", "P"};
        int i = 0;
        while (v >= 1000 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format("%6.2f %2sB", v, prefixes[i]);
    }

    /** nvme-cli's {@code suffix_binary_get} for the LBA size column: 512 B, 4 KiB. */
    static String binary(long v) {
        String[] prefixes = {"", "Ki", "Mi"};
        int i = 0;
        double d = v;
        while (d >= 1024 && i < prefixes.length - 1) {
            d /= 1024;
            i++;
        }
        return String.format("%3.0f %2sB", d, prefixes[i]);
    }

    /** {@code nvme list}: one line per namespace of the simulated controller. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the simulated NVMe device and its namespaces.")
    static final class ListDevices extends DeviceSubcommand {
        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            IdentifyController ctrl = IdentifyController.parse(identify(d, IdentifyCns.CONTROLLER, 0));
            Json root = new Json();
            List<Object> devices = Json.array();
            if (!json()) {
                out.printf("%-21s %-21s %-20s %-40s %-9s %-26s %-16s %-8s%n", "Node", "Generic", "SN", "Model", "Namespace",
                        "Usage", "Format", "FW Rev");
                out.printf("%-21s %-21s %-20s %-40s %-9s %-26s %-16s %-8s%n", "-".repeat(21), "-".repeat(21), "-".repeat(20),
                        "-".repeat(40), "-".repeat(9), "-".repeat(26), "-".repeat(16), "-".repeat(8));
            }
            for (int nsid : activeNamespaces(d, 0)) {
                IdentifyNamespace ns = IdentifyNamespace.parse(identify(d, IdentifyCns.NAMESPACE, nsid));
                long bs = ns.blockSize();
                String node = "/dev/nvme0n" + nsid;
                String generic = "/dev/ng0n" + nsid;
                if (json()) {
                    devices.add(new Json().put("NameSpace", nsid).put("DevicePath", node).put("GenericPath", generic)
                            .put("Firmware", ctrl.firmwareRevision().trim()).put("ModelNumber", ctrl.modelNumber().trim())
                            .put("SerialNumber", ctrl.serialNumber().trim()).put("UsedBytes", ns.nuse() * bs)
                            .put("MaximumLBA", ns.nsze()).put("PhysicalSize", ns.nsze() * bs).put("SectorSize", bs));
                } else {
                    String usage = si(ns.nuse() * (double) bs) + " / " + si(ns.nsze() * (double) bs);
                    String format = binary(bs) + " + " + String.format("%2d B", ns.formattedLbaFormat().ms());
                    out.printf("%-21s %-21s %-20s %-40s %-9s %-26s %-16s %-8s%n", node, generic, ctrl.serialNumber(),
                            ctrl.modelNumber(), Bytes.hex(nsid), usage, format, ctrl.firmwareRevision());
                }
            }
            if (json()) out.println(root.put("Devices", devices));
        }
    }

    /** {@code nvme list-ns}: the active namespace list (Identify CNS 02h). */
    @Command(name = "list-ns", mixinStandardHelpOptions = true, description = "Show the active namespace list (Identify CNS 02h).")
    static final class ListNamespaces extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", description = "list namespaces above this NSID (default 0)")
        Integer after;

        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            List<Integer> ids = activeNamespaces(d, after == null ? 0 : after);
            if (json()) {
                List<Object> list = Json.array();
                for (int id : ids) list.add(new Json().putU32("nsid", id));
                out.println(new Json().put("nsid_list", list));
                return;
            }
            for (int i = 0; i < ids.size(); i++) out.printf("[%4d]:%s%n", i, Bytes.hex(Integer.toUnsignedLong(ids.get(i))));
        }
    }
}
