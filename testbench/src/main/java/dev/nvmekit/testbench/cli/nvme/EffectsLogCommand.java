package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.ControllerCapabilities;
import dev.nvmekit.testbench.nvme.ControllerRegisters;
import dev.nvmekit.testbench.nvme.GetLogPageCommand;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nvme effects-log}: the Commands Supported and Effects log (05h) for each command set the
 * controller reports in CAP.CSS (NVM, and ZNS when I/O command sets are selectable), or for the
 * one {@code --csi} names, printed as nvme-cli 2.16 does: per set a header, then the supported
 * admin and I/O opcodes with their effects dword ({@code -H} spells the bits out).
 */
@Command(name = "effects-log", mixinStandardHelpOptions = true, description = "Retrieve the Commands Supported and Effects log.")
final class EffectsLogCommand extends OnDevice {
    private static final int SIZE = 4096;
    private static final int CSI_NVM = 0;
    private static final int CSI_ZNS = 2;

    @Option(names = {"-H", "--human-readable"}, description = "spell out each command's effects")
    boolean human;

    @Option(names = {"-b", "--raw-binary"}, description = "write the log pages to stdout as raw bytes")
    boolean raw;

    @Option(names = {"-c", "--csi"}, paramLabel = "CSI", converter = Numbers.U8.class, description = "command set identifier")
    Integer csi;

    @Override
    void checkOptions() {
        if (csi == null && device.namespace().isPresent()) {
            throw new Main.UsageError("effects-log: Block device isn't allowed without csi");
        }
    }


    @Override
    void run(DeviceSession d, PrintWriter out) {
        List<Integer> sets = new ArrayList<>();
        if (csi != null) {
            sets.add(csi);
        } else {
            int css = ControllerCapabilities.decode(d.readRegister(ControllerRegisters.CAP, 8)).css();
            if ((css & 1) != 0) sets.add(CSI_NVM);
            if ((css & 0x40) != 0) sets.add(CSI_ZNS);
        }
        List<byte[]> pages = new ArrayList<>();
        for (int set : sets) {
            SubmissionQueueEntry sqe = GetLogPageCommand.of(LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS, SIZE)
                    .applyTo(SubmissionQueueEntry.builder(AdminOpcode.GET_LOG_PAGE)).build();
            // CDW14 bits 31:24 carry the command set the log is requested for (NVMe 2.1, Get Log Page).
            pages.add(d.admin(sqe.toBuilder().cdw14(sqe.cdw14() | set << 24).build(), SIZE, null).orFail().data());
        }
        if (raw) {
            for (byte[] p : pages) writeRaw(out, p);
            return;
        }
        if (json()) {
            List<Object> all = Json.array();
            for (int i = 0; i < pages.size(); i++) {
                byte[] p = pages.get(i);
                Json admin = new Json();
                Json io = new Json();
                for (int op = 0; op < 256; op++) {
                    long a = Bytes.u32(p, 4 * op);
                    if ((a & 1) != 0) admin.put("ACS_" + op + " (" + NvmeCliNames.command(true, op) + ")", a);
                    long c = Bytes.u32(p, 1024 + 4 * op);
                    if ((c & 1) != 0) io.put("IOCS_" + op + " (" + NvmeCliNames.command(false, op) + ")", c);
                }
                all.add(new Json().put("command_set_identifier", sets.get(i)).put("admin_cmd_set", admin).put("io_cmd_set", io));
            }
            out.println(Json.render(all));
            return;
        }
        for (int i = 0; i < pages.size(); i++) {
            out.println(switch (sets.get(i)) {
                case CSI_NVM -> "NVM Command Set Log Page";
                case 1 -> "KV Command Set Log Page";
                case CSI_ZNS -> "ZNS Command Set Log Page";
                default -> "Unknown Command Set Log Page";
            });
            out.println("-".repeat(80));
            byte[] p = pages.get(i);
            segment(out, p, true, 0, 0xC0, "Admin Commands");
            segment(out, p, true, 0xC0, 0x100, "Vendor Specific Admin Commands");
            segment(out, p, false, 0, 0x80, "I/O Commands");
            segment(out, p, false, 0x80, 0x100, "Vendor Specific I/O Commands");
        }
    }

    private void segment(PrintWriter out, byte[] p, boolean admin, int from, int to, String header) {
        StringBuilder s = new StringBuilder();
        for (int op = from; op < to; op++) {
            long e = Bytes.u32(p, (admin ? 0 : 1024) + 4 * op);
            if ((e & 1) == 0) continue;
            s.append(String.format(admin ? "ACS%-6d[%-32s] %08x" : "IOCS%-5d[%-32s] %08x", op, NvmeCliNames.command(admin, op), e));
            s.append(human ? effects(e) : String.format("%n"));
        }
        if (!s.isEmpty()) out.printf("%s%n%s%n", header, s);
    }

    /** nvme-cli's {@code -H} line: each effect bit as +/-, then the CSER and CSE restrictions on lines of their own. */
    private static String effects(long e) {
        StringBuilder s = new StringBuilder("  CSUPP+");
        s.append("  LBCC").append((e & 2) != 0 ? '+' : '-');
        s.append("  NCC").append((e & 4) != 0 ? '+' : '-');
        s.append("  NIC").append((e & 8) != 0 ? '+' : '-');
        s.append("  CCC").append((e & 0x10) != 0 ? '+' : '-');
        s.append("  USS").append((e & 0x80000) != 0 ? '+' : '-');
        long cser = e >>> 14 & 3;
        s.append(cser == 0 ? "  No CSER defined" : cser == 1 ? "  No admin command for any namespace" : "  Reserved CSER").append(String.format("%n"));
        long cse = e >>> 16 & 7;
        s.append(switch ((int) cse) {
            case 0 -> "  No command restriction";
            case 1 -> "  No other command for same namespace";
            case 2 -> "  No other command for any namespace";
            default -> "  Reserved CSE";
        }).append(String.format("%n"));
        return s.toString();
    }
}
