package dev.nvmekit.testbench.cli.nvme;

import java.math.BigInteger;
import java.util.List;

/**
 * The Identify Controller fields nvme-cli's {@code id-ctrl} prints, in its order, with each
 * field's byte offset and size (NVMe Base Specification 2.1, the Identify Controller data structure) and how nvme-cli shows
 * it: hexadecimal with C's {@code %#x}, decimal, a space-padded string, the IEEE OUI, or a 128-bit
 * byte count.
 */
final class IdCtrlFields {
    enum Kind { HEX, DEC, STRING, IEEE, U128, UUID }

    record Field(String name, int offset, int size, Kind kind) {
        /** The value as the normal output prints it. */
        String text(byte[] b) {
            return switch (kind) {
                case HEX -> Bytes.hex(value(b));
                case DEC -> Long.toUnsignedString(value(b));
                case STRING -> Bytes.ascii(b, offset, size);
                case IEEE -> String.format("%02x%02x%02x", Bytes.u8(b, offset + 2), Bytes.u8(b, offset + 1), Bytes.u8(b, offset));
                case U128 -> Bytes.unsigned(b, offset, 16).toString();
                case UUID -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < 16; i++) {
                        if (i == 4 || i == 6 || i == 8 || i == 10) s.append('-');
                        s.append(String.format("%02x", Bytes.u8(b, offset + i)));
                    }
                    yield s.toString();
                }
            };
        }

        /** The value as the JSON output holds it: a number, or a string for the text fields. */
        Object json(byte[] b) {
            return switch (kind) {
                case HEX, DEC -> value(b);
                case STRING -> Bytes.ascii(b, offset, size);
                case IEEE -> (long) (Bytes.u8(b, offset) | Bytes.u8(b, offset + 1) << 8 | Bytes.u8(b, offset + 2) << 16);
                case U128 -> (Object) Bytes.unsigned(b, offset, 16);
                case UUID -> text(b);
            };
        }

        long value(byte[] b) {
            return switch (size) {
                case 1 -> Bytes.u8(b, offset);
                case 2 -> Bytes.u16(b, offset);
                case 4 -> Bytes.u32(b, offset);
                default -> Bytes.unsigned(b, offset, size).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            };
        }
    }

    private static Field f(String name, int offset, int size, Kind kind) {
        return new Field(name, offset, size, kind);
    }

    /** In nvme-cli 2.16's order (its {@code id-ctrl} printers), offsets from libnvme's {@code struct nvme_id_ctrl}. */
    static final List<Field> FIELDS = List.of(
            f("vid", 0, 2, Kind.HEX), f("ssvid", 2, 2, Kind.HEX), f("sn", 4, 20, Kind.STRING),
            f("mn", 24, 40, Kind.STRING), f("fr", 64, 8, Kind.STRING), f("rab", 72, 1, Kind.DEC),
            f("ieee", 73, 3, Kind.IEEE), f("cmic", 76, 1, Kind.HEX), f("mdts", 77, 1, Kind.DEC),
            f("cntlid", 78, 2, Kind.HEX), f("ver", 80, 4, Kind.HEX), f("rtd3r", 84, 4, Kind.HEX),
            f("rtd3e", 88, 4, Kind.HEX), f("oaes", 92, 4, Kind.HEX), f("ctratt", 96, 4, Kind.HEX),
            f("rrls", 100, 2, Kind.HEX), f("bpcap", 102, 1, Kind.HEX), f("nssl", 104, 4, Kind.HEX),
            f("plsi", 110, 1, Kind.DEC), f("cntrltype", 111, 1, Kind.DEC), f("fguid", 112, 16, Kind.UUID),
            f("crdt1", 128, 2, Kind.DEC), f("crdt2", 130, 2, Kind.DEC), f("crdt3", 132, 2, Kind.DEC),
            f("crcap", 134, 1, Kind.DEC), f("nvmsr", 253, 1, Kind.DEC), f("vwci", 254, 1, Kind.DEC),
            f("mec", 255, 1, Kind.DEC), f("oacs", 256, 2, Kind.HEX), f("acl", 258, 1, Kind.DEC),
            f("aerl", 259, 1, Kind.DEC), f("frmw", 260, 1, Kind.HEX), f("lpa", 261, 1, Kind.HEX),
            f("elpe", 262, 1, Kind.DEC), f("npss", 263, 1, Kind.DEC), f("avscc", 264, 1, Kind.HEX),
            f("apsta", 265, 1, Kind.HEX), f("wctemp", 266, 2, Kind.DEC), f("cctemp", 268, 2, Kind.DEC),
            f("mtfa", 270, 2, Kind.DEC), f("hmpre", 272, 4, Kind.DEC), f("hmmin", 276, 4, Kind.DEC),
            f("tnvmcap", 280, 16, Kind.U128), f("unvmcap", 296, 16, Kind.U128), f("rpmbs", 312, 4, Kind.HEX),
            f("edstt", 316, 2, Kind.DEC), f("dsto", 318, 1, Kind.DEC), f("fwug", 319, 1, Kind.DEC),
            f("kas", 320, 2, Kind.DEC), f("hctma", 322, 2, Kind.HEX), f("mntmt", 324, 2, Kind.DEC),
            f("mxtmt", 326, 2, Kind.DEC), f("sanicap", 328, 4, Kind.HEX), f("hmminds", 332, 4, Kind.DEC),
            f("hmmaxd", 336, 2, Kind.DEC), f("nsetidmax", 338, 2, Kind.DEC), f("endgidmax", 340, 2, Kind.DEC),
            f("anatt", 342, 1, Kind.DEC), f("anacap", 343, 1, Kind.DEC), f("anagrpmax", 344, 4, Kind.DEC),
            f("nanagrpid", 348, 4, Kind.DEC), f("pels", 352, 4, Kind.DEC), f("domainid", 356, 2, Kind.DEC),
            f("kpioc", 358, 1, Kind.DEC), f("mptfawr", 360, 2, Kind.DEC), f("megcap", 368, 16, Kind.U128),
            f("tmpthha", 384, 1, Kind.HEX), f("cqt", 386, 2, Kind.DEC), f("sqes", 512, 1, Kind.HEX),
            f("cqes", 513, 1, Kind.HEX), f("maxcmd", 514, 2, Kind.DEC), f("nn", 516, 4, Kind.DEC),
            f("oncs", 520, 2, Kind.HEX), f("fuses", 522, 2, Kind.HEX), f("fna", 524, 1, Kind.HEX),
            f("vwc", 525, 1, Kind.HEX), f("awun", 526, 2, Kind.DEC), f("awupf", 528, 2, Kind.DEC),
            f("icsvscc", 530, 1, Kind.DEC), f("nwpc", 531, 1, Kind.DEC), f("acwu", 532, 2, Kind.DEC),
            f("ocfs", 534, 2, Kind.HEX), f("sgls", 536, 4, Kind.HEX), f("mnan", 540, 4, Kind.DEC),
            f("maxdna", 544, 16, Kind.U128), f("maxcna", 560, 4, Kind.DEC), f("oaqd", 564, 4, Kind.DEC),
            f("rhiri", 568, 1, Kind.DEC), f("hirt", 569, 1, Kind.DEC), f("cmmrtd", 570, 2, Kind.DEC),
            f("nmmrtd", 572, 2, Kind.DEC), f("minmrtg", 574, 1, Kind.DEC), f("maxmrtg", 575, 1, Kind.DEC),
            f("trattr", 576, 1, Kind.DEC), f("mcudmq", 578, 2, Kind.DEC), f("mnsudmq", 580, 2, Kind.DEC),
            f("mcmr", 582, 2, Kind.DEC), f("nmcmr", 584, 2, Kind.DEC), f("mcdqpc", 586, 2, Kind.DEC),
            f("subnqn", 768, 256, Kind.STRING), f("ioccsz", 1792, 4, Kind.DEC), f("iorcsz", 1796, 4, Kind.DEC),
            f("icdoff", 1800, 2, Kind.DEC), f("fcatt", 1802, 1, Kind.HEX), f("msdbd", 1803, 1, Kind.DEC),
            f("ofcs", 1804, 2, Kind.DEC));

    private IdCtrlFields() {
    }
}
