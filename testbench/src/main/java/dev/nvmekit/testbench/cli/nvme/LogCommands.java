package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.ErrorInformationEntry;
import dev.nvmekit.testbench.nvme.GetLogPageCommand;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.SmartHealthLog;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;

/** The log page commands {@code smart-log}, {@code error-log} and {@code fw-log}, as nvme-cli 2.16 prints them. */
final class LogCommands {
    private LogCommands() {
    }

    static byte[] logPage(DeviceSession d, LogPageIdentifier lid, int nsid, int length) {
        SubmissionQueueEntry sqe = GetLogPageCommand.of(lid, length).applyTo(SubmissionQueueEntry.builder(AdminOpcode.GET_LOG_PAGE))
                .nsid(nsid).build();
        return d.admin(sqe, length, null).orFail().data();
    }

    /** nvme-cli's {@code uint128_t_to_si_string}: a byte count with two decimals and an SI prefix. */
    static String siBytes(BigInteger bytes) {
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q"};
        double v = bytes.doubleValue();
        int i = 0;
        while (v >= 1000 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format("%.2f %sB", v, prefixes[i]);
    }

    /** The kernel device name nvme-cli prints in log headers: {@code nvme0} or {@code nvme0n1}. */
    static String deviceName(DevicePath device) {
        return device.path().substring(device.path().lastIndexOf('/') + 1);
    }

    /** {@code nvme smart-log}: SMART / Health Information (log 02h), controller-wide by default. */
    @Command(name = "smart-log", mixinStandardHelpOptions = true, description = "Retrieve the SMART / Health Information log.")
    static final class SmartLog extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace (default 0xffffffff: the controller)")
        Integer nsid;

        @Option(names = {"-H", "--human-readable"}, description = "decode the critical warning bits")
        boolean human;

        @Option(names = {"-b", "--raw-binary"}, description = "write the log to stdout as raw bytes")
        boolean raw;


        @Override
        void run(DeviceSession d, PrintWriter out) {
            int id = nsid == null ? -1 : nsid;
            byte[] page = logPage(d, LogPageIdentifier.SMART_HEALTH_INFORMATION, id, SmartHealthLog.SIZE);
            if (raw) {
                writeRaw(out, page);
                return;
            }
            SmartHealthLog s = SmartHealthLog.parse(page);
            int cw = s.criticalWarning();
            int[] sensors = {s.temperatureSensor1(), s.temperatureSensor2(), s.temperatureSensor3(), s.temperatureSensor4(),
                    s.temperatureSensor5(), s.temperatureSensor6(), s.temperatureSensor7(), s.temperatureSensor8()};
            if (json()) {
                Json j = new Json();
                if (human) {
                    j.put("critical_warning", new Json().put("value", cw).put("available_spare", cw & 1)
                            .put("temp_threshold", cw >>> 1 & 1).put("reliability_degraded", cw >>> 2 & 1).put("ro", cw >>> 3 & 1)
                            .put("vmbu_failed", cw >>> 4 & 1).put("pmr_ro", cw >>> 5 & 1));
                } else {
                    j.put("critical_warning", cw);
                }
                j.put("temperature", s.compositeTemperature()).put("avail_spare", s.availableSpare())
                        .put("spare_thresh", s.availableSpareThreshold()).put("percent_used", s.percentageUsed())
                        .put("endurance_grp_critical_warning_summary", s.enduranceGroupCriticalWarningSummary())
                        .put("data_units_read", s.dataUnitsRead()).put("data_units_written", s.dataUnitsWritten())
                        .put("host_read_commands", s.hostReadCommands()).put("host_write_commands", s.hostWriteCommands())
                        .put("controller_busy_time", s.controllerBusyTime()).put("power_cycles", s.powerCycles())
                        .put("power_on_hours", s.powerOnHours()).put("unsafe_shutdowns", s.unsafeShutdowns())
                        .put("media_errors", s.mediaErrors()).put("num_err_log_entries", s.errorLogEntries())
                        .putU32("warning_temp_time", s.warningTemperatureTime())
                        .putU32("critical_comp_time", s.criticalTemperatureTime());
                for (int i = 0; i < sensors.length; i++) if (sensors[i] != 0) j.put("temperature_sensor_" + (i + 1), sensors[i]);
                j.putU32("thm_temp1_trans_count", s.thermalTransitionCount1()).putU32("thm_temp2_trans_count", s.thermalTransitionCount2())
                        .putU32("thm_temp1_total_time", s.thermalTotalTime1()).putU32("thm_temp2_total_time", s.thermalTotalTime2());
                out.println(j);
                return;
            }
            BigInteger unit = BigInteger.valueOf(512_000);
            out.printf("Smart Log for NVME device:%s namespace-id:%x%n", deviceName(device), Integer.toUnsignedLong(id));
            out.printf("critical_warning\t\t\t: %s%n", Bytes.hex(cw));
            if (human) {
                out.printf("      Available Spare[0]             : %d%n", cw & 1);
                out.printf("      Temp. Threshold[1]             : %d%n", cw >>> 1 & 1);
                out.printf("      NVM subsystem Reliability[2]   : %d%n", cw >>> 2 & 1);
                out.printf("      Read-only[3]                   : %d%n", cw >>> 3 & 1);
                out.printf("      Volatile mem. backup failed[4] : %d%n", cw >>> 4 & 1);
                out.printf("      Persistent Mem. RO[5]          : %d%n", cw >>> 5 & 1);
            }
            out.printf("temperature\t\t\t\t: %s%n", IdCtrlHuman.degrees(s.compositeTemperature()));
            out.printf("available_spare\t\t\t\t: %d%%%n", s.availableSpare());
            out.printf("available_spare_threshold\t\t: %d%%%n", s.availableSpareThreshold());
            out.printf("percentage_used\t\t\t\t: %d%%%n", s.percentageUsed());
            out.printf("endurance group critical warning summary: %s%n", Bytes.hex(s.enduranceGroupCriticalWarningSummary()));
            out.printf("Data Units Read\t\t\t\t: %s (%s)%n", s.dataUnitsRead(), siBytes(s.dataUnitsRead().multiply(unit)));
            out.printf("Data Units Written\t\t\t: %s (%s)%n", s.dataUnitsWritten(), siBytes(s.dataUnitsWritten().multiply(unit)));
            out.printf("host_read_commands\t\t\t: %s%n", s.hostReadCommands());
            out.printf("host_write_commands\t\t\t: %s%n", s.hostWriteCommands());
            out.printf("controller_busy_time\t\t\t: %s%n", s.controllerBusyTime());
            out.printf("power_cycles\t\t\t\t: %s%n", s.powerCycles());
            out.printf("power_on_hours\t\t\t\t: %s%n", s.powerOnHours());
            out.printf("unsafe_shutdowns\t\t\t: %s%n", s.unsafeShutdowns());
            out.printf("media_errors\t\t\t\t: %s%n", s.mediaErrors());
            out.printf("num_err_log_entries\t\t\t: %s%n", s.errorLogEntries());
            out.printf("Warning Temperature Time\t\t: %d%n", Integer.toUnsignedLong(s.warningTemperatureTime()));
            out.printf("Critical Composite Temperature Time\t: %d%n", Integer.toUnsignedLong(s.criticalTemperatureTime()));
            for (int i = 0; i < sensors.length; i++) {
                if (sensors[i] != 0) out.printf("Temperature Sensor %d\t\t\t: %s%n", i + 1, IdCtrlHuman.degrees(sensors[i]));
            }
            out.printf("Thermal Management T1 Trans Count\t: %d%n", Integer.toUnsignedLong(s.thermalTransitionCount1()));
            out.printf("Thermal Management T2 Trans Count\t: %d%n", Integer.toUnsignedLong(s.thermalTransitionCount2()));
            out.printf("Thermal Management T1 Total Time\t: %d%n", Integer.toUnsignedLong(s.thermalTotalTime1()));
            out.printf("Thermal Management T2 Total Time\t: %d%n", Integer.toUnsignedLong(s.thermalTotalTime2()));
        }
    }

