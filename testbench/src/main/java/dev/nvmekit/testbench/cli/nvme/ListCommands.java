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
import java.util.ArrayList;
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

        /** nvme-cli's columns and their minimum widths; a longer value widens its column (util/table.c). */
        private static final String[] COLUMNS = {"Node", "Generic", "SN", "Model", "Namespace", "Usage", "Format", "FW Rev"};
        private static final int[] WIDTHS = {21, 21, 20, 40, 10, 26, 16, 8};

        @Override
        void run(DeviceSession d, PrintWriter out) {
            IdentifyController ctrl = IdentifyController.parse(identify(d, IdentifyCns.CONTROLLER, 0));
            // As the kernel's sysfs shows them: without the padding of the Identify fields.
            String sn = ctrl.serialNumber().strip();
            String mn = ctrl.modelNumber().strip();
            String fr = ctrl.firmwareRevision().strip();
            List<Object> devices = Json.array();
            List<String[]> rows = new ArrayList<>();
            for (int nsid : activeNamespaces(d, 0)) {
                IdentifyNamespace ns = IdentifyNamespace.parse(identify(d, IdentifyCns.NAMESPACE, nsid));
                long bs = ns.blockSize();
                String node = "/dev/nvme0n" + nsid;
                String generic = "/dev/ng0n" + nsid;
                if (json()) {
                    devices.add(new Json().put("NameSpace", nsid).put("DevicePath", node).put("GenericPath", generic)
                            .put("Firmware", fr).put("ModelNumber", mn).put("SerialNumber", sn)
                            .putU64("UsedBytes", ns.nuse() * bs).putU64("MaximumLBA", ns.nsze())
                            .putU64("PhysicalSize", ns.nsze() * bs).put("SectorSize", bs));
                } else {
                    String usage = si(ns.nuse() * (double) bs) + " / " + si(ns.nsze() * (double) bs);
                    String format = binary(bs) + " + " + String.format("%2d B", ns.formattedLbaFormat().ms());
                    rows.add(new String[] {node, generic, sn, mn, "0x" + Integer.toHexString(nsid), usage, format, fr});
                }
            }
            if (json()) {
                out.println(new Json().put("Devices", devices));
                return;
            }
            int[] widths = WIDTHS.clone();
            for (String[] row : rows) for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
            printRow(out, widths, COLUMNS);
            String[] dashes = new String[COLUMNS.length];
            for (int i = 0; i < dashes.length; i++) dashes[i] = "-".repeat(widths[i]);
            printRow(out, widths, dashes);
            for (String[] row : rows) printRow(out, widths, row);
        }

        /** Left-aligned cells padded to their column, one space between columns, the last one padded too. */
        private static void printRow(PrintWriter out, int[] widths, String[] cells) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) s.append(' ');
                s.append(String.format("%-" + widths[i] + "s", cells[i]));
            }
            out.println(s);
        }
    }

    /** {@code nvme list-ns}: the active namespace list (Identify CNS 02h). */
    @Command(name = "list-ns", mixinStandardHelpOptions = true, description = "Show the active namespace list (Identify CNS 02h).")
    static final class ListNamespaces extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, defaultValue = "1",
                description = "first NSID the list may start from (default 1)")
        int first;

        @Option(names = {"-a", "--all"}, description = "all allocated namespaces, attached or not (Identify CNS 10h)")
        boolean all;

        @Option(names = {"-v", "--verbose"}, description = "one 'Identifier N: NSID x' line per namespace")
        boolean verbose;

        @Override
        void checkOptions() {
            if (first == 0) throw new dev.nvmekit.testbench.cli.Main.UsageError("list-ns: invalid nsid parameter");
        }


        @Override
        void run(DeviceSession d, PrintWriter out) {
            IdentifyCns cns = all ? IdentifyCns.ALLOCATED_NAMESPACE_LIST : IdentifyCns.ACTIVE_NAMESPACE_LIST;
            List<Integer> ids = ActiveNamespaceList.parse(identify(d, cns, first - 1)).nsids();
            if (json()) {
                List<Object> list = Json.array();
                for (int id : ids) list.add(new Json().putU32("nsid", id));
                out.println(new Json().put("nsid_list", list));
                return;
            }
            out.println("NVME Namespace List:");
            for (int i = 0; i < ids.size(); i++) {
                String nsid = Bytes.hex(Integer.toUnsignedLong(ids.get(i)));
                if (verbose) out.printf("Identifier %4d: NSID %s%n", i, nsid);
                else out.printf("[%4d]:%s%n", i, nsid);
            }
        }
    }
}
