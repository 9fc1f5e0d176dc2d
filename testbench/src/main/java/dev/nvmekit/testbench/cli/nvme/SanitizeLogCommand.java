package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code nvme sanitize-log}: the Sanitize Status log (81h) in nvme-cli 2.16's layout; {@code -H} decodes SSTAT and SSI. */
@Command(name = "sanitize-log", mixinStandardHelpOptions = true, description = "Retrieve the Sanitize Status log.")
final class SanitizeLogCommand extends OnDevice {
    private static final int SIZE = 512;
    private static final int STATUS_IN_PROGRESS = 2;
    private static final int STATUS_FAILED = 3;

    @Option(names = {"-H", "--human-readable"}, description = "decode the status and state fields")
    boolean human;

    @Option(names = {"-b", "--raw-binary"}, description = "write the log to stdout as raw bytes")
    boolean raw;


    @Override
    void run(DeviceSession d, PrintWriter out) {
        byte[] b = LogCommands.logPage(d, LogPageIdentifier.SANITIZE_STATUS, 0, SIZE);
        if (raw) {
            writeRaw(out, b);
            return;
        }
        int sprog = Bytes.u16(b, 0);
        int sstat = Bytes.u16(b, 2);
        int status = sstat & 7;
        int ssi = Bytes.u8(b, 36);
        String[] labels = {"time_over_write", "time_block_erase", "time_crypto_erase", "time_over_write_no_dealloc",
            "time_block_erase_no_dealloc", "time_crypto_erase_no_dealloc", "time_post_verification_dealloc"};
        if (json()) {
            Json sst = new Json().put("media_verification_canceled", sstat >>> 9 & 1).put("global_erased", sstat >>> 8 & 1)
                    .put("no_cmplted_passes", sstat >>> 3 & 0x1F).put("status", "(" + status + ") " + statusText(status));
            Json dev = new Json().put("sprog", sprog).put("sstat", sst).put("cdw10_info", Bytes.u32(b, 4));
            for (int i = 0; i < labels.length; i++) dev.put(labels[i], Bytes.u32(b, 8 + 4 * i));
            Json state = new Json().put("sanitize_state", "(" + (ssi & 0xF) + ") " + stateText(ssi & 0xF));
            if (status == STATUS_FAILED) state.put("failure_state", "(" + (ssi >>> 4) + ") " + stateText(ssi >>> 4));
            out.println(new Json().put(LogCommands.deviceName(device), dev.put("sanitize_state_information", state)));
            return;
        }
        out.printf("Sanitize Progress                      (SPROG) :  %d", sprog);
        if (human && status == STATUS_IN_PROGRESS) out.printf("\t(%f%%)%n", sprog * 100.0 / 0x10000);
        else out.println();
        out.printf("Sanitize Status                        (SSTAT) :  %s%n", Bytes.hex(sstat));
        if (human) {
            out.printf("  [2:0] : Sanitize Operation Status  : %s\t%s%n", Bytes.hex(status), statusText(status));
            out.printf("  [7:3] : Overwrite Passes Completed : %d%n", sstat >>> 3 & 0x1F);
            int gde = sstat >>> 8 & 1;
            out.printf("  [8:8] : Global Data Erased         : %s\t%s%n", Bytes.hex(gde), gde != 0
                    ? "No user data has been written in the NVM subsystem and no PMR has been enabled in the NVM subsystem"
                    : "User data has been written in the NVM subsystem or PMR has been enabled in the NVM subsystem");
            int mv = sstat >>> 9 & 1;
            out.printf("  [9:9] : Media Verification Canceled: %s\t%scanceled%n%n", Bytes.hex(mv), mv != 0 ? "" : "Not ");
        }
        out.printf("Sanitize Command Dword 10 Information (SCDW10) :  %s%n", Bytes.hex(Bytes.u32(b, 4)));
        String[] times = {"Estimated Time For Overwrite                   ", "Estimated Time For Block Erase                 ",
            "Estimated Time For Crypto Erase                ", "Estimated Time For Overwrite (No-Deallocate)   ",
            "Estimated Time For Block Erase (No-Deallocate) ", "Estimated Time For Crypto Erase (No-Deallocate)",
            "Estimated Time For Post-Verification Deallocation"};
        for (int i = 0; i < times.length; i++) {
            long t = Bytes.u32(b, 8 + 4 * i);
            out.printf("%s:  %d%s%n", times[i], t, t == 0xFFFF_FFFFL ? " (No time period reported)" : "");
        }
        out.printf("Sanitize State Information               (SSI) : %s%n", Bytes.hex(ssi));
        if (human) {
            out.printf("  [3:0] : Sanitize State : %s\t%s%n", Bytes.hex(ssi & 0xF), stateText(ssi & 0xF));
            if (status == STATUS_FAILED) out.printf("  [7:4] : Failure State  : %s\t%s%n", Bytes.hex(ssi >>> 4), stateText(ssi >>> 4));
            out.println();
        }
    }

    /** nvme-cli's {@code nvme_sstat_status_to_string}. */
    static String statusText(int status) {
        return switch (status) {
            case 0 -> "NVM Subsystem has never been sanitized.";
            case 1 -> "Most Recent Sanitize Command Completed Successfully.";
            case STATUS_IN_PROGRESS -> "Sanitize in Progress.";
            case STATUS_FAILED -> "Most Recent Sanitize Command Failed.";
            case 4 -> "Most Recent Sanitize Command (No-Deallocate After Sanitize) Completed Successfully.";
            default -> "Unknown";
        };
    }

    /** nvme-cli's {@code nvme_ssi_state_to_string}. */
    private static String stateText(int state) {
        return switch (state) {
            case 0 -> "Idle state";
            case 1 -> "Restricted Processing State";
            case 2 -> "Restricted Failure State";
            case 3 -> "Unrestricted Processing State";
            case 4 -> "Unrestricted Failure State";
            case 5 -> "Media Verification State";
            case 6 -> "Post-Verification Deallocation State";
            default -> "Reserved";
        };
    }
}
