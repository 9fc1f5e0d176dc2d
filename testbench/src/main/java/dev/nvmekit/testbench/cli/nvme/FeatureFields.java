package dev.nvmekit.testbench.cli.nvme;

import java.util.List;

/**
 * A feature value decoded field by field, as nvme-cli 2.16's {@code get-feature -H} prints it
 * (tab-indented lines) and as its {@code -o json} lists it (one object of named fields). Covers
 * the features the simulated firmware implements and a few one-bit ones; others decode to nothing.
 */
final class FeatureFields {
    private static final String ASYNC = "Send async event";
    private static final String NO_ASYNC = "Do not send async event";
    /** Async Event Configuration notices: bit, normal label (padded to nvme-cli's column), JSON label. */
    private static final List<Object[]> NOTICES = List.of(
            new Object[] {31, "Discovery Log Page Change Notices"},
            new Object[] {30, "Host Discovery Log Page Change Notification"},
            new Object[] {29, "AVE Discovery Log Page Change Notification"},
            new Object[] {28, "Pull Model DDC Request Log Page Change Notification"},
            new Object[] {27, "Zone Descriptor Changed Notices"},
            new Object[] {19, "Allocated Namespace Attribute Notices"},
            new Object[] {18, "Reachability Group"},
            new Object[] {17, "Reachability Association"},
            new Object[] {16, "Temperature Threshold Hysteresis Recovery"},
            new Object[] {15, "Normal NVM Subsystem Shutdown"},
            new Object[] {14, "Endurance Group Event Aggregate Log Change Notices"},
            new Object[] {13, "LBA Status Information Notices"},
            new Object[] {12, "Predictable Latency Event Aggregate Log Change Notices"},
            new Object[] {11, "Asymmetric Namespace Access Change Notices"},
            new Object[] {10, "Telemetry Log Notices"},
            new Object[] {9, "Firmware Activation Notices"},
            new Object[] {8, "Namespace Attribute Notices"});
    /** The JSON printer leaves these two notices out. */
    private static final List<Integer> NOT_IN_JSON = List.of(19, 16);

    private FeatureFields() {
    }

