package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.CommandEffects;
import dev.nvmekit.testbench.nvme.CommandsSupportedAndEffectsLog;
import dev.nvmekit.testbench.nvme.ErrorInformationEntry;
import dev.nvmekit.testbench.nvme.GetLogPageCommand;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SanitizeStatusLog;
import dev.nvmekit.testbench.nvme.SmartHealthLog;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;

/** The log page commands: {@code smart-log}, {@code error-log}, {@code fw-log}, {@code effects-log}, {@code sanitize-log}. */
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
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
        double v = bytes.doubleValue();
        int i = 0;
        while (v >= 1000 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format("%.2f %sB", v, prefixes[i]);
    }

    /** {@code nvme smart-log}: SMART / Health Information (log 02h), controller-wide by default. */
    @Command(name = "smart-log", mixinStandardHelpOptions = true, description = "Retrieve the SMART / Health Information log.")
    static final class SmartLog extends OnDevice {
        @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", converter = Numbers.U32.class,
                description = "namespace (default 0xffffffff: the controller)")
        Integer nsid;

        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int id = nsid == null ? -1 : nsid;
            SmartHealthLog s = SmartHealthLog.parse(logPage(d, LogPageIdentifier.SMART_HEALTH_INFORMATION, id, SmartHealthLog.SIZE));
            int[] sensors = {s.temperatureSensor1(), s.temperatureSensor2(), s.temperatureSensor3(), s.temperatureSensor4(),
                    s.temperatureSensor5(), s.temperatureSensor6(), s.temperatureSensor7(), s.temperatureSensor8()};
            if (json()) {
                Json j = new Json().put("critical_warning", s.criticalWarning()).put("temperature", s.compositeTemperature())
                        .put("avail_spare", s.availableSpare()).put("spare_thresh", s.availableSpareThreshold())
                        .put("percent_used", s.percentageUsed())
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
            out.printf("Smart Log for NVME device:nvme0 namespace-id:%x%n", Integer.toUnsignedLong(id));
            out.printf("critical_warning\t\t\t: %s%n", Bytes.hex(s.criticalWarning()));
            out.printf("temperature\t\t\t\t: %d °C (%d K)%n", s.compositeTemperatureCelsius(), s.compositeTemperature());
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
                if (sensors[i] != 0) out.printf("Temperature Sensor %d\t\t\t: %d °C (%d K)%n", i + 1, sensors[i] - 273, sensors[i]);
            }
            out.printf("Thermal Management T1 Trans Count\t: %d%n", Integer.toUnsignedLong(s.thermalTransitionCount1()));
            out.printf("Thermal Management T2 Trans Count\t: %d%n", Integer.toUnsignedLong(s.thermalTransitionCount2()));
            out.printf("Thermal Management T1 Total Time\t: %d%n", Integer.toUnsignedLong(s.thermalTotalTime1()));
            out.printf("Thermal Management T2 Total Time\t: %d%n", Integer.toUnsignedLong(s.thermalTotalTime2()));
        }
    }

    /** {@code nvme error-log}: the Error Information log (01h), ELPE + 1 entries unless {@code -e} says fewer. */
    @Command(name = "error-log", mixinStandardHelpOptions = true, description = "Retrieve the Error Information log.")
    static final class ErrorLog extends OnDevice {
        @Option(names = {"-e", "--log-entries"}, paramLabel = "N", description = "entries to retrieve (default: all, ELPE + 1)")
        Integer entries;

        @Override
        void checkOptions() {
            if (entries != null && (entries < 1 || entries > 256)) {
                throw new dev.nvmekit.testbench.cli.Main.UsageError("error-log: --log-entries must be 1..256, got " + entries);
            }
        }

        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            int elpe = IdentifyController.parse(ListCommands.identify(d, IdentifyCns.CONTROLLER, 0)).elpe() + 1;
            int n = entries == null ? elpe : Math.min(entries, elpe);
            byte[] page = logPage(d, LogPageIdentifier.ERROR_INFORMATION, 0, n * ErrorInformationEntry.SIZE);
            List<Object> list = Json.array();
            if (!json()) {
                out.printf("Error Log Entries for device:nvme0 entries:%d%n", n);
                out.println(".................");
            }
            for (int i = 0; i < n; i++) {
                ErrorInformationEntry e = ErrorInformationEntry.parse(page, i * ErrorInformationEntry.SIZE);
                if (json()) {
                    list.add(new Json().putU64("error_count", e.errorCount()).put("sqid", e.sqid()).put("cmdid", e.cid())
                            .put("status_field", e.status().toField()).put("phase_tag", e.phase() ? 1 : 0)
                            .put("parm_error_location", e.parameterErrorLocation()).putU64("lba", e.lba())
                            .putU32("nsid", e.nsid()).put("vs", e.vendorSpecificLogPage()).put("trtype", e.transportType())
                            .putU64("cs", e.commandSpecific()).put("trtype_spec_info", e.transportSpecific()));
                    continue;
                }
                out.printf(" Entry[%2d]   %n", i);
                out.println(".................");
                out.printf("error_count\t: %d%n", e.errorCount());
                out.printf("sqid\t\t: %d%n", e.sqid());
                out.printf("cmdid\t\t: %s%n", Bytes.hex(e.cid()));
                out.printf("status_field\t: %s(%s)%n", Bytes.hex(e.status().toField()), e.status().name());
                out.printf("phase_tag\t: %s%n", Bytes.hex(e.phase() ? 1 : 0));
                out.printf("parm_err_loc\t: %s%n", Bytes.hex(e.parameterErrorLocation()));
                out.printf("lba\t\t: %s%n", Bytes.hex(e.lba()));
                out.printf("nsid\t\t: %s%n", Bytes.hex(Integer.toUnsignedLong(e.nsid())));
                out.printf("vs\t\t: %d%n", e.vendorSpecificLogPage());
                out.printf("trtype\t\t: %s%n", e.transportType() == 0
                        ? "The transport type is not indicated or the error is not transport related." : Bytes.hex(e.transportType()));
                out.printf("cs\t\t: %s%n", Bytes.hex(e.commandSpecific()));
                out.printf("trtype_spec_info: %s%n", Bytes.hex(e.transportSpecific()));
                out.println(".................");
            }
            if (json()) out.println(new Json().put("errors", list));
        }
    }

    /** {@code nvme fw-log}: the Firmware Slot Information log (03h). */
    @Command(name = "fw-log", mixinStandardHelpOptions = true, description = "Retrieve the Firmware Slot Information log.")
    static final class FwLog extends OnDevice {
        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            byte[] b = logPage(d, LogPageIdentifier.FIRMWARE_SLOT_INFORMATION, 0, 512);
            int afi = Bytes.u8(b, 0);
            Json info = new Json().put("Active Firmware Slot (afi)", afi);
            if (!json()) {
                out.println("Firmware Log for device:nvme0");
                out.printf("afi  : %s%n", Bytes.hex(afi));
            }
            for (int slot = 1; slot <= 7; slot++) {
                int off = 8 * slot;
                long frs = Bytes.u32(b, off) | Bytes.u32(b, off + 4) << 32;
                if (frs == 0) continue;
                String text = Bytes.ascii(b, off, 8);
                if (json()) info.put("Firmware Rev Slot " + slot, text);
                else out.printf("frs%d : %#018x (%s)%n", slot, frs, text);
            }
            if (json()) out.println(new Json().put("Firmware Logging Info", info));
        }
    }

    /** {@code nvme effects-log}: the Commands Supported and Effects log (05h). */
    @Command(name = "effects-log", mixinStandardHelpOptions = true, description = "Retrieve the Commands Supported and Effects log.")
    static final class EffectsLog extends OnDevice {
        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            var log = CommandsSupportedAndEffectsLog.parse(logPage(d, LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS, 0,
                    CommandsSupportedAndEffectsLog.SIZE));
            List<Object> admin = Json.array();
            List<Object> io = Json.array();
            if (!json()) out.println("Admin Command Set");
            for (int op = 0; op < 256; op++) {
                CommandEffects e = log.admin().get(op);
                if (!e.csupp()) continue;
                String name = AdminOpcode.of(op).map(AdminOpcode::title).orElse("Unknown");
                if (json()) admin.add(new Json().put("opcode", op).put("command", name).putU32("effects", e.value()));
                else out.println(row("ACS", op, name, e));
            }
            if (!json()) out.printf("%nNVM Command Set%n");
            for (int op = 0; op < 256; op++) {
                CommandEffects e = log.io().get(op);
                if (!e.csupp()) continue;
                String name = NvmOpcode.of(op).map(NvmOpcode::title).orElse("Unknown");
                if (json()) io.add(new Json().put("opcode", op).put("command", name).putU32("effects", e.value()));
                else out.println(row("IOCS", op, name, e));
            }
            if (json()) out.println(new Json().put("admin_command_set", admin).put("io_command_set", io));
        }

        private static String row(String set, int op, String name, CommandEffects e) {
            StringBuilder s = new StringBuilder(String.format("%-9s[%-32s] %08x", set + op, name, e.value()));
            if (e.csupp()) s.append(" CSUPP");
            if (e.lbcc()) s.append(" LBCC");
            if (e.ncc()) s.append(" NCC");
            if (e.nic()) s.append(" NIC");
            if (e.ccc()) s.append(" CCC");
            if (e.uss()) s.append(" USS");
            switch (e.cse()) {
                case 1 -> s.append(" No command restriction, this namespace");
                case 2 -> s.append(" No command restriction, all namespaces");
                default -> { }
            }
            return s.toString();
        }
    }

    /** {@code nvme sanitize-log}: the Sanitize Status log (81h). */
    @Command(name = "sanitize-log", mixinStandardHelpOptions = true, description = "Retrieve the Sanitize Status log.")
    static final class SanitizeLog extends OnDevice {
        @Override
        boolean offersJson() {
            return true;
        }

        @Override
        void run(DeviceSession d, PrintWriter out) {
            SanitizeStatusLog s = SanitizeStatusLog.parse(logPage(d, LogPageIdentifier.SANITIZE_STATUS, 0, SanitizeStatusLog.SIZE));
            String result = statusText(s.status());
            if (json()) {
                Json sstat = new Json().put("status", s.status()).put("result", result)
                        .put("passes", s.overwritePassesCompleted()).put("global_erased", s.globalDataErased() ? 1 : 0);
                out.println(new Json().put("nvme0", new Json().put("sprog", s.sprog()).put("sstat", sstat)
                        .putU32("cdw10_info", s.scdw10()).putU32("time_over_write", s.estimatedOverwriteTime())
                        .putU32("time_block_erase", s.estimatedBlockEraseTime())
                        .putU32("time_crypto_erase", s.estimatedCryptoEraseTime())
                        .putU32("time_over_write_no_dealloc", s.estimatedOverwriteNoDeallocateTime())
                        .putU32("time_block_erase_no_dealloc", s.estimatedBlockEraseNoDeallocateTime())
                        .putU32("time_crypto_erase_no_dealloc", s.estimatedCryptoEraseNoDeallocateTime())));
                return;
            }
            out.printf("Sanitize Progress                      (SPROG) :  %d%n", s.sprog());
            out.printf("Sanitize Status                        (SSTAT) :  %s%n", Bytes.hex(s.sstat()));
            out.printf("\t[2:0]\t%s%n", result);
            out.printf("\t[7:3]\tNumber of completed passes if most recent operation was overwrite:\t%d%n", s.overwritePassesCompleted());
            out.printf("\t  [8]\t%s%n", s.globalDataErased()
                    ? "Global Data Erased set: no NS LB in the NVM subsystem has been written to and no PMR in the NVM subsystem has been enabled"
                    : "Global Data Erased cleared: a NS LB in the NVM subsystem has been written to or a PMR in the NVM subsystem has been enabled");
            out.printf("Sanitize Command Dword 10 Information (SCDW10) :  %s%n", Bytes.hex(Integer.toUnsignedLong(s.scdw10())));
            time(out, "Estimated Time For Overwrite                   ", s.estimatedOverwriteTime());
            time(out, "Estimated Time For Block Erasure               ", s.estimatedBlockEraseTime());
            time(out, "Estimated Time For Crypto Erase                ", s.estimatedCryptoEraseTime());
            time(out, "Estimated Time For Overwrite (No-Deallocate)   ", s.estimatedOverwriteNoDeallocateTime());
            time(out, "Estimated Time For Block Erasure (No-Deallocate)", s.estimatedBlockEraseNoDeallocateTime());
            time(out, "Estimated Time For Crypto Erase (No-Deallocate)", s.estimatedCryptoEraseNoDeallocateTime());
        }

        private static String statusText(int status) {
            return switch (status) {
                case SanitizeStatusLog.STATUS_NEVER_SANITIZED -> "NVM Subsystem has never been sanitized.";
                case SanitizeStatusLog.STATUS_COMPLETED -> "Most Recent Sanitize Command Completed Successfully.";
                case SanitizeStatusLog.STATUS_IN_PROGRESS -> "Sanitize in Progress.";
                case SanitizeStatusLog.STATUS_FAILED -> "Most Recent Sanitize Command Failed.";
                case SanitizeStatusLog.STATUS_COMPLETED_WITH_DEALLOCATION -> "Most Recent Sanitize Command (No-Deallocate After Sanitize) Completed Successfully with Deallocation.";
                default -> "Unknown";
            };
        }

        private static void time(PrintWriter out, String label, int seconds) {
            out.printf("%s:  %d%s%n", label, Integer.toUnsignedLong(seconds), seconds == -1 ? " (No time period reported)" : "");
        }
    }
}