    /** {@code nvme error-log}: the Error Information log (01h), 64 entries or ELPE + 1 if fewer, unless {@code -e} says otherwise. */
    @Command(name = "error-log", mixinStandardHelpOptions = true, description = "Retrieve the Error Information log.")
    static final class ErrorLog extends OnDevice {
        @Option(names = {"-e", "--log-entries"}, paramLabel = "N", converter = Numbers.U32.class, defaultValue = "64",
                description = "entries to retrieve (default 64; at most ELPE + 1)")
        int entries;

        @Option(names = {"-b", "--raw-binary"}, description = "write the log to stdout as raw bytes")
        boolean raw;

        @Override
        void checkOptions() {
            if (entries == 0) throw new Main.UsageError("error-log: non-zero log-entries is required param");
        }


        @Override
        void run(DeviceSession d, PrintWriter out) {
            int elpe = IdentifyController.parse(ListCommands.identify(d, IdentifyCns.CONTROLLER, 0)).elpe() + 1;
            int n = (int) Math.min(Integer.toUnsignedLong(entries), elpe);
            byte[] page = logPage(d, LogPageIdentifier.ERROR_INFORMATION, 0, n * ErrorInformationEntry.SIZE);
            if (raw) {
                writeRaw(out, page);
                return;
            }
            List<Object> list = Json.array();
            if (!json()) {
                out.printf("Error Log Entries for device:%s entries:%d%n", deviceName(device), n);
                out.println(".................");
            }
            for (int i = 0; i < n; i++) {
                int o = i * ErrorInformationEntry.SIZE;
                int statusField = Bytes.u16(page, o + 12);
                CompletionStatus status = CompletionStatus.fromField(statusField >>> 1);
                long lba = IdentifyCommands.u64(page, o + 16);
                long cs = IdentifyCommands.u64(page, o + 32);
                if (json()) {
                    list.add(new Json().putU64("error_count", IdentifyCommands.u64(page, o)).put("sqid", Bytes.u16(page, o + 8))
                            .put("cmdid", Bytes.u16(page, o + 10)).put("status_field", statusField >>> 1)
                            .put("phase_tag", statusField & 1).put("parm_error_location", Bytes.u16(page, o + 14))
                            .putU64("lba", lba).put("nsid", Bytes.u32(page, o + 24)).put("vs", Bytes.u8(page, o + 28))
                            .put("trtype", Bytes.u8(page, o + 29)).putU64("cs", cs).put("trtype_spec_info", Bytes.u16(page, o + 40)));
                    continue;
                }
                int trtype = Bytes.u8(page, o + 29);
                out.printf(" Entry[%2d]%n", i);
                out.println(".................");
                out.printf("error_count\t: %s%n", Long.toUnsignedString(IdentifyCommands.u64(page, o)));
                out.printf("sqid\t\t: %d%n", Bytes.u16(page, o + 8));
                out.printf("cmdid\t\t: %s%n", Bytes.hex(Bytes.u16(page, o + 10)));
                out.printf("status_field\t: %s (%s)%n", Bytes.hex(statusField >>> 1), LibnvmeStatusText.of(status));
                out.printf("phase_tag\t: %s%n", Bytes.hex(statusField & 1));
                out.printf("parm_err_loc\t: %s%n", Bytes.hex(Bytes.u16(page, o + 14)));
                out.printf("lba\t\t: %s%n", lba == 0 ? "0" : "0x" + Long.toHexString(lba));
                out.printf("nsid\t\t: %s%n", Bytes.hex(Bytes.u32(page, o + 24)));
                out.printf("vs\t\t: %d%n", Bytes.u8(page, o + 28));
                out.printf("trtype\t\t: %s (%s)%n", Bytes.hex(trtype), switch (trtype) {
                    case 0 -> "The transport type is not indicated or the error is not transport related";
                    case 1 -> "RDMA Transport error";
                    case 2 -> "Fibre Channel Transport error";
                    case 3 -> "TCP Transport error";
                    case 254 -> "Intra-host Transport error";
                    default -> "Reserved";
                });
                out.printf("csi\t\t: %d%n", Bytes.u8(page, o + 30));
                out.printf("opcode\t\t: %s%n", Bytes.hex(Bytes.u8(page, o + 31)));
                out.printf("cs\t\t: %s%n", cs == 0 ? "0" : "0x" + Long.toHexString(cs));
                out.printf("trtype_spec_info: %s%n", Bytes.hex(Bytes.u16(page, o + 40)));
                out.printf("log_page_version: %d%n", Bytes.u8(page, o + 63));
                out.println(".................");
            }
            if (json()) out.println(new Json().put("errors", list));
        }
    }

