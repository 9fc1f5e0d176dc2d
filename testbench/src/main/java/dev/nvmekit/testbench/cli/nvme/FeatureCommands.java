package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.FeatureIdentifier;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code nvme get-feature} and {@code set-feature}: Get / Set Features (NVMe 2.0, sections 5.15 and 5.27). */
final class FeatureCommands {
    private FeatureCommands() {
    }

    static String featureName(int fid) {
        return FeatureIdentifier.of(fid).map(FeatureIdentifier::title).orElse("Unknown");
    }

    /** C's {@code %#0*x}: zero-padded to {@code width} characters, the 0x prefix counted, and plain zeros for 0. */
    static String paddedHex(long v, int width) {
        if (v == 0) return "0".repeat(width);
        String hex = Long.toHexString(v);
        return "0x" + "0".repeat(Math.max(0, width - 2 - hex.length())) + hex;
    }

    /** {@code nvme get-feature}: one feature's current, default, saved value or capabilities. */
    @Command(name = "get-feature", mixinStandardHelpOptions = true, description = "Read a feature (Get Features).")
    static final class GetFeature extends OnDevice {
        private static final String[] SELECT = {"Current", "Default", "Saved", "Supported capabilities"};

        @Option(names = {"-f", "--feature-id"}, required = true, paramLabel = "FID", converter = Numbers.U8.class,
                description = "feature identifier")
        int fid;

        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, description = "namespace")
        Integer nsid;

        @Option(names = {"-s", "--sel"}, paramLabel = "SEL", defaultValue = "0",
                description = "0 current, 1 default, 2 saved, 3 supported capabilities")
        int sel;

        @Option(names = {"-c", "--cdw11"}, paramLabel = "CDW11", converter = Numbers.U32.class, defaultValue = "0",
                description = "command dword 11 (e.g. the vector of Interrupt Vector Configuration)")
        int cdw11;

        @Option(names = {"-H", "--human-readable"}, description = "decode the value")
        boolean human;

