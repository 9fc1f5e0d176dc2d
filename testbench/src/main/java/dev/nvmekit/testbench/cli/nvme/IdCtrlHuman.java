package dev.nvmekit.testbench.cli.nvme;

/**
 * {@code nvme id-ctrl -H}: the bit fields of Identify Controller decoded under their field's line,
 * in nvme-cli 2.16's wording and layout ({@code [hi:lo] : value<TAB>meaning}, reserved bits only
 * when set, a blank line after each block). Fields nvme-cli does not decode print nothing extra.
 */
final class IdCtrlHuman {
    private IdCtrlHuman() {
    }

    /** The lines nvme-cli prints after field {@code name} with -H, or an empty string. */
    static String decode(String name, byte[] b) {
        StringBuilder s = new StringBuilder();
        switch (name) {
            case "cmic" -> cmic(s, Bytes.u8(b, 76));
            case "oaes" -> oaes(s, Bytes.u32(b, 92));
            case "oacs" -> oacs(s, Bytes.u16(b, 256));
            case "frmw" -> frmw(s, Bytes.u8(b, 260));
            case "lpa" -> lpa(s, Bytes.u8(b, 261));
            case "elpe" -> s.append(String.format("  [7:0] : %d (0's based)\tError Log Page Entries (ELPE)%n%n", Bytes.u8(b, 262)));
            case "npss" -> s.append(String.format("  [7:0] : %d (0's based)\tNumber of Power States Support (NPSS)%n%n", Bytes.u8(b, 263)));
            case "avscc" -> formatBit(s, Bytes.u8(b, 264), "Admin");
            case "apsta" -> {
                int v = Bytes.u8(b, 265);
                reserved(s, "  [7:1]", v >>> 1);
                bit(s, "  [0:0]", v & 1, "Autonomous Power State Transitions %sSupported");
                s.append(String.format("%n"));
            }
            case "wctemp" -> temperature(s, Bytes.u16(b, 266), "Warning Composite Temperature Threshold (WCTEMP)");
            case "cctemp" -> temperature(s, Bytes.u16(b, 268), "Critical Composite Temperature Threshold (CCTEMP)");
            case "tnvmcap" -> s.append(String.format("[127:0] : %s%n\tTotal NVM Capacity (TNVMCAP)%n%n", Bytes.unsigned(b, 280, 16)));
            case "unvmcap" -> s.append(String.format("[127:0] : %s%n\tUnallocated NVM Capacity (UNVMCAP)%n%n", Bytes.unsigned(b, 296, 16)));
            case "rpmbs" -> rpmbs(s, Bytes.u32(b, 312));
            case "hctma" -> {
                int v = Bytes.u16(b, 322);
                reserved(s, " [15:1]", v >>> 1);
                bit(s, "  [0:0]", v & 1, "Host Controlled Thermal Management %sSupported");
                s.append(String.format("%n"));
            }
            case "mntmt" -> temperature(s, Bytes.u16(b, 324), "Minimum Thermal Management Temperature (MNTMT)");
            case "mxtmt" -> temperature(s, Bytes.u16(b, 326), "Maximum Thermal Management Temperature (MXTMT)");
            case "sanicap" -> sanicap(s, Bytes.u32(b, 328));
            case "sqes" -> entrySize(s, Bytes.u8(b, 512), "SQ");
            case "cqes" -> entrySize(s, Bytes.u8(b, 513), "CQ");
            case "oncs" -> oncs(s, Bytes.u16(b, 520));
            case "fuses" -> {
                int v = Bytes.u16(b, 522);
                reserved(s, " [15:1]", (v & 0xFE) >>> 1);
                bit(s, "  [0:0]", v & 1, "Fused Compare and Write %sSupported");
                s.append(String.format("%n"));
            }
            case "fna" -> fna(s, Bytes.u8(b, 524));
            case "vwc" -> vwc(s, Bytes.u8(b, 525));
            case "icsvscc" -> formatBit(s, Bytes.u8(b, 530), "NVM");
            case "sgls" -> sgls(s, Bytes.u32(b, 536));
            default -> { }
        }
        return s.toString();
    }

    /** One decoded bit: {@code label : %#x<TAB>text}, the text's %s being "" when set and "Not " when clear. */
    private static void bit(StringBuilder s, String bits, long v, String text) {
        s.append(String.format("%s : %s\t%s%n", bits, Bytes.hex(v), String.format(text, v != 0 ? "" : "Not ")));
    }

    private static void reserved(StringBuilder s, String bits, long v) {
        if (v != 0) s.append(String.format("%s : %s\tReserved%n", bits, Bytes.hex(v)));
    }

