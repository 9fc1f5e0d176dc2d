package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nvme create-ns}, {@code delete-ns}, {@code attach-ns} and {@code detach-ns}: Namespace
 * Management (0Dh, SEL 0 create / 1 delete) and Namespace Attachment (15h, SEL 0 attach / 1
 * detach with a controller list), NVMe Base Specification 2.1 sections 5.1.20 and 5.1.21, with
 * nvme-cli 2.16's options, checks and {@code <command>: success / nsid: N} output. After a
 * change the host rescans its namespaces, as Linux does on the Namespace Attribute Changed event.
 */
final class NamespaceManagementCommands {
    private static final int DATA_SIZE = 4096;
    /** The default alignment of sizes given with an SI suffix (nvme-cli: 1 MiB). */
    private static final long SI_ALIGNMENT = 1 << 20;
    private static final String[] SI = {"k", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q"};

    private NamespaceManagementCommands() {
    }

    /** What all four share: running the command, the rescan, and nvme-cli's status reporting. */
    abstract static class Management extends OnDevice {
        /** Sends the command; returns the NSID the output names. */
        abstract int send(DeviceSession d);


        @Override
        void run(DeviceSession d, PrintWriter out) {
            int nsid;
            try {
                nsid = send(d);
            } catch (NvmeStatusError e) {
                boolean supported = (Bytes.u16(ListCommands.identify(d, IdentifyCns.CONTROLLER, 0), 256) & 1 << 3) != 0;
                if (json()) {
                    out.println(new Json().put("status: " + e.status().toField(), List.of(e.toJson())));
                } else {
                    spec.commandLine().getErr().println(e.getMessage());
                }
                if (!supported) spec.commandLine().getErr().println("NS management and attachment not supported");
                throw new NvmeStatusError(e.status(), true);
            }
            d.call(driver -> {
                driver.rescanNamespaces();
                return null;
            });
            if (json()) out.println(new Json().put(spec.name(), "success").put("nsid", Integer.toString(nsid)));
            else out.printf("%s: success%nnsid: %d%n", spec.name(), nsid);
        }
    }

    /** {@code nvme create-ns}: allocates a namespace (not attached yet) from NSZE, NCAP and FLBAS. */
    @Command(name = "create-ns", mixinStandardHelpOptions = true, description = "Create a namespace (Namespace Management, create).")
    static final class CreateNs extends Management {
        @Option(names = {"-s", "--nsze"}, paramLabel = "BLOCKS", converter = Numbers.U64.class, defaultValue = "0",
                description = "size of the namespace in logical blocks (NSZE)")
        long nsze;

        @Option(names = {"-c", "--ncap"}, paramLabel = "BLOCKS", converter = Numbers.U64.class, defaultValue = "0",
                description = "capacity of the namespace in logical blocks (NCAP)")
        long ncap;

        @Option(names = {"-f", "--flbas"}, paramLabel = "FLBAS", converter = Numbers.U8.class, defaultValue = "0xff",
                description = "formatted LBA size (FLBAS); or give --block-size")
        int flbas;

        @Option(names = {"-b", "--block-size"}, paramLabel = "BYTES", converter = Numbers.U64.class, defaultValue = "0",
                description = "block size; picks the LBA format with that size and no metadata")
        long blockSize;

        @Option(names = {"-d", "--dps"}, paramLabel = "DPS", converter = Numbers.U8.class, defaultValue = "0",
                description = "data protection settings (DPS)")
        int dps;

        @Option(names = {"-m", "--nmic"}, paramLabel = "NMIC", converter = Numbers.U8.class, defaultValue = "0",
                description = "multi-path and sharing capabilities (NMIC)")
        int nmic;

        @Option(names = {"-y", "--csi"}, paramLabel = "CSI", converter = Numbers.U8.class, defaultValue = "0",
                description = "command set identifier (CSI)")
        int csi;

        @Option(names = {"-S", "--nsze-si"}, paramLabel = "SIZE", description = "size in bytes with an SI suffix, e.g. 64M")
        String nszeSi;

        @Option(names = {"-C", "--ncap-si"}, paramLabel = "SIZE", description = "capacity in bytes with an SI suffix")
        String ncapSi;

        @Override
        void checkOptions() {
            if (flbas != 0xFF && blockSize != 0) {
                throw new Main.UsageError("create-ns: Invalid specification of both FLBAS and Block Size, please specify only one");
            }
            if (blockSize != 0 && Long.bitCount(blockSize) != 1) {
                throw new Main.UsageError("create-ns: Invalid value for block size (" + Long.toUnsignedString(blockSize)
                        + "). Block size must be a power of two");
            }
            if (nszeSi != null && nsze != 0) {
                throw new Main.UsageError("create-ns: Invalid specification of both nsze and its SI argument, please specify only one");
            }
            if (ncapSi != null && ncap != 0) {
                throw new Main.UsageError("create-ns: Invalid specification of both ncap and its SI argument, please specify only one");
            }
            if (nszeSi != null) siBytes("nsze", nszeSi);
            if (ncapSi != null) siBytes("ncap", ncapSi);
        }

        @Override
        int send(DeviceSession d) {
            // With Namespace Management the controller lists its LBA formats in Identify Namespace FFFFFFFFh.
            byte[] formats = ListCommands.identify(d, IdentifyCns.NAMESPACE, -1);
            int format = flbas;
            if (blockSize != 0) {
                for (int i = 0; i <= Bytes.u8(formats, 25); i++) {
                    int o = 128 + 4 * i;
                    if (1L << Bytes.u8(formats, o + 2) == blockSize && Bytes.u16(formats, o) == 0) {
                        format = i;
                        break;
                    }
                }
            }
            if (format == 0xFF) {
                throw new Main.UsageError("create-ns: FLBAS corresponding to block size " + Long.toUnsignedString(blockSize)
                        + " not found; correct the block size, or specify FLBAS directly");
            }
            int index = (format & 0xF) | (format & 0x60) >>> 1;
            int o = 128 + 4 * Math.min(index, 63);
            long lbaBytes = (1L << Bytes.u8(formats, o + 2)) + Bytes.u16(formats, o);
            long size = nszeSi != null ? blocks(siBytes("nsze", nszeSi), nszeSi, lbaBytes) : nsze;
            long capacity = ncapSi != null ? blocks(siBytes("ncap", ncapSi), ncapSi, lbaBytes) : ncap;
            // Host software specified fields of the Identify Namespace layout (NVMe 2.1, Namespace Management).
            ByteBuffer data = ByteBuffer.allocate(DATA_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            data.putLong(0, size).putLong(8, capacity).put(26, (byte) format).put(29, (byte) dps).put(30, (byte) nmic);
            var sqe = SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT)
                    .nsid(0).cdw10(0).cdw11(csi << 24).build();
            return d.admin(sqe, 0, data.array()).orFail().dw0();
        }

        /** A byte count given with an SI suffix, rounded up to 1 MiB, in logical blocks (nvme-cli's parse_lba_num_si). */
        private static long blocks(long bytes, String text, long lbaBytes) {
            boolean suffixed = !text.isEmpty() && Character.isLetter(text.charAt(text.length() - 1));
            if (!suffixed) return bytes;
            long aligned = (bytes + SI_ALIGNMENT - 1) / SI_ALIGNMENT * SI_ALIGNMENT;
            return aligned / lbaBytes;
        }

        /** nvme-cli's {@code suffix_si_parse}: a number, optionally with a decimal part, and one SI suffix (k, M, G, ...). */
        static long siBytes(String option, String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:\\.(\\d+))?([kMGTPEZYRQ]?)").matcher(text);
            if (!m.matches() || (m.group(2) != null && m.group(3).isEmpty())) {
                throw new Main.UsageError("create-ns: Expected long suffixed integer argument for '" + option + "-si' but got '" + text + "'!");
            }
            int exponent = m.group(3).isEmpty() ? 0 : 3 * (List.of(SI).indexOf(m.group(3)) + 1);
            java.math.BigDecimal v = new java.math.BigDecimal(m.group(1) + (m.group(2) != null ? "." + m.group(2) : ""))
                    .scaleByPowerOfTen(exponent);
            try {
                return v.toBigInteger().longValueExact();
            } catch (ArithmeticException e) {
                throw new Main.UsageError("create-ns: " + option + "-si " + text + " is too large");
            }
        }
    }

