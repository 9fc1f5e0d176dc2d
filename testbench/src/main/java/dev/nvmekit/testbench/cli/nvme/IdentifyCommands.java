package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.IdentifyCns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code nvme id-ns} and {@code ns-descs}: the Identify data structures of a namespace, as nvme-cli 2.16 prints them. */
final class IdentifyCommands {
    private IdentifyCommands() {
    }

    /** {@code nvme id-ns}: Identify Namespace (CNS 00h) for the device's or {@code -n}'s namespace. */
    @Command(name = "id-ns", mixinStandardHelpOptions = true, description = "Send Identify Namespace and show the result.")
    static final class IdNs extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace to identify (0xffffffff: capabilities common to all namespaces)")
        Integer nsid;

        @Option(names = {"-H", "--human-readable"}, description = "decode the bit fields, sizes and LBA formats")
        boolean human;

        @Option(names = {"-b", "--raw-binary"}, description = "write the data structure to stdout as raw bytes")
        boolean raw;

        int id;

        @Override
        void checkOptions() {
            id = device.namespaceId(nsid, "id-ns");
        }


        @Override
        void run(DeviceSession d, PrintWriter out) {
            byte[] b = ListCommands.identify(d, IdentifyCns.NAMESPACE, id);
            if (raw) {
                writeRaw(out, b);
                return;
            }
            int nsfeat = Bytes.u8(b, 24);
            int nlbaf = Bytes.u8(b, 25);
            int flbas = Bytes.u8(b, 26);
            int nulbaf = Bytes.u8(b, 82);
            // FLBAS bits 3:0 and 6:5 together index the format in use (nvme_id_ns_flbas_to_lbaf_inuse).
            int inUse = (flbas & 0xF) | (flbas & 0x60) >>> 1;
            if (json()) {
                Json j = new Json().putU64("nsze", u64(b, 0)).putU64("ncap", u64(b, 8)).putU64("nuse", u64(b, 16))
                        .put("nsfeat", nsfeat).put("nlbaf", nlbaf).put("flbas", flbas);
                for (String f : List.of("mc:27", "dpc:28", "dps:29", "nmic:30", "rescap:31", "fpi:32", "dlfeat:33")) {
                    j.put(f.substring(0, f.indexOf(':')), Bytes.u8(b, Integer.parseInt(f.substring(f.indexOf(':') + 1))));
                }
                for (String f : List.of("nawun:34", "nawupf:36", "nacwu:38", "nabsn:40", "nabo:42", "nabspf:44", "noiob:46")) {
                    j.put(f.substring(0, f.indexOf(':')), Bytes.u16(b, Integer.parseInt(f.substring(f.indexOf(':') + 1))));
                }
                j.put("nvmcap", Bytes.unsigned(b, 48, 16));
                if ((nsfeat & 0x30) != 0) {
                    j.put("npwg", Bytes.u16(b, 64)).put("npwa", Bytes.u16(b, 66));
                    if ((nsfeat & 0x10) != 0) j.put("npdg", Bytes.u16(b, 68));
                    j.put("npda", Bytes.u16(b, 70)).put("nows", Bytes.u16(b, 72));
                }
                j.put("mssrl", Bytes.u16(b, 74)).put("mcl", Bytes.u32(b, 76)).put("msrc", Bytes.u8(b, 80))
                        .put("kpios", Bytes.u8(b, 81)).put("nulbaf", nulbaf).put("kpiodaag", Bytes.u32(b, 84))
                        .put("anagrpid", Bytes.u32(b, 92)).put("nsattr", Bytes.u8(b, 99)).put("nvmsetid", Bytes.u16(b, 100))
                        .put("endgid", Bytes.u16(b, 102)).put("nguid", hexBytes(b, 104, 16)).put("eui64", hexBytes(b, 120, 8));
                List<Object> lbafs = Json.array();
                for (int i = 0; i <= nlbaf; i++) {
                    int o = 128 + 4 * i;
                    lbafs.add(new Json().put("lbaf", i).put("ms", Bytes.u16(b, o)).put("ds", Bytes.u8(b, o + 2))
                            .put("rp", Bytes.u8(b, o + 3) & 3).put("in_use", i == inUse ? 1 : 0));
                }
                // The vendor specific area as dumped text lines; empty when it holds no text, as here.
                out.println(j.put("lbafs", lbafs).put("vs", Json.array()));
                return;
            }
            out.printf("NVME Identify Namespace %d:%n", id);
            if (human) {
                out.printf("nsze    : %s\tTotal size in logical blocks%n", Bytes.hex(u64(b, 0)));
                out.printf("ncap    : %s\tMaximum size in logical blocks%n", Bytes.hex(u64(b, 8)));
                out.printf("nuse    : %s\tCurrent size in logical blocks%n", Bytes.hex(u64(b, 16)));
            } else {
                out.printf("nsze    : %s%n", Bytes.hex(u64(b, 0)));
                out.printf("ncap    : %s%n", Bytes.hex(u64(b, 8)));
                out.printf("nuse    : %s%n", Bytes.hex(u64(b, 16)));
            }
            out.printf("nsfeat  : %s%n", Bytes.hex(nsfeat));
            if (human) out.print(IdNsHuman.decode("nsfeat", nsfeat));
            out.printf("nlbaf   : %d%n", nlbaf);
            out.printf("flbas   : %s%n", Bytes.hex(flbas));
            if (human) out.print(IdNsHuman.decode("flbas", flbas));
            out.printf("mc      : %s%n", Bytes.hex(Bytes.u8(b, 27)));
            if (human) out.print(IdNsHuman.decode("mc", Bytes.u8(b, 27)));
            out.printf("dpc     : %s%n", Bytes.hex(Bytes.u8(b, 28)));
            if (human) out.print(IdNsHuman.decode("dpc", Bytes.u8(b, 28)));
            out.printf("dps     : %s%n", Bytes.hex(Bytes.u8(b, 29)));
            if (human) out.print(IdNsHuman.decode("dps", Bytes.u8(b, 29)));
            out.printf("nmic    : %s%n", Bytes.hex(Bytes.u8(b, 30)));
            if (human) out.print(IdNsHuman.decode("nmic", Bytes.u8(b, 30)));
            out.printf("rescap  : %s%n", Bytes.hex(Bytes.u8(b, 31)));
            if (human) out.print(IdNsHuman.decode("rescap", Bytes.u8(b, 31)));
            out.printf("fpi     : %s%n", Bytes.hex(Bytes.u8(b, 32)));
            if (human) out.print(IdNsHuman.decode("fpi", Bytes.u8(b, 32)));
            out.printf("dlfeat  : %d%n", Bytes.u8(b, 33));
            if (human) out.print(IdNsHuman.decode("dlfeat", Bytes.u8(b, 33)));
            out.printf("nawun   : %d%n", Bytes.u16(b, 34));
            out.printf("nawupf  : %d%n", Bytes.u16(b, 36));
            out.printf("nacwu   : %d%n", Bytes.u16(b, 38));
            out.printf("nabsn   : %d%n", Bytes.u16(b, 40));
            out.printf("nabo    : %d%n", Bytes.u16(b, 42));
            out.printf("nabspf  : %d%n", Bytes.u16(b, 44));
            out.printf("noiob   : %d%n", Bytes.u16(b, 46));
            out.printf("nvmcap  : %s%n", Bytes.unsigned(b, 48, 16));
            if ((nsfeat & 0x30) != 0) { // NPWG..NOWS are valid only with NSFEAT OPTPERF set
                out.printf("npwg    : %d%n", Bytes.u16(b, 64));
                out.printf("npwa    : %d%n", Bytes.u16(b, 66));
                if ((nsfeat & 0x10) != 0) out.printf("npdg    : %d%n", Bytes.u16(b, 68));
                out.printf("npda    : %d%n", Bytes.u16(b, 70));
                out.printf("nows    : %d%n", Bytes.u16(b, 72));
            }
            out.printf("mssrl   : %d%n", Bytes.u16(b, 74));
            out.printf("mcl     : %d%n", Bytes.u32(b, 76));
            out.printf("msrc    : %d%n", Bytes.u8(b, 80));
            out.printf("kpios   : %d%n", Bytes.u8(b, 81));
            out.printf("nulbaf  : %d%n", nulbaf);
            out.printf("kpiodaag: %d%n", Bytes.u32(b, 84));
            out.printf("anagrpid: %d%n", Bytes.u32(b, 92));
            out.printf("nsattr\t: %d%n", Bytes.u8(b, 99));
            out.printf("nvmsetid: %d%n", Bytes.u16(b, 100));
            out.printf("endgid  : %d%n", Bytes.u16(b, 102));
            out.printf("nguid   : %s%n", hexBytes(b, 104, 16));
            out.printf("eui64   : %s%n", hexBytes(b, 120, 8));
            for (int i = 0; i <= nlbaf + nulbaf && i < 64; i++) {
                int o = 128 + 4 * i;
                int ms = Bytes.u16(b, o);
                int ds = Bytes.u8(b, o + 2);
                int rp = Bytes.u8(b, o + 3) & 3;
                String used = i == inUse ? "(in use)" : "";
                if (human) {
                    out.printf("LBA Format %2d : Metadata Size: %-3d bytes - Data Size: %-2d bytes - Relative Performance: %s %s %s%n",
                            i, ms, 1L << ds, Bytes.hex(rp), RELATIVE_PERFORMANCE[rp], used);
                } else {
                    out.printf("lbaf %2d : ms:%-3d lbads:%-2d rp:%s %s%n", i, ms, ds, Bytes.hex(rp), used);
                }
            }
        }