    private static void cmic(StringBuilder s, int v) {
        reserved(s, "  [7:4]", v >>> 4);
        s.append(String.format("  [3:3] : %s\tANA %ssupported%n", Bytes.hex(v >>> 3 & 1), (v & 8) != 0 ? "" : "not "));
        s.append(String.format("  [2:2] : %s\t%s%n", Bytes.hex(v >>> 2 & 1), (v & 4) != 0 ? "SR-IOV" : "PCI"));
        s.append(String.format("  [1:1] : %s\t%s Controller%n", Bytes.hex(v >>> 1 & 1), (v & 2) != 0 ? "Multi" : "Single"));
        s.append(String.format("  [0:0] : %s\t%s Port%n%n", Bytes.hex(v & 1), (v & 1) != 0 ? "Multi" : "Single"));
    }

    private static void oaes(StringBuilder s, long v) {
        bit(s, "  [31:31]", v >>> 31 & 1, "Discovery Log Change Notice %sSupported");
        reserved(s, "  [30:28]", v >>> 28 & 7);
        bit(s, "  [27:27]", v >>> 27 & 1, "Zone Descriptor Changed Notices %sSupported");
        reserved(s, "  [26:20]", (v & 0x7fe0000) >>> 20);
        bit(s, "  [19:19]", v >>> 19 & 1, "Allocated Namespace Attribute Notices %sSupported");
        reserved(s, "  [18:18]", v >>> 18 & 1);
        bit(s, "  [17:17]", v >>> 17 & 1, "Reachability Groups Change Notices %sSupported");
        bit(s, "  [16:16]", v >>> 16 & 1, "Temperature Threshold Hysteresis Recovery %sSupported");
        bit(s, "  [15:15]", v >>> 15 & 1, "Normal NSS Shutdown Event %sSupported");
        bit(s, "  [14:14]", v >>> 14 & 1, "Endurance Group Event Aggregate Log Page Change Notice %sSupported");
        bit(s, "  [13:13]", v >>> 13 & 1, "LBA Status Information Notices %sSupported");
        bit(s, "  [12:12]", v >>> 12 & 1, "Predictable Latency Event Aggregate Log Change Notices %sSupported");
        bit(s, "  [11:11]", v >>> 11 & 1, "Asymmetric Namespace Access Change Notices %sSupported");
        reserved(s, "  [10:10]", v >>> 10 & 1);
        bit(s, "  [9:9]", v >>> 9 & 1, "Firmware Activation Notices %sSupported");
        bit(s, "  [8:8]", v >>> 8 & 1, "Namespace Attribute Changed Event %sSupported");
        reserved(s, "  [7:0]", v & 0xFF);
        s.append(String.format("%n"));
    }

    private static void oacs(StringBuilder s, int v) {
        reserved(s, " [15:12]", v >>> 12 & 0xF);
        bit(s, "  [11:11]", v >>> 11 & 1, "Host Managed Live Migration %sSupported");
        bit(s, "  [10:10]", v >>> 10 & 1, "Lockdown Command and Feature %sSupported");
        bit(s, "  [9:9]", v >>> 9 & 1, "Get LBA Status Capability %sSupported");
        bit(s, "  [8:8]", v >>> 8 & 1, "Doorbell Buffer Config %sSupported");
        bit(s, "  [7:7]", v >>> 7 & 1, "Virtualization Management %sSupported");
        bit(s, "  [6:6]", v >>> 6 & 1, "NVMe-MI Send and Receive %sSupported");
        bit(s, "  [5:5]", v >>> 5 & 1, "Directives %sSupported");
        bit(s, "  [4:4]", v >>> 4 & 1, "Device Self-test %sSupported");
        bit(s, "  [3:3]", v >>> 3 & 1, "NS Management and Attachment %sSupported");
        bit(s, "  [2:2]", v >>> 2 & 1, "FW Commit and Download %sSupported");
        bit(s, "  [1:1]", v >>> 1 & 1, "Format NVM %sSupported");
        bit(s, "  [0:0]", v & 1, "Security Send and Receive %sSupported");
        s.append(String.format("%n"));
    }

    private static void frmw(StringBuilder s, int v) {
        reserved(s, "  [7:6]", v >>> 6 & 3);
        bit(s, "  [5:5]", v >>> 5 & 1, "Multiple FW or Boot Update Detection %sSupported");
        bit(s, "  [4:4]", v >>> 4 & 1, "Firmware Activate Without Reset %sSupported");
        s.append(String.format("  [3:1] : %s\tNumber of Firmware Slots%n", Bytes.hex(v >>> 1 & 7)));
        s.append(String.format("  [0:0] : %s\tFirmware Slot 1 Read%s%n%n", Bytes.hex(v & 1), (v & 1) != 0 ? "-Only" : "/Write"));
    }

