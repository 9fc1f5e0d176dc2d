package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.nvme.LbaFormat;
import dev.nvmekit.testbench.nvme.NamespaceIdentificationDescriptor;
import dev.nvmekit.testbench.nvme.NamespaceIdentificationDescriptorList;
import dev.nvmekit.testbench.nvme.PowerStateDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code nvme id-ctrl}, {@code id-ns} and {@code ns-descs}: the Identify data structures. */
final class IdentifyCommands {
    private IdentifyCommands() {
    }

    /** {@code nvme id-ctrl}: Identify Controller (CNS 01h), every field nvme-cli prints, then the power states. */
    @Command(name = "id-ctrl", mixinStandardHelpOptions = true, description = "Send Identify Controller and show the result.")
    static final class IdCtrl extends OnDevice {
        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            byte[] b = ListCommands.identify(d, IdentifyCns.CONTROLLER, 0);
            List<PowerStateDescriptor> psds = IdentifyController.parse(b).powerStates();
            if (json()) {
                Json j = new Json();
                for (IdCtrlFields.Field f : IdCtrlFields.FIELDS) j.put(f.name(), f.json(b));
                List<Object> ps = Json.array();
                for (PowerStateDescriptor p : psds) {
                    ps.add(new Json().put("max_power", p.maxPower()).put("max_power_scale", p.mxps() ? 1 : 0)
                            .put("non-operational_state", p.nops() ? 1 : 0).putU32("entry_lat", p.enlat())
                            .putU32("exit_lat", p.exlat()).put("read_tput", p.rrt()).put("read_lat", p.rrl())
                            .put("write_tput", p.rwt()).put("write_lat", p.rwl()).put("idle_power", p.idlp())
                            .put("idle_scale", p.ips()).put("active_power", p.actp()).put("active_power_work", p.apw())
                            .put("active_scale", p.aps()));
                }
                out.println(j.put("psds", ps));
                return;
            }
            out.println("NVME Identify Controller:");
            for (IdCtrlFields.Field f : IdCtrlFields.FIELDS) out.printf("%-10s: %s%n", f.name(), f.text(b));
            for (int i = 0; i < psds.size(); i++) {
                PowerStateDescriptor p = psds.get(i);
                out.printf("ps %4d : mp:%s %soperational enlat:%d exlat:%d rrt:%d rrl:%d%n", i, power(p.maxPower(), p.mxps() ? 4 : 2),
                        p.nops() ? "non-" : "", Integer.toUnsignedLong(p.enlat()), Integer.toUnsignedLong(p.exlat()), p.rrt(), p.rrl());
                out.printf("          rwt:%d rwl:%d idle_power:%s active_power:%s%n", p.rwt(), p.rwl(),
                        scaled(p.idlp(), p.ips()), scaled(p.actp(), p.aps()));
                out.printf("          active_power_workload:%s%n", p.actp() == 0 ? "-" : Integer.toString(p.apw()));
            }
        }

        /** Power in 0.01 W (or 0.0001 W with MXPS) units, printed as watts. */
        private static String power(int value, int decimals) {
            int scale = decimals == 4 ? 10_000 : 100;
            return String.format("%d.%0" + decimals + "dW", value / scale, value % scale);
        }

