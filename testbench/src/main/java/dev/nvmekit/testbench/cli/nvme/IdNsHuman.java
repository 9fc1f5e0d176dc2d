package dev.nvmekit.testbench.cli.nvme;

/**
 * {@code nvme id-ns -H}: the bit fields of Identify Namespace decoded under their line, in
 * nvme-cli 2.16's wording ({@code [hi:lo] : value<TAB>meaning}, a blank line after each block).
 */
final class IdNsHuman {
    private IdNsHuman() {
    }

    /** The lines after field {@code name} (value {@code v}), or an empty string. */
    static String decode(String name, int v) {
        StringBuilder s = new StringBuilder();
        switch (name) {
            case "nsfeat" -> {
                int optperf = v >>> 4 & 3;
                line(s, "  [7:7] : %s\tNPRG, NPRA and NORS are %sSupported", v >>> 7 & 1, not(v >>> 7 & 1));
                line(s, "  [6:6] : %s\t%s Atomicity Mode applies to write operations", v >>> 6 & 1, (v & 0x40) != 0 ? "Multiple" : "Single");
                line(s, "  [5:4] : %s\tNPWG, NPWA, %s%sNPDA, and NOWS are %sSupported", optperf,
                        (optperf & 1) != 0 || optperf == 0 ? "NPDG, " : "", (optperf & 2) != 0 || optperf == 0 ? "NPDGL, " : "", not(optperf));
                line(s, "  [3:3] : %s\tNGUID and EUI64 fields if non-zero, %sReused", v >>> 3 & 1, (v & 8) != 0 ? "Never " : "");
                line(s, "  [2:2] : %s\tDeallocated or Unwritten Logical Block error %sSupported", v >>> 2 & 1, not(v >>> 2 & 1));
                line(s, "  [1:1] : %s\tNamespace uses %s", v >>> 1 & 1, (v & 2) != 0 ? "NAWUN, NAWUPF, and NACWU" : "AWUN, AWUPF, and ACWU");
                line(s, "  [0:0] : %s\tThin Provisioning %sSupported", v & 1, not(v & 1));
            }
            case "flbas" -> {
                reserved(s, "  [7:7]", v >>> 7 & 1);
                line(s, "  [6:5] : %s\tMost significant 2 bits of Current LBA Format Selected", v >>> 5 & 3);
                line(s, "  [4:4] : %s\tMetadata Transferred %s", v >>> 4 & 1, (v & 0x10) != 0 ? "at End of Data LBA" : "in Separate Contiguous Buffer");
                line(s, "  [3:0] : %s\tLeast significant 4 bits of Current LBA Format Selected", v & 0xF);
            }
            case "mc" -> {
                reserved(s, "  [7:2]", v >>> 2 & 0x3F);
                line(s, "  [1:1] : %s\tMetadata Pointer %sSupported", v >>> 1 & 1, not(v >>> 1 & 1));
                line(s, "  [0:0] : %s\tMetadata as Part of Extended Data LBA %sSupported", v & 1, not(v & 1));
            }
            case "dpc" -> {
                reserved(s, "  [7:5]", v >>> 5 & 7);
                line(s, "  [4:4] : %s\tProtection Information Transferred as Last Bytes of Metadata %sSupported", v >>> 4 & 1, not(v >>> 4 & 1));
                line(s, "  [3:3] : %s\tProtection Information Transferred as First Bytes of Metadata %sSupported", v >>> 3 & 1, not(v >>> 3 & 1));
                line(s, "  [2:2] : %s\tProtection Information Type 3 %sSupported", v >>> 2 & 1, not(v >>> 2 & 1));
                line(s, "  [1:1] : %s\tProtection Information Type 2 %sSupported", v >>> 1 & 1, not(v >>> 1 & 1));
                line(s, "  [0:0] : %s\tProtection Information Type 1 %sSupported", v & 1, not(v & 1));
            }
            case "dps" -> {
                int pit = v & 7;
                reserved(s, "  [7:4]", v >>> 4 & 0xF);
                line(s, "  [3:3] : %s\tProtection Information is Transferred as %s Bytes of Metadata", v >>> 3 & 1, (v & 8) != 0 ? "First" : "Last");
                line(s, "  [2:0] : %s\tProtection Information %s", pit,
                        pit == 0 ? "Disabled" : pit <= 3 ? "Type " + pit + " Enabled" : "Reserved Enabled");
            }
            case "nmic" -> {
                reserved(s, "  [7:2]", v >>> 2 & 0x3F);
                line(s, "  [1:1] : %s\tNamespace is %sa Dispersed Namespace", v >>> 1 & 1, not(v >>> 1 & 1));
                line(s, "  [0:0] : %s\tNamespace Multipath %sCapable", v & 1, not(v & 1));
            }
            case "rescap" -> {
                line(s, "  [7:7] : %s\tIgnore Existing Key - Used as defined in revision %s", v >>> 7 & 1,
                        (v & 0x80) != 0 ? "1.3 or later" : "1.2.1 or earlier");
                line(s, "  [6:6] : %s\tExclusive Access - All Registrants %sSupported", v >>> 6 & 1, not(v >>> 6 & 1));
                line(s, "  [5:5] : %s\tWrite Exclusive - All Registrants %sSupported", v >>> 5 & 1, not(v >>> 5 & 1));
                line(s, "  [4:4] : %s\tExclusive Access - Registrants Only %sSupported", v >>> 4 & 1, not(v >>> 4 & 1));
                line(s, "  [3:3] : %s\tWrite Exclusive - Registrants Only %sSupported", v >>> 3 & 1, not(v >>> 3 & 1));
                line(s, "  [2:2] : %s\tExclusive Access %sSupported", v >>> 2 & 1, not(v >>> 2 & 1));
                line(s, "  [1:1] : %s\tWrite Exclusive %sSupported", v >>> 1 & 1, not(v >>> 1 & 1));
                line(s, "  [0:0] : %s\tPersist Through Power Loss %sSupported", v & 1, not(v & 1));
            }
            case "fpi" -> {
                line(s, "  [7:7] : %s\tFormat Progress Indicator %sSupported", v >>> 7 & 1, not(v >>> 7 & 1));
                if ((v & 0xFF) != 0) s.append(String.format("  [6:0] : %s\tFormat Progress Indicator (Remaining %d%%)%n", Bytes.hex(v & 0x7F), v & 0x7F));
            }
            case "dlfeat" -> {
                int val = v & 7;
                reserved(s, "  [7:5]", v >>> 5 & 7);
                line(s, "  [4:4] : %s\tGuard Field of Deallocated Logical Blocks is set to %s", v >>> 4 & 1,
                        (v & 0x10) != 0 ? "CRC of The Value Read" : "0xFFFF");
                line(s, "  [3:3] : %s\tDeallocate Bit in the Write Zeroes Command is %sSupported", v >>> 3 & 1, not(v >>> 3 & 1));
                line(s, "  [2:0] : %s\tBytes Read From a Deallocated Logical Block and its Metadata are %s", val,
                        val == 2 ? "0xFF" : val == 1 ? "0x00" : val == 0 ? "Not Reported" : "Reserved Value");
            }
            default -> {
                return "";
            }
        }
        return s.append(String.format("%n")).toString();
    }

    private static String not(int bit) {
        return bit != 0 ? "" : "Not ";
    }

    /** A decoded line; the first argument is the field's value, printed as C's {@code %#x}. */
    private static void line(StringBuilder s, String format, int value, Object... rest) {
        Object[] args = new Object[rest.length + 1];
        args[0] = Bytes.hex(value);
        System.arraycopy(rest, 0, args, 1, rest.length);
        s.append(String.format(format, args)).append(String.format("%n"));
    }

    private static void reserved(StringBuilder s, String bits, int v) {
        if (v != 0) s.append(String.format("%s : %s\tReserved%n", bits, Bytes.hex(v)));
    }
}