    /** The {@code -H} lines for feature {@code fid} with value {@code v} and data {@code buf} (may be null). */
    static String text(int fid, int v, byte[] buf) {
        StringBuilder s = new StringBuilder();
        switch (fid) {
            case 0x01 -> {
                line(s, "High Priority Weight   (HPW): %d", (v >>> 24) + 1);
                line(s, "Medium Priority Weight (MPW): %d", (v >>> 16 & 0xFF) + 1);
                line(s, "Low Priority Weight    (LPW): %d", (v >>> 8 & 0xFF) + 1);
                line(s, "Arbitration Burst       (AB): %s", burst(v));
            }
            case 0x02 -> {
                line(s, "Workload Hint (WH): %d - %s", v >>> 5 & 7, workload(v >>> 5 & 7));
                line(s, "Power State   (PS): %d", v & 0x1F);
            }
            case 0x04 -> {
                int hyst = v >>> 22 & 7;
                line(s, "Temperature Threshold Hysteresis(TMPTHH): %s", IdCtrlHuman.degrees(hyst));
                line(s, "Threshold Type Select         (THSEL): %d - %s", v >>> 20 & 3, thresholdType(v >>> 20 & 3));
                line(s, "Threshold Temperature Select (TMPSEL): %d - %s", v >>> 16 & 0xF, sensor(v >>> 16 & 0xF));
                line(s, "Temperature Threshold         (TMPTH): %s", IdCtrlHuman.degrees(v & 0xFFFF));
            }
            case 0x05 -> {
                line(s, "Deallocated or Unwritten Logical Block Error Enable (DULBE): %s", (v & 1 << 16) != 0 ? "Enabled" : "Disabled");
                line(s, "Time Limited Error Recovery                          (TLER): %d ms", (v & 0xFFFF) * 100);
            }
            case 0x06 -> line(s, "Volatile Write Cache Enable (WCE): %s", (v & 1) != 0 ? "Enabled" : "Disabled");
            case 0x07 -> {
                line(s, "Number of IO Completion Queues Allocated (NCQA): %d", (v >>> 16) + 1);
                line(s, "Number of IO Submission Queues Allocated (NSQA): %d", (v & 0xFFFF) + 1);
            }
            case 0x08 -> {
                line(s, "Aggregation Time     (TIME): %d usec", (v >>> 8 & 0xFF) * 100);
                line(s, "Aggregation Threshold (THR): %d", (v & 0xFF) + 1);
            }
            case 0x09 -> {
                line(s, "Coalescing Disable (CD): %s", (v >>> 16 & 1) != 0 ? "True" : "False");
                line(s, "Interrupt Vector   (IV): %d", v & 0xFFFF);
            }
            case 0x0a -> line(s, "Disable Normal (DN): %s", (v & 1) != 0 ? "True" : "False");
            case 0x0b -> {
                for (Object[] n : NOTICES) {
                    line(s, "%-58s: %s", n[1], (v >>> (int) n[0] & 1) != 0 ? ASYNC : NO_ASYNC);
                }
                line(s, "%-58s: %s", "SMART / Health Critical Warnings", (v & 0xFF) != 0 ? ASYNC : NO_ASYNC);
            }
            case 0x0c -> {
                line(s, "Autonomous Power State Transition Enable (APSTE): %s", (v & 1) != 0 ? "Enabled" : "Disabled");
                if (buf != null) {
                    s.append("\tAuto PST Entries\t.................").append(String.format("%n"));
                    for (int i = 0; i < 32; i++) {
                        long e = IdentifyCommands.u64(buf, 8 * i);
                        line(s, "Entry[%2d]", i);
                        line(s, ".................");
                        line(s, "Idle Time Prior to Transition (ITPT): %d ms", e >>> 8 & 0xFFFFFF);
                        line(s, "Idle Transition Power State   (ITPS): %d", e >>> 3 & 0x1F);
                        line(s, ".................");
                    }
                }
            }
            case 0x0e -> {
                if (buf != null) {
                    long ms = timestampMs(buf);
                    line(s, "The timestamp is : %d (%s)", ms, dateTime(ms));
                    line(s, "%s", (buf[6] & 2) != 0 ? SET_BY_HOST : "The Timestamp field was initialized to \u20180\u2019 by a Controller Level Reset.");
                    line(s, "%s", (buf[6] & 1) != 0 ? STOPPED : COUNTED);
                }
            }
            default -> { }
        }
        return s.toString();
    }

    private static final String SET_BY_HOST = "The Timestamp field was initialized with a Timestamp value using a Set Features command.";
    private static final String STOPPED =
            "The controller may have stopped counting during vendor specific intervals after the Timestamp value was initialized";
    private static final String COUNTED = "The controller counted time in milliseconds continuously since the Timestamp value was initialized.";

    /** The 48-bit millisecond count of the Timestamp feature's data (NVMe 2.1, Timestamp). */
    private static long timestampMs(byte[] buf) {
        long ms = 0;
        for (int i = 5; i >= 0; i--) ms = ms << 8 | (buf[i] & 0xFF);
        return ms;
    }