    private static void lpa(StringBuilder s, int v) {
        reserved(s, "  [7:7]", v >>> 7 & 1);
        bit(s, "  [6:6]", v >>> 6 & 1, "Telemetry Log Data Area 4 %sSupported");
        bit(s, "  [5:5]", v >>> 5 & 1, "LID 0x0, Scope of each command in LID 0x5, 0x12, 0x13 %sSupported");
        bit(s, "  [4:4]", v >>> 4 & 1, "Persistent Event log %sSupported");
        bit(s, "  [3:3]", v >>> 3 & 1, "Telemetry host/controller initiated log page %sSupported");
        bit(s, "  [2:2]", v >>> 2 & 1, "Extended data for Get Log Page %sSupported");
        bit(s, "  [1:1]", v >>> 1 & 1, "Command Effects Log Page %sSupported");
        bit(s, "  [0:0]", v & 1, "SMART/Health Log Page per NS %sSupported");
        s.append(String.format("%n"));
    }

    /** AVSCC and ICSVSCC: whether vendor specific commands use the NVMe command format. */
    private static void formatBit(StringBuilder s, int v, String set) {
        reserved(s, "  [7:1]", v >>> 1);
        s.append(String.format("  [0:0] : %s\t%s Vendor Specific Commands uses %s Format%n%n", Bytes.hex(v & 1), set,
                (v & 1) != 0 ? "NVMe" : "Vendor Specific"));
    }

    /** A Kelvin threshold as nvme-cli shows it: Celsius, Kelvin and Fahrenheit (integer arithmetic, as in C). */
    static String degrees(int kelvin) {
        long c = kelvin - 273L;
        return String.format("%d °C (%d K, %d °F)", c, kelvin, c * 9 / 5 + 32);
    }

    private static void temperature(StringBuilder s, int kelvin, String label) {
        s.append(String.format(" [15:0] : %s\t%s%n%n", degrees(kelvin), label));
    }

    private static void rpmbs(StringBuilder s, long v) {
        s.append(String.format(" [31:24]: %s\tAccess Size%n", Bytes.hex(v >>> 24 & 0xFF)));
        s.append(String.format(" [23:16]: %s\tTotal Size%n", Bytes.hex(v >>> 16 & 0xFF)));
        reserved(s, " [15:6]", (v & 0xFFC0) >>> 6);
        s.append(String.format("  [5:3] : %s\tAuthentication Method%n", Bytes.hex(v >>> 3 & 7)));
        s.append(String.format("  [2:0] : %s\tNumber of RPMB Units%n%n", Bytes.hex(v & 7)));
    }

    private static void sanicap(StringBuilder s, long v) {
        String[] modifies = {
            "Additional media modification after sanitize operation completes successfully is not defined",
            "Media is not additionally modified after sanitize operation completes successfully",
            "Media is additionally modified after sanitize operation completes successfully",
            "Reserved"};
        int nodmmas = (int) (v >>> 30 & 3);
        s.append(String.format("  [31:30] : %s\t%s%n", Bytes.hex(nodmmas), modifies[nodmmas]));
        long ndi = v >>> 29 & 1;
        // NDI set means the No-Deallocate bit is NOT supported, hence the inverted wording.
        s.append(String.format("  [29:29] : %s\tNo-Deallocate After Sanitize bit in Sanitize command %sSupported%n",
                Bytes.hex(ndi), ndi != 0 ? "Not " : ""));
        reserved(s, "  [28:4]", (v & 0x1FFFFFF0L) >>> 4);
        bit(s, "  [3:3]", v >>> 3 & 1, "Media Verification and Post-Verification Deallocation state %sSupported");
        bit(s, "  [2:2]", v >>> 2 & 1, "Overwrite Sanitize Operation %sSupported");
        bit(s, "  [1:1]", v >>> 1 & 1, "Block Erase Sanitize Operation %sSupported");
        bit(s, "  [0:0]", v & 1, "Crypto Erase Sanitize Operation %sSupported");
        s.append(String.format("%n"));
    }

    private static void entrySize(StringBuilder s, int v, String queue) {
        int max = v >>> 4 & 0xF;
        int min = v & 0xF;
        s.append(String.format("  [7:4] : %s\tMax %s Entry Size (%d)%n", Bytes.hex(max), queue, 1 << max));
        s.append(String.format("  [3:0] : %s\tMin %s Entry Size (%d)%n%n", Bytes.hex(min), queue, 1 << min));
    }

