package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.IdentifyCns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code nvme id-ctrl}: Identify Controller (CNS 01h), every field nvme-cli 2.16 prints in its
 * order and format, then the power state descriptors; {@code -H} decodes the bit fields,
 * {@code -b} writes the 4096 bytes as they came, {@code -o json} uses nvme-cli's keys.
 */
@Command(name = "id-ctrl", mixinStandardHelpOptions = true, description = "Send Identify Controller and show the result.")
final class IdCtrlCommand extends OnDevice {
    /** The power state descriptors start at byte 2048, 32 bytes each. */
    private static final int PSD = 2048;
    private static final String[] TIME_SCALE = {"1 microsecond", "10 microseconds", "100 microseconds", "1 millisecond",
        "10 milliseconds", "100 milliseconds", "1 second", "10 seconds", "100 seconds", "1,000 seconds", "10,000 seconds",
        "100,000 seconds", "1,000,000 seconds"};

    @Option(names = {"-H", "--human-readable"}, description = "decode the bit fields")
    boolean human;

    @Option(names = {"-b", "--raw-binary"}, description = "write the data structure to stdout as raw bytes")
    boolean raw;


    @Override
    void run(DeviceSession d, PrintWriter out) {
        byte[] b = ListCommands.identify(d, IdentifyCns.CONTROLLER, 0);
        if (raw) {
            writeRaw(out, b);
            return;
        }
        int npss = Bytes.u8(b, 263);
        if (json()) {
            Json j = new Json();
            for (IdCtrlFields.Field f : IdCtrlFields.FIELDS) {
                // nvme-cli leaves out an empty subsystem NQN.
                if (f.name().equals("subnqn") && Bytes.ascii(b, f.offset(), f.size()).isEmpty()) continue;
                j.put(f.name(), f.json(b));
            }
            List<Object> psds = Json.array();
            for (int i = 0; i <= npss; i++) psds.add(powerStateJson(b, PSD + 32 * i));
            out.println(j.put("psds", psds));
            return;
        }
        out.println("NVME Identify Controller:");
        for (IdCtrlFields.Field f : IdCtrlFields.FIELDS) {
            out.printf("%-10s: %s%n", f.name(), f.text(b));
            if (human) out.print(IdCtrlHuman.decode(f.name(), b));
        }
        for (int i = 0; i <= npss; i++) powerState(out, b, i, PSD + 32 * i);
    }

    private static Json powerStateJson(byte[] b, int o) {
        int flags = Bytes.u8(b, o + 3);
        return new Json().put("max_power", Bytes.u16(b, o)).put("max_power_scale", flags & 1)
                .put("non-operational_state", flags >>> 1 & 1).put("entry_lat", Bytes.u32(b, o + 4))
                .put("exit_lat", Bytes.u32(b, o + 8)).put("read_tput", Bytes.u8(b, o + 12)).put("read_lat", Bytes.u8(b, o + 13))
                .put("write_tput", Bytes.u8(b, o + 14)).put("write_lat", Bytes.u8(b, o + 15))
                .put("idle_power", Bytes.u16(b, o + 16)).put("idle_scale", Bytes.u8(b, o + 18) >>> 6)
                .put("active_power", Bytes.u16(b, o + 20)).put("active_power_work", Bytes.u8(b, o + 22) & 7)
                .put("active_scale", Bytes.u8(b, o + 22) >>> 6)
                .put("emerg_power_fail_recover_time", Bytes.u8(b, o + 23))
                .put("emerg_power_fail_recover_scale", Bytes.u8(b, o + 26) & 0xF)
                .put("force_quiesce_vault_time", Bytes.u8(b, o + 24))
                .put("force_quiesce_vault_scale", Bytes.u8(b, o + 26) >>> 4)
                .put("emerg_power_fail_vault_time", Bytes.u8(b, o + 25))
                .put("emerg_power_fail_vault_scale", Bytes.u8(b, o + 27) & 0xF);
    }

    /** nvme-cli's {@code stdout_id_ctrl_power} for descriptor {@code i} at offset {@code o}. */
    private static void powerState(PrintWriter out, byte[] b, int i, int o) {
        int mp = Bytes.u16(b, o);
        int flags = Bytes.u8(b, o + 3);
        out.printf("ps   %4d : mp:%s %soperational enlat:%d exlat:%d rrt:%d rrl:%d%n", i,
                (flags & 1) != 0 ? watts(mp, 4) : watts(mp, 2), (flags & 2) != 0 ? "non-" : "",
                Bytes.u32(b, o + 4), Bytes.u32(b, o + 8), Bytes.u8(b, o + 12), Bytes.u8(b, o + 13));
        out.printf("            rwt:%d rwl:%d idle_power:%s active_power:%s%n", Bytes.u8(b, o + 14), Bytes.u8(b, o + 15),
                scaled(Bytes.u16(b, o + 16), Bytes.u8(b, o + 18) >>> 6), scaled(Bytes.u16(b, o + 20), Bytes.u8(b, o + 22) >>> 6));
        out.printf("            active_power_workload:%s%n", switch (Bytes.u8(b, o + 22) & 7) {
            case 0 -> "-";
            case 1 -> "1MiB 32 RW, 30s idle";
            case 2 -> "80K 128KiB SW";
            default -> "reserved";
        });
        time(out, "emergency power fail recovery time", Bytes.u8(b, o + 23), Bytes.u8(b, o + 26) & 0xF);
        time(out, "forced quiescence vault time", Bytes.u8(b, o + 24), Bytes.u8(b, o + 26) >>> 4);
        time(out, "emergency power fail vault time", Bytes.u8(b, o + 25), Bytes.u8(b, o + 27) & 0xF);
    }

    /** Power in 0.01 W (2 decimals) or 0.0001 W (4 decimals) units, printed as watts. */
    private static String watts(int value, int decimals) {
        int scale = decimals == 4 ? 10_000 : 100;
        return String.format("%d.%0" + decimals + "dW", value / scale, value % scale);
    }

    /** Idle/active power with its 2-bit scale (01b 0.0001 W, 10b 0.01 W); "-" when not reported. */
    private static String scaled(int value, int scale) {
        return switch (scale & 3) {
            case 0 -> "-";
            case 1 -> watts(value, 4);
            case 2 -> watts(value, 2);
            default -> "reserved";
        };
    }

    private static void time(PrintWriter out, String label, int time, int scale) {
        String value = time == 0 ? "-"
                : time <= 99 ? time + " (unit: " + (scale < TIME_SCALE.length ? TIME_SCALE[scale] : "Reserved") + ")"
                : "reserved";
        out.printf("%" + (12 + label.length()) + "s: %s%n", label, value);
    }
}