    /** C's {@code strftime("%c %Z")} in the C locale, in the local time zone as nvme-cli's localtime. */
    private static String dateTime(long ms) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy zzz", java.util.Locale.US)
                .format(java.time.Instant.ofEpochMilli(ms / 1000 * 1000).atZone(java.time.ZoneId.systemDefault()));
    }

    /** The {@code -o json} fields of feature {@code fid}. */
    static Json json(int fid, int v, byte[] buf) {
        Json j = new Json();
        switch (fid) {
            case 0x01 -> j.put("High Priority Weight (HPW)", (v >>> 24) + 1).put("Medium Priority Weight (MPW)", (v >>> 16 & 0xFF) + 1)
                    .put("Low Priority Weight (LPW)", (v >>> 8 & 0xFF) + 1).put("Arbitration Burst (AB)", burst(v));
            case 0x02 -> j.put("Workload Hint (WH)", v >>> 5 & 7).put("WH description", workload(v >>> 5 & 7)).put("Power State (PS)", v & 0x1F);
            case 0x04 -> {
                int hyst = v >>> 22 & 7;
                j.put("Temperature Threshold Hysteresis (TMPTHH)", (hyst - 273) + " Celsius").put("TMPTHH kelvin", hyst + " K")
                        .put("Threshold Type Select (THSEL)", v >>> 20 & 3).put("THSEL description", thresholdType(v >>> 20 & 3))
                        .put("Threshold Temperature Select (TMPSEL)", v >>> 16 & 0xF).put("TMPSEL description", sensor(v >>> 16 & 0xF))
                        .put("Temperature Threshold (TMPTH)", ((v & 0xFFFF) - 273) + " Celsius").put("TMPTH kelvin", (v & 0xFFFF) + " K");
            }
            case 0x06 -> j.put("Volatile Write Cache Enable (WCE)", (v & 1) != 0 ? "Enabled" : "Disabled");
            case 0x07 -> j.put("Number of IO Completion Queues Allocated (NCQA)", (v >>> 16) + 1)
                    .put("Number of IO Submission Queues Allocated (NSQA)", (v & 0xFFFF) + 1);
            case 0x08 -> j.put("Aggregation Time (TIME)", (v >>> 8 & 0xFF) * 100 + " usec").put("Aggregation Threshold (THR)", (v & 0xFF) + 1);
            case 0x09 -> j.put("Coalescing Disable (CD)", (v >>> 16 & 1) != 0 ? "True" : "False").put("Interrupt Vector (IV)", v & 0xFFFF);
            case 0x0b -> {
                for (Object[] n : NOTICES) {
                    if (!NOT_IN_JSON.contains((Integer) n[0])) j.put((String) n[1], (v >>> (int) n[0] & 1) != 0 ? ASYNC : NO_ASYNC);
                }
                j.put("SMART / Health Critical Warnings", (v & 0xFF) != 0 ? ASYNC : NO_ASYNC);
            }
            case 0x0c -> {
                j.put("Autonomous Power State Transition Enable (APSTE)", (v & 1) != 0 ? "Enabled" : "Disabled");
                if (buf != null) {
                    List<Object> entries = Json.array();
                    for (int i = 0; i < 32; i++) {
                        long e = IdentifyCommands.u64(buf, 8 * i);
                        entries.add(new Json().put("entry", String.format("%2d", i))
                                .put("Idle Time Prior to Transition (ITPT)", (e >>> 8 & 0xFFFFFF) + " ms")
                                .put("Idle Transition Power State (ITPS)", e >>> 3 & 0x1F));
                    }
                    j.put("Auto PST Entries", entries);
                }
            }
            case 0x0e -> {
                if (buf != null) {
                    long ms = timestampMs(buf);
                    j.put("timestamp", ms).put("timestamp string", dateTime(ms))
                            .put("timestamp origin", (buf[6] & 2) != 0 ? SET_BY_HOST
                                    : "The Timestamp field was initialized to 0h by a Controller Level Reset.")
                            .put("synch", (buf[6] & 1) != 0 ? STOPPED + "." : COUNTED);
                }
            }
            default -> { }
        }
        return j;
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append('\t').append(String.format(format, args)).append(String.format("%n"));
    }

    private static String burst(int v) {
        return (v & 7) == 7 ? "No limit" : Integer.toString(1 << (v & 7));
    }

    private static String workload(int wh) {
        return switch (wh) {
            case 0 -> "No Workload";
            case 1 -> "Extended Idle Period with a Burst of Random Writes";
            case 2 -> "Heavy Sequential Writes";
            default -> "Reserved";
        };
    }

    private static String thresholdType(int t) {
        return switch (t) {
            case 0 -> "Over Temperature Threshold";
            case 1 -> "Under Temperature Threshold";
            default -> "Reserved";
        };
    }

    private static String sensor(int sel) {
        return sel == 0 ? "Composite Temperature" : sel <= 8 ? "Temperature Sensor " + sel : "Reserved";
    }
}
