package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code nvme get-feature} and {@code set-feature}: Get / Set Features (NVMe 2.0, sections 5.15 and 5.27). */
final class FeatureCommands {
    private FeatureCommands() {
    }

    static String featureName(int fid) {
        return NvmeCliNames.feature(fid);
    }

    /** C's {@code %#0*x}: zero-padded to {@code width} characters, the 0x prefix counted, and plain zeros for 0. */
    static String paddedHex(long v, int width) {
        if (v == 0) return "0".repeat(width);
        String hex = Long.toHexString(v);
        return "0x" + "0".repeat(Math.max(0, width - 2 - hex.length())) + hex;
    }

    /** {@code nvme get-feature}: one feature's (or, without {@code -f}, every supported feature's) value. */
    @Command(name = "get-feature", mixinStandardHelpOptions = true, description = "Read a feature (Get Features).")
    static final class GetFeature extends OnDevice {
        private static final String[] SELECT = {"Current", "Default", "Saved", "Supported capabilities"};

        @Option(names = {"-f", "--feature-id"}, paramLabel = "FID", converter = Numbers.U8.class, defaultValue = "0",
                description = "feature identifier (default: all features the device supports)")
        int fid;

        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace (default: the device's, or 0xffffffff)")
        Integer nsid;

        @Option(names = {"-s", "--sel"}, paramLabel = "SEL", converter = Numbers.U8.class, defaultValue = "0",
                description = "0 current, 1 default, 2 saved, 3 supported capabilities")
        int sel;

        @Option(names = {"-l", "--data-len"}, paramLabel = "BYTES", converter = Numbers.U32.class,
                description = "data buffer length (default: the feature's)")
        Integer dataLength;

        @Option(names = {"-c", "--cdw11"}, paramLabel = "CDW11", converter = Numbers.U32.class, defaultValue = "0",
                description = "command dword 11 (e.g. the vector of Interrupt Vector Configuration)")
        int cdw11;

        @Option(names = {"-H", "--human-readable"}, description = "decode the value")
        boolean human;

        @Option(names = {"-b", "--raw-binary"}, description = "write the feature's data buffer to stdout as raw bytes")
        boolean raw;

        @Option(names = {"-C", "--changed"}, description = "show only features whose current value differs from the default")
        boolean changed;

        @Override
        void checkOptions() {
            if (sel > 3) throw new Main.UsageError("get-feature: invalid 'select' param:" + sel);
            if (dataLength != null && Integer.compareUnsigned(dataLength, 1 << 20) > 0) {
                throw new Main.UsageError("get-feature: --data-len must be at most 1048576");
            }
        }


        /** The data buffer a feature returns (libnvme's {@code nvme_get_feature_length}), 0 for none. */
        private int bufferLength(int id) {
            if (dataLength != null && dataLength != 0) return dataLength;
            return switch (id) {
                case 0x03, 0x0d -> 4096;
                case 0x0c -> 256;
                case 0x0e -> 8;
                case 0x13, 0x16 -> 512;
                case 0x81 -> (cdw11 & 1) != 0 ? 16 : 8;
                default -> 0;
            };
        }

        private record Value(int dw0, byte[] data) {
        }

        private Value get(DeviceSession d, int id, int select, int ns) {
            int length = select == 3 ? 0 : bufferLength(id);
            SubmissionQueueEntry sqe = SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                    .nsid(ns).cdw10(id | select << 8).cdw11(cdw11).build();
            DeviceSession.Result r = d.admin(sqe, length, null).orFail();
            return new Value(r.dw0(), length == 0 ? null : r.data());
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int ns = device.namespaceIdOr(nsid, -1);
            Json root = new Json();
            int first = fid;
            int last = fid == 0 ? 0xFF : fid;
            NvmeStatusError failure = null;
            for (int id = first; id <= last; id++) {
                Value v;
                try {
                    v = get(d, id, changed ? 0 : sel, ns);
                    if (changed && get(d, id, 1, ns).dw0() == v.dw0()) continue;
                } catch (NvmeStatusError e) {
                    // Scanning all features skips the ones the device does not support, as nvme-cli does.
                    if (fid == 0 && e.status().sct() == 0 && (e.status().sc() == 0x02 || e.status().sc() == 0x0B)) continue;
                    failure = e;
                    break;
                }
                show(out, root, id, changed ? 0 : sel, v);
            }
            if (json()) {
                if (failure != null) root.put("status: " + failure.status().toField(), List.of(failure.toJson()));
                out.println(root);
            }
            if (failure != null) {
                if (!json()) throw failure;
                throw new NvmeStatusError(failure.status(), true);
            }
        }

        private void show(PrintWriter out, Json root, int id, int select, Value v) {
            long value = Integer.toUnsignedLong(v.dw0());
            if (raw && v.data() != null) {
                writeRaw(out, v.data());
                return;
            }
            String fidText = paddedHex(id, id != 0 ? 4 : 2);
            String valueText = paddedHex(value, value != 0 ? 10 : 8);
            if (json()) {
                root.put("feature: " + fidText, List.of(new Json().put("name", NvmeCliNames.feature(id)).put(SELECT[select], valueText)));
            } else {
                out.printf("get-feature:%s (%s), %s value:%s%n", fidText, NvmeCliNames.feature(id), SELECT[select], valueText);
            }
            if (select == 3) {
                // nvme-cli prints the capabilities as text even with -o json.
                if ((value & 1) != 0) out.println("  Feature is saveable");
                if ((value & 2) != 0) out.println("  Feature is per-namespace");
                if ((value & 4) != 0) out.println("  Feature is changeable");
            } else if (json()) {
                root.put("Feature: " + fidText, List.of(FeatureFields.json(id, v.dw0(), v.data())));
            } else if (human) {
                out.print(FeatureFields.text(id, v.dw0(), v.data()));
            } else if (v.data() != null) {
                out.print(Bytes.hexDump(v.data()));
            }
        }
    }

