package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.AdminQueueAttributes;
import dev.nvmekit.testbench.nvme.ControllerCapabilities;
import dev.nvmekit.testbench.nvme.ControllerConfiguration;
import dev.nvmekit.testbench.nvme.ControllerStatus;
import dev.nvmekit.testbench.nvme.ControllerVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nvme show-regs}: the controller registers read from BAR0 through the simulated AXI-Lite
 * bridge, raw or decoded field by field with {@code -H} (NVMe Base Specification 2.0, section 3.1.3).
 */
@Command(name = "show-regs", mixinStandardHelpOptions = true, description = "Read and show the controller registers in BAR0.")
final class RegisterCommand extends OnDevice {
    @Option(names = {"-H", "--human-readable"}, description = "decode every field of the registers")
    boolean human;


    /** Every controller register nvme-cli 2.16 shows, in its order: symbol, BAR0 offset, size in bytes. */
    private static final Object[][] REGISTERS = {
        {"cap", 0x00, 8}, {"version", 0x08, 4}, {"intms", 0x0c, 4}, {"intmc", 0x10, 4}, {"cc", 0x14, 4},
        {"csts", 0x1c, 4}, {"nssr", 0x20, 4}, {"aqa", 0x24, 4}, {"asq", 0x28, 8}, {"acq", 0x30, 8},
        {"cmbloc", 0x38, 4}, {"cmbsz", 0x3c, 4}, {"bpinfo", 0x40, 4}, {"bprsel", 0x44, 4}, {"bpmbl", 0x48, 8},
        {"cmbmsc", 0x50, 8}, {"cmbsts", 0x58, 4}, {"cmbebs", 0x5c, 4}, {"cmbswtp", 0x60, 4}, {"nssd", 0x64, 4},
        {"crto", 0x68, 4}, {"pmrcap", 0xe00, 4}, {"pmrctl", 0xe04, 4}, {"pmrsts", 0xe08, 4}, {"pmrebs", 0xe0c, 4},
        {"pmrswtp", 0xe10, 4}, {"pmrmscl", 0xe14, 4}, {"pmrmscu", 0xe18, 4}};

    @Override
    void run(DeviceSession d, PrintWriter out) {
        Map<String, Long> r = new LinkedHashMap<>();
        for (Object[] reg : REGISTERS) r.put((String) reg[0], d.readRegister((int) reg[1], (int) reg[2]));
        if (json()) {
            Json j = new Json();
            r.forEach((k, v) -> j.putU64(k.equals("version") ? "vs" : k, v));
            out.println(j);
            return;
        }
        for (Map.Entry<String, Long> e : r.entrySet()) {
            out.printf("%-8s: %s%n", e.getKey(), e.getValue() == 0 ? "0" : "0x" + Long.toHexString(e.getValue()));
            if (human && DECODED.contains(e.getKey())) {
                decode(out, e.getKey(), e.getValue());
                out.println();
            }
        }
    }

    /** The registers {@code -H} decodes field by field. */
    private static final java.util.Set<String> DECODED = java.util.Set.of("cap", "version", "cc", "csts", "nssr", "intms",
            "intmc", "aqa", "asq", "acq", "cmbloc", "cmbsz");