        @Override
        void checkOptions() {
            if (sel < 0 || sel > 3) throw new Main.UsageError("get-feature: invalid select value " + sel + " (0..3)");
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            SubmissionQueueEntry sqe = SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES)
                    .nsid(device.namespaceIdOr(nsid, 0)).cdw10(fid | sel << 8).cdw11(cdw11).build();
            int v = d.admin(sqe, 0, null).orFail().dw0();
            long value = Integer.toUnsignedLong(v);
            out.printf("get-feature:%s (%s), %s value:%s%n", paddedHex(fid, 4), featureName(fid), SELECT[sel],
                    paddedHex(value, value != 0 ? 10 : 8));
            if (human && sel != 3) decode(out, fid, v);
        }

        private static void decode(PrintWriter out, int fid, int v) {
            switch (FeatureIdentifier.of(fid).orElse(null)) {
                case ARBITRATION -> {
                    out.printf("\tHigh Priority Weight   (HPW): %d%n", (v >>> 24 & 0xFF) + 1);
                    out.printf("\tMedium Priority Weight (MPW): %d%n", (v >>> 16 & 0xFF) + 1);
                    out.printf("\tLow Priority Weight    (LPW): %d%n", (v >>> 8 & 0xFF) + 1);
                    out.printf("\tArbitration Burst       (AB): %s%n", (v & 7) == 7 ? "No limit" : Integer.toString(1 << (v & 7)));
                }
                case POWER_MANAGEMENT -> {
                    out.printf("\tWorkload Hint (WH): %d%n", v >>> 5 & 7);
                    out.printf("\tPower State   (PS): %d%n", v & 0x1F);
                }
                case TEMPERATURE_THRESHOLD -> {
                    int k = v & 0xFFFF;
                    out.printf("\tThreshold Type Select         (THSEL): %s%n", (v >>> 20 & 3) == 0 ? "Over Temperature Threshold" : "Under Temperature Threshold");
                    out.printf("\tThreshold Temperature Select (TMPSEL): %s%n", (v >>> 16 & 0xF) == 0 ? "Composite Temperature" : "Temperature Sensor " + (v >>> 16 & 0xF));
                    out.printf("\tTemperature Threshold         (TMPTH): %d °C (%d K)%n", k - 273, k);
                }
                case VOLATILE_WRITE_CACHE -> out.printf("\tVolatile Write Cache Enable (WCE): %s%n", (v & 1) != 0 ? "Enabled" : "Disabled");
                case NUMBER_OF_QUEUES -> {
                    out.printf("\tNumber of IO Completion Queues Allocated (NCQA): %d%n", (v >>> 16) + 1);
                    out.printf("\tNumber of IO Submission Queues Allocated (NSQA): %d%n", (v & 0xFFFF) + 1);
                }
                case INTERRUPT_COALESCING -> {
                    out.printf("\tAggregation Time     (TIME): %d usec%n", (v >>> 8 & 0xFF) * 100);
                    out.printf("\tAggregation Threshold (THR): %d%n", (v & 0xFF) + 1);
                }
                case INTERRUPT_VECTOR_CONFIGURATION -> {
                    out.printf("\tCoalescing Disable (CD): %s%n", (v >>> 16 & 1) != 0 ? "True" : "False");
                    out.printf("\tInterrupt Vector   (IV): %d%n", v & 0xFFFF);
                }
                case ASYNCHRONOUS_EVENT_CONFIGURATION -> {
                    out.printf("\tNamespace Attribute Notices  (NAN): %s%n", (v >>> 8 & 1) != 0 ? "Send async event" : "Do not send async event");
                    out.printf("\tFirmware Activation Notices  (FAN): %s%n", (v >>> 9 & 1) != 0 ? "Send async event" : "Do not send async event");
                    out.printf("\tSMART / Health Critical Warnings: %s%n", Bytes.hex(v & 0xFF));
                }
                case AUTONOMOUS_POWER_STATE_TRANSITION ->
                        out.printf("\tAutonomous Power State Transition Enable (APSTE): %s%n", (v & 1) != 0 ? "Enabled" : "Disabled");
                case null, default -> { }
            }
        }
    }

    /** {@code nvme set-feature}: sets a feature from dwords 11 and 12. */
    @Command(name = "set-feature", mixinStandardHelpOptions = true, description = "Set a feature (Set Features).")
    static final class SetFeature extends OnDevice {
        @Option(names = {"-f", "--feature-id"}, required = true, paramLabel = "FID", converter = Numbers.U8.class,
                description = "feature identifier")
        int fid;

        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, description = "namespace")
        Integer nsid;

        @Option(names = {"-v", "--value"}, paramLabel = "VALUE", converter = Numbers.U32.class, defaultValue = "0",
                description = "new value (command dword 11)")
        int value;

        @Option(names = "--cdw12", paramLabel = "CDW12", converter = Numbers.U32.class, defaultValue = "0",
                description = "command dword 12")
        int cdw12;

        @Option(names = {"-s", "--save"}, description = "keep the value across power cycles (SV)")
        boolean save;

        @Override
        void run(DeviceSession d, PrintWriter out) {
            SubmissionQueueEntry sqe = SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).nsid(device.namespaceIdOr(nsid, 0))
                    .cdw10(fid | (save ? 1 << 31 : 0)).cdw11(value).cdw12(cdw12).build();
            d.admin(sqe, 0, null).orFail();
            long v = Integer.toUnsignedLong(value);
            long c12 = Integer.toUnsignedLong(cdw12);
            out.printf("set-feature:%s (%s), value:%s, cdw12:%s, save:%s%n", paddedHex(fid, 4), featureName(fid),
                    paddedHex(v, v != 0 ? 10 : 8), paddedHex(c12, c12 != 0 ? 10 : 8), save ? "0x1" : "0");
        }
    }
}