        /** Idle/active power with its 2-bit scale (01b 0.0001 W, 10b 0.01 W); "-" when not reported. */
        private static String scaled(int value, int scale) {
            return switch (scale) {
                case 1 -> power(value, 4);
                case 2 -> power(value, 2);
                default -> "-";
            };
        }
    }

    /** {@code nvme id-ns}: Identify Namespace (CNS 00h) for the device's or {@code -n}'s namespace. */
    @Command(name = "id-ns", mixinStandardHelpOptions = true, description = "Send Identify Namespace and show the result.")
    static final class IdNs extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace to identify (0xffffffff: capabilities common to all namespaces)")
        Integer nsid;

        int id;

        @Override
        void checkOptions() {
            id = device.namespaceId(nsid, "id-ns");
        }

        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            IdentifyNamespace ns = IdentifyNamespace.parse(ListCommands.identify(d, IdentifyCns.NAMESPACE, id));
            if (json()) {
                Json j = new Json().putU64("nsze", ns.nsze()).putU64("ncap", ns.ncap()).putU64("nuse", ns.nuse())
                        .put("nsfeat", ns.nsfeat()).put("nlbaf", ns.nlbaf()).put("flbas", ns.flbas()).put("mc", ns.mc())
                        .put("dpc", ns.dpc()).put("dps", ns.dps()).put("nmic", ns.nmic()).put("rescap", ns.rescap())
                        .put("fpi", ns.fpi()).put("dlfeat", ns.dlfeat()).put("nawun", ns.nawun()).put("nawupf", ns.nawupf())
                        .put("nacwu", ns.nacwu()).put("nabsn", ns.nabsn()).put("nabo", ns.nabo()).put("nabspf", ns.nabspf())
                        .put("noiob", ns.noiob()).put("nvmcap", ns.nvmcap()).put("mssrl", ns.mssrl()).putU32("mcl", ns.mcl())
                        .put("msrc", ns.msrc()).put("nulbaf", 0).putU32("anagrpid", ns.anagrpid()).put("nsattr", ns.nsattr())
                        .put("nvmsetid", ns.nvmsetid()).put("endgid", ns.endgid()).put("nguid", ns.nguid())
                        .put("eui64", ns.eui64());
                List<Object> lbafs = Json.array();
                for (LbaFormat f : ns.lbaFormats()) lbafs.add(new Json().put("ms", f.ms()).put("ds", f.lbads()).put("rp", f.rp()));
                out.println(j.put("lbafs", lbafs));
                return;
            }
            out.printf("NVME Identify Namespace %d:%n", Integer.toUnsignedLong(id));
            row(out, "nsze", Bytes.hex(ns.nsze()));
            row(out, "ncap", Bytes.hex(ns.ncap()));
            row(out, "nuse", Bytes.hex(ns.nuse()));
            row(out, "nsfeat", Bytes.hex(ns.nsfeat()));
            row(out, "nlbaf", ns.nlbaf());
            row(out, "flbas", Bytes.hex(ns.flbas()));
            row(out, "mc", Bytes.hex(ns.mc()));
            row(out, "dpc", Bytes.hex(ns.dpc()));
            row(out, "dps", Bytes.hex(ns.dps()));
            row(out, "nmic", Bytes.hex(ns.nmic()));
            row(out, "rescap", Bytes.hex(ns.rescap()));
            row(out, "fpi", Bytes.hex(ns.fpi()));
            row(out, "dlfeat", ns.dlfeat());
            row(out, "nawun", ns.nawun());
            row(out, "nawupf", ns.nawupf());
            row(out, "nacwu", ns.nacwu());
            row(out, "nabsn", ns.nabsn());
            row(out, "nabo", ns.nabo());
            row(out, "nabspf", ns.nabspf());
            row(out, "noiob", ns.noiob());
            row(out, "nvmcap", ns.nvmcap());
            if ((ns.nsfeat() & 0x10) != 0) { // NPWG..NOWS are valid only with NSFEAT bit 4 (OPTPERF)
                row(out, "npwg", ns.npwg());
                row(out, "npwa", ns.npwa());
                row(out, "npdg", ns.npdg());
                row(out, "npda", ns.npda());
                row(out, "nows", ns.nows());
            }
            row(out, "mssrl", ns.mssrl());
            row(out, "mcl", Integer.toUnsignedLong(ns.mcl()));
            row(out, "msrc", ns.msrc());
            row(out, "nulbaf", 0);
            row(out, "anagrpid", Integer.toUnsignedLong(ns.anagrpid()));
            row(out, "nsattr", ns.nsattr());
            row(out, "nvmsetid", ns.nvmsetid());
            row(out, "endgid", ns.endgid());
            row(out, "nguid", ns.nguid());
            row(out, "eui64", ns.eui64());
            for (int i = 0; i < ns.lbaFormats().size(); i++) {
                LbaFormat f = ns.lbaFormats().get(i);
                out.printf("lbaf %2d : ms:%-3d lbads:%-2d rp:%s%s%n", i, f.ms(), f.lbads(), Bytes.hex(f.rp()),
                        i == ns.formattedLbaIndex() ? " (in use)" : "");
            }
        }

        private static void row(PrintWriter out, String name, Object value) {
            out.printf("%-8s: %s%n", name, value);
        }
    }

    /** {@code nvme ns-descs}: the Namespace Identification Descriptor list (CNS 03h). */
    @Command(name = "ns-descs", mixinStandardHelpOptions = true, description = "Send Identify for the namespace identification descriptors.")
    static final class NsDescs extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class, description = "namespace")
        Integer nsid;

        int id;

        @Override
        void checkOptions() {
            id = device.namespaceId(nsid, "ns-descs");
        }

        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            var list = NamespaceIdentificationDescriptorList.parse(
                    ListCommands.identify(d, IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, id)).descriptors();
            Json j = new Json();
            if (!json()) out.printf("NVME Namespace Identification Descriptors NS %d:%n", Integer.toUnsignedLong(id));
            for (NamespaceIdentificationDescriptor desc : list) {
                String key;
                Object value;
                switch (desc) {
                    case NamespaceIdentificationDescriptor.Eui64 e -> { key = "eui64"; value = e.hex(); }
                    case NamespaceIdentificationDescriptor.Nguid n -> { key = "nguid"; value = n.hex(); }
                    case NamespaceIdentificationDescriptor.Uuid u -> { key = "uuid"; value = u.uuid().toString(); }
                    case NamespaceIdentificationDescriptor.CommandSetIdentifier c -> { key = "csi"; value = c.csi(); }
                    case NamespaceIdentificationDescriptor.Other o -> { key = "type" + o.type(); value = o.hex(); }
                }
                if (json()) j.put(key, value);
                else out.printf("%-8s: %s%n", key, value);
            }
            if (json()) out.println(j);
        }
    }
}