    /** {@code nvme delete-ns}: deletes a namespace (Namespace Management, delete); 0xffffffff deletes all. */
    @Command(name = "delete-ns", mixinStandardHelpOptions = true, description = "Delete a namespace (Namespace Management, delete).")
    static final class DeleteNs extends Management {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace to delete (default: the device's)")
        Integer nsid;

        int id;

        @Override
        void checkOptions() {
            if (nsid != null && nsid != 0) {
                id = nsid;
            } else if (device.namespace().isPresent()) {
                id = device.namespace().getAsInt();
            } else {
                // What the namespace-id ioctl answers on a controller device.
                throw new Main.UsageError("delete-ns: get-namespace-id: Inappropriate ioctl for device (give --namespace-id)");
            }
        }

        @Override
        int send(DeviceSession d) {
            var sqe = SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_MANAGEMENT).nsid(id).cdw10(1).build();
            d.admin(sqe, 0, null).orFail();
            return id;
        }
    }

    /** Attach and detach: a namespace and a controller list (default: this controller). */
    abstract static class Attachment extends Management {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, defaultValue = "0",
                description = "namespace to attach or detach")
        int nsid;

        @Option(names = {"-c", "--controllers"}, paramLabel = "IDS", description = "comma-separated controller identifiers")
        String controllers;