    /** {@code nvme set-feature}: sets a feature from dwords 11 and 12 and, for features with one, a data buffer. */
    @Command(name = "set-feature", description = "Set a feature (Set Features).")
    static final class SetFeature extends OnDevice {
        // No standard -V/--version here: nvme-cli 2.x spells --value -V.
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = {"-f", "--feature-id"}, required = true, paramLabel = "FID", converter = Numbers.U8.class,
                description = "feature identifier")
        int fid;

        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace (default: the device's, or 0xffffffff)")
        Integer nsid;

        @Option(names = {"-V", "--value", "-v"}, paramLabel = "VALUE", converter = Numbers.U32.class, defaultValue = "0",
                description = "new value (command dword 11)")
        int value;

        @Option(names = {"-c", "--cdw12"}, paramLabel = "CDW12", converter = Numbers.U32.class, defaultValue = "0",
                description = "command dword 12")
        int cdw12;

        @Option(names = {"-l", "--data-len"}, paramLabel = "BYTES", converter = Numbers.U32.class,
                description = "data buffer length (default: the feature's)")
        Integer dataLength;

        @Option(names = {"-d", "--data"}, paramLabel = "FILE", description = "data buffer contents (default: zeros)")
        Path data;

        @Option(names = {"-s", "--save"}, description = "keep the value across power cycles (SV)")
        boolean save;

        byte[] buffer;

        @Override
        void checkOptions() {
            if (fid == 0) throw new Main.UsageError("set-feature: feature-id required param");
            int length = dataLength != null ? dataLength : switch (fid) {
                case 0x03, 0x0d -> 4096;
                case 0x0c -> 256;
                case 0x0e -> 8;
                case 0x13, 0x16 -> 512;
                case 0x81 -> (value & 1) != 0 ? 16 : 8;
                default -> 0;
            };
            if (Integer.compareUnsigned(length, 1 << 20) > 0) throw new Main.UsageError("set-feature: --data-len must be at most 1048576");
            if (length > 0) {
                buffer = new byte[length];
                if (data != null) {
                    try {
                        byte[] file = Files.readAllBytes(data);
                        System.arraycopy(file, 0, buffer, 0, Math.min(file.length, length));
                    } catch (IOException e) {
                        throw new Main.UsageError("set-feature: Failed to open file " + data + ": " + e.getMessage());
                    }
                }
            }
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            SubmissionQueueEntry sqe = SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).nsid(device.namespaceIdOr(nsid, -1))
                    .cdw10(fid | (save ? 1 << 31 : 0)).cdw11(value).cdw12(cdw12).build();
            d.admin(sqe, 0, buffer).orFail();
            long v = Integer.toUnsignedLong(value);
            long c12 = Integer.toUnsignedLong(cdw12);
            out.printf("set-feature:%s (%s), value:%s, cdw12:%s, save:%s%n", paddedHex(fid, 4), featureName(fid),
                    paddedHex(v, v != 0 ? 10 : 8), paddedHex(c12, c12 != 0 ? 10 : 8), save ? "0x1" : "0");
            if (buffer != null) out.print(Bytes.hexDump(buffer));
        }
    }
}