    private static void decode(PrintWriter out, String name, long v) {
        switch (name) {
            case "cap" -> {
                ControllerCapabilities c = ControllerCapabilities.decode(v);
                field(out, "Controller Ready With Media Support (CRWMS)", supported((c.crms() & 1) != 0));
                field(out, "Controller Ready Independent of Media Support (CRIMS)", supported((c.crms() & 2) != 0));
                field(out, "NVM Subsystem Shutdown Supported   (NSSS)", supported(c.nsss()));
                field(out, "Controller Memory Buffer Supported (CMBS)", "The Controller Memory Buffer is " + supported(c.cmbs()));
                field(out, "Persistent Memory Region Supported (PMRS)", "The Persistent Memory Region is " + supported(c.pmrs()));
                field(out, "Memory Page Size Maximum         (MPSMAX)", c.maxPageSize() + " bytes");
                field(out, "Memory Page Size Minimum         (MPSMIN)", c.minPageSize() + " bytes");
                field(out, "Boot Partition Support              (BPS)", yes(c.bps()));
                field(out, "Command Sets Supported              (CSS)", "NVM command set is " + supported((c.css() & 1) != 0));
                out.printf("\t%43s One or more I/O Command Sets are %s%n", "", supported((c.css() & 0x40) != 0));
                out.printf("\t%43s %s%n", "", (c.css() & 0x80) != 0 ? "Only Admin Command Set Supported" : "I/O Command Set is Supported");
                field(out, "NVM Subsystem Reset Supported     (NSSRS)", yes(c.nssrs()));
                field(out, "Doorbell Stride                   (DSTRD)", c.doorbellStrideBytes() + " bytes");
                field(out, "Timeout                              (TO)", c.to() * 500 + " ms");
                field(out, "Arbitration Mechanism Supported     (AMS)", "Weighted Round Robin with Urgent Priority Class is "
                        + ((c.ams() & 1) != 0 ? "Supported" : "Not supported"));
                field(out, "Contiguous Queues Required          (CQR)", yes(c.cqr()));
                field(out, "Maximum Queue Entries Supported    (MQES)", Integer.toString(c.mqes() + 1));
            }
            case "version" -> {
                ControllerVersion ver = ControllerVersion.decode((int) v);
                out.printf("\tNVMe specification %d.%d%s%n", ver.major(), ver.minor(), ver.tertiary() != 0 ? "." + ver.tertiary() : "");
            }
            case "cc" -> {
                ControllerConfiguration c = ControllerConfiguration.decode((int) v);
                field(out, "Controller Ready Independent of Media Enable (CRIME)", c.crime() ? "Enabled" : "Disabled");
                field(out, "I/O Completion Queue Entry Size (IOCQES)", (1 << c.iocqes()) + " bytes");
                field(out, "I/O Submission Queue Entry Size (IOSQES)", (1 << c.iosqes()) + " bytes");
                field(out, "Shutdown Notification              (SHN)", switch (c.shn()) {
                    case NONE -> "No notification; no effect";
                    case NORMAL -> "Normal shutdown notification";
                    case ABRUPT -> "Abrupt shutdown notification";
                    case RESERVED -> "Reserved";
                });
                field(out, "Arbitration Mechanism Selected     (AMS)", switch (c.ams()) {
                    case 0 -> "Round Robin";
                    case 1 -> "Weighted Round Robin with Urgent Priority Class";
                    case 7 -> "Vendor Specific";
                    default -> "Reserved";
                });
                field(out, "Memory Page Size                   (MPS)", c.pageSize() + " bytes");
                field(out, "I/O Command Set Selected           (CSS)", switch (c.css()) {
                    case ControllerConfiguration.CSS_NVM -> "NVM Command Set";
                    case ControllerConfiguration.CSS_ALL_IO -> "All supported I/O Command Sets";
                    case ControllerConfiguration.CSS_ADMIN_ONLY -> "Admin Command Set only";
                    default -> "Reserved";
                });
                field(out, "Enable                              (EN)", yes(c.enable()));
            }
            case "csts" -> {
                ControllerStatus s = ControllerStatus.decode((int) v);
                field(out, "Processing Paused               (PP)", yes(s.paused()));
                field(out, "NVM Subsystem Reset Occurred (NSSRO)", yes(s.nssro()));
                field(out, "Shutdown Status               (SHST)", switch (s.shst()) {
                    case NORMAL_OPERATION -> "Normal operation (no shutdown has been requested)";
                    case OCCURRING -> "Shutdown processing occurring";
                    case COMPLETE -> "Shutdown processing complete";
                    case RESERVED -> "Reserved";
                });
                field(out, "Controller Fatal Status        (CFS)", s.fatal() ? "True" : "False");
                field(out, "Ready                          (RDY)", yes(s.ready()));
            }
            case "nssr" -> field(out, "NVM Subsystem Reset Control (NSSRC)", Long.toString(v));
            case "intms" -> field(out, "Interrupt Vector Mask Set (IVMS)", Bytes.hex(v));
            case "intmc" -> field(out, "Interrupt Vector Mask Clear (IVMC)", Bytes.hex(v));
            case "aqa" -> {
                AdminQueueAttributes a = AdminQueueAttributes.decode((int) v);
                field(out, "Admin Completion Queue Size (ACQS)", Integer.toString(a.completionQueueEntries()));
                field(out, "Admin Submission Queue Size (ASQS)", Integer.toString(a.submissionQueueEntries()));
            }
            case "asq" -> field(out, "Admin Submission Queue Base (ASQB)", Long.toHexString(v));
            case "acq" -> field(out, "Admin Completion Queue Base (ACQB)", Long.toHexString(v));
            case "cmbloc", "cmbsz" -> out.println(v == 0 ? "\tController Memory Buffer feature is not supported"
                    : "\tController Memory Buffer register: " + Long.toHexString(v));
            default -> throw new IllegalStateException(name);
        }
    }

    private static void field(PrintWriter out, String label, String value) {
        out.printf("\t%s: %s%n", label, value);
    }

    private static String supported(boolean b) {
        return b ? "Supported" : "Not Supported";
    }

    private static String yes(boolean b) {
        return b ? "Yes" : "No";
    }
}