        List<Integer> ids;

        abstract int sel();

        @Override
        void checkOptions() {
            if (device.namespace().isPresent()) {
                throw new Main.UsageError(spec.name() + ": a block device opened (dev: " + LogCommands.deviceName(device)
                        + ", nsid: " + nsid + ")");
            }
            if (nsid == 0) throw new Main.UsageError(spec.name() + ": namespace-id parameter required");
            if (controllers != null) {
                ids = new ArrayList<>();
                for (String part : controllers.split(",", -1)) {
                    try {
                        ids.add((int) Numbers.parse(part, 0xFFFF));
                    } catch (RuntimeException e) {
                        throw new Main.UsageError(spec.name() + ": controller id list is malformed");
                    }
                }
                if (ids.size() > 2047) throw new Main.UsageError(spec.name() + ": controller id list is malformed");
            }
        }

        @Override
        int send(DeviceSession d) {
            List<Integer> list = ids != null ? ids : List.of(Bytes.u16(ListCommands.identify(d, IdentifyCns.CONTROLLER, 0), 78));
            // The controller list: a count, then that many 16-bit controller identifiers (NVMe 2.1, Controller List).
            ByteBuffer data = ByteBuffer.allocate(DATA_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            data.putShort(0, (short) list.size());
            for (int i = 0; i < list.size(); i++) data.putShort(2 + 2 * i, (short) (int) list.get(i));
            var sqe = SubmissionQueueEntry.builder(AdminOpcode.NAMESPACE_ATTACHMENT)
                    .nsid(nsid).cdw10(sel()).build();
            d.admin(sqe, 0, data.array()).orFail();
            return nsid;
        }
    }

    @Command(name = "attach-ns", mixinStandardHelpOptions = true, description = "Attach a namespace to controllers (Namespace Attachment).")
    static final class AttachNs extends Attachment {
        @Override
        int sel() {
            return 0;
        }
    }

    @Command(name = "detach-ns", mixinStandardHelpOptions = true, description = "Detach a namespace from controllers (Namespace Attachment).")
    static final class DetachNs extends Attachment {
        @Override
        int sel() {
            return 1;
        }
    }
}