    /** {@code nvme fw-log}: the Firmware Slot Information log (03h). */
    @Command(name = "fw-log", mixinStandardHelpOptions = true, description = "Retrieve the Firmware Slot Information log.")
    static final class FwLog extends OnDevice {
        @Option(names = {"-b", "--raw-binary"}, description = "write the log to stdout as raw bytes")
        boolean raw;


        @Override
        void run(DeviceSession d, PrintWriter out) {
            byte[] b = logPage(d, LogPageIdentifier.FIRMWARE_SLOT_INFORMATION, 0, 512);
            if (raw) {
                writeRaw(out, b);
                return;
            }
            int afi = Bytes.u8(b, 0);
            Json info = new Json().put("Active Firmware Slot (afi)", afi);
            if (!json()) {
                out.printf("Firmware Log for device:%s%n", deviceName(device));
                out.printf("afi  : %s%n", Bytes.hex(afi));
            }
            for (int slot = 1; slot <= 7; slot++) {
                int off = 8 * slot;
                if (b[off] == 0) continue; // an empty slot: nvme-cli tests the revision's first byte
                long frs = IdentifyCommands.u64(b, off);
                String text = Bytes.firmware(b, off);
                if (json()) info.put("Firmware Rev Slot " + slot, Long.toUnsignedString(frs) + " (" + text + ")");
                else out.printf("frs%d : %#016x (%s)%n", slot, frs, text);
            }
            if (json()) out.println(new Json().put(deviceName(device), info));
        }
    }
}