        private static final String[] RELATIVE_PERFORMANCE = {"Best", "Better", "Good", "Degraded"};
    }

    static long u64(byte[] b, int off) {
        return Bytes.u32(b, off) | Bytes.u32(b, off + 4) << 32;
    }

    /** Bytes as nvme-cli prints NGUID and EUI64: two hex digits each, in memory order. */
    static String hexBytes(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) s.append(String.format("%02x", Bytes.u8(b, off + i)));
        return s.toString();
    }

    /** {@code nvme ns-descs}: the Namespace Identification Descriptor list (CNS 03h). */
    @Command(name = "ns-descs", mixinStandardHelpOptions = true, description = "Send Identify for the namespace identification descriptors.")
    static final class NsDescs extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, description = "namespace")
        Integer nsid;

        @Option(names = {"-v", "--verbose"}, description = "show each descriptor's location, type and length")
        boolean verbose;

        @Option(names = {"-b", "--raw-binary"}, description = "write the list to stdout as raw bytes")
        boolean raw;

        int id;

        @Override
        void checkOptions() {
            id = device.namespaceId(nsid, "ns-descs");
        }


        @Override
        void run(DeviceSession d, PrintWriter out) {
            byte[] b = ListCommands.identify(d, IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, id);
            if (raw) {
                writeRaw(out, b);
                return;
            }
            List<Object> list = Json.array();
            if (!json()) out.printf("NVME Namespace Identification Descriptors NS %d:%n", id);
            // Each descriptor: NIDT, NIDL, two reserved bytes, then NIDL bytes of identifier (NVMe 2.1, 5.1.13.2.3).
            for (int pos = 0; pos + 4 <= b.length; ) {
                int nidt = Bytes.u8(b, pos);
                int nidl = Bytes.u8(b, pos + 1);
                if (nidl == 0) break;
                String type;
                String value;
                switch (nidt) {
                    case 1 -> { type = "eui64"; value = hexBytes(b, pos + 4, 8); }
                    case 2 -> { type = "nguid"; value = hexBytes(b, pos + 4, 16); }
                    case 3 -> { type = "uuid"; value = uuid(b, pos + 4); }
                    case 4 -> { type = "csi"; value = Bytes.hex(Bytes.u8(b, pos + 4)); }
                    default -> { type = null; value = null; }
                }
                if (type != null && json()) {
                    list.add(new Json().put("loc", pos).put("nidt", nidt).put("nidl", nidl).put("Type", type).put(type, value));
                } else if (type != null) {
                    if (verbose) out.printf("loc     : %d%nnidt    : %d%nnidl    : %d%ntype    : %s%n", pos, nidt, nidl, type);
                    out.printf("%-8s: %s%n", type, value);
                }
                pos += 4 + nidl;
            }
            if (json()) out.println(list.isEmpty() ? new Json() : new Json().put("ns-descs", list));
        }

        private static String uuid(byte[] b, int off) {
            String h = hexBytes(b, off, 16);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        }
    }
}