    private static void oncs(StringBuilder s, int v) {
        reserved(s, "  [15:13]", v >>> 13);
        bit(s, "  [12:12]", v >>> 12 & 1, "Namespace Zeroes %sSupported");
        bit(s, "  [11:11]", v >>> 11 & 1, "Maximum Write Zeroes with Deallocate %sSupported");
        bit(s, "  [10:10]", v >>> 10 & 1, "All Fast Copy %sSupported");
        bit(s, "  [9:9]", v >>> 9 & 1, "Copy Single Atomicity %sSupported");
        bit(s, "  [8:8]", v >>> 8 & 1, "Copy %sSupported");
        bit(s, "  [7:7]", v >>> 7 & 1, "Verify %sSupported");
        bit(s, "  [6:6]", v >>> 6 & 1, "Timestamp %sSupported");
        bit(s, "  [5:5]", v >>> 5 & 1, "Reservations %sSupported");
        bit(s, "  [4:4]", v >>> 4 & 1, "Save and Select %sSupported");
        bit(s, "  [3:3]", v >>> 3 & 1, "Write Zeroes %sSupported");
        bit(s, "  [2:2]", v >>> 2 & 1, "Data Set Management %sSupported");
        bit(s, "  [1:1]", v >>> 1 & 1, "Write Uncorrectable %sSupported");
        bit(s, "  [0:0]", v & 1, "Compare %sSupported");
        s.append(String.format("%n"));
    }

    private static void fna(StringBuilder s, int v) {
        reserved(s, "  [7:4]", v >>> 4 & 0xF);
        long bcnsid = v >>> 3 & 1;
        s.append(String.format("  [3:3] : %s\tFormat NVM Broadcast NSID (FFFFFFFFh) %sSupported%n", Bytes.hex(bcnsid),
                bcnsid != 0 ? "Not " : ""));
        bit(s, "  [2:2]", v >>> 2 & 1, "Crypto Erase %sSupported as part of Secure Erase");
        s.append(String.format("  [1:1] : %s\tCrypto Erase Applies to %s Namespace(s)%n", Bytes.hex(v >>> 1 & 1),
                (v & 2) != 0 ? "All" : "Single"));
        s.append(String.format("  [0:0] : %s\tFormat Applies to %s Namespace(s)%n%n", Bytes.hex(v & 1),
                (v & 1) != 0 ? "All" : "Single"));
    }

    private static void vwc(StringBuilder s, int v) {
        String[] flush = {
            "Support for the NSID field set to FFFFFFFFh is not indicated",
            "Reserved",
            "The Flush command does not support NSID set to FFFFFFFFh",
            "The Flush command supports NSID set to FFFFFFFFh"};
        reserved(s, "  [7:3]", v >>> 3 & 0x1F);
        s.append(String.format("  [2:1] : %s\t%s%n", Bytes.hex(v >>> 1 & 3), flush[v >>> 1 & 3]));
        s.append(String.format("  [0:0] : %s\tVolatile Write Cache %sPresent%n%n", Bytes.hex(v & 1), (v & 1) != 0 ? "" : "Not "));
    }

    private static void sgls(StringBuilder s, long v) {
        long support = v & 3;
        reserved(s, " [31:22]", v >>> 22 & 0x3FF);
        // Each capability bit is shown when SGLs are supported, or when it is set regardless.
        sglBit(s, support, " [21:21]", v >>> 21 & 1, "Transport SGL Data Block Descriptor %sSupported");
        sglBit(s, support, " [20:20]", v >>> 20 & 1, "Address Offsets %sSupported");
        sglBit(s, support, " [19:19]", v >>> 19 & 1, "Metadata Pointer Containing SGL Descriptor is %sSupported");
        sglBit(s, support, " [18:18]", v >>> 18 & 1, "SGL Length Larger than Buffer %sSupported");
        sglBit(s, support, " [17:17]", v >>> 17 & 1, "Byte-Aligned Contig. MD Buffer %sSupported");
        sglBit(s, support, " [16:16]", v >>> 16 & 1, "SGL Bit-Bucket %sSupported");
        s.append(String.format(" [15:8] : %s\tSGL Descriptor Threshold%n", Bytes.hex(v >>> 8 & 0xFF)));
        reserved(s, " [7:3]", v >>> 3 & 0x1F);
        sglBit(s, support, "  [2:2] ", v >>> 2 & 1, "Keyed SGL Data Block descriptor %sSupported");
        s.append(switch ((int) support) {
            case 3 -> String.format("  [1:0] : %s\tReserved%n", Bytes.hex(support));
            case 2 -> String.format("  [1:0] : %s\tScatter-Gather Lists Supported. Dword alignment required.%n", Bytes.hex(support));
            case 1 -> String.format("  [1:0] : %s\tScatter-Gather Lists Supported. No Dword alignment required.%n", Bytes.hex(support));
            default -> String.format(" [1:0]  : %s\tScatter-Gather Lists Not Supported%n", Bytes.hex(support));
        });
        s.append(String.format("%n"));
    }

    private static void sglBit(StringBuilder s, long support, String bits, long v, String text) {
        if (support != 0 || v != 0) s.append(String.format("%s: %s\t%s%n", bits, Bytes.hex(v), String.format(text, v != 0 ? "" : "Not ")));
    }
}
