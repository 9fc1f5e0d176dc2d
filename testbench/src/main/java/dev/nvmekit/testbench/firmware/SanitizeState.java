package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.SanitizeStatusLog;

/**
 * The sanitize operation running in the background, and what the Sanitize Status log page
 * reports about the last one (NVMe Base Specification 2.0, sections 5.24 and 8.21): progress as
 * n/65536 while it runs, then the status and Global Data Erased. It survives controller resets,
 * as the spec requires of a sanitize in progress.
 */
final class SanitizeState {
    private int sstat = SanitizeStatusLog.STATUS_NEVER_SANITIZED;
    private int scdw10;
    private long start;
    private long end;
    private boolean running;
    private int passes;
    private final int estimateSeconds;

    SanitizeState(int estimateSeconds) {
        this.estimateSeconds = estimateSeconds;
    }

    void begin(int cdw10, long now, long done, int overwritePasses) {
        scdw10 = cdw10;
        start = now;
        end = Math.max(done, now + 1);
        running = true;
        passes = overwritePasses;
        sstat = SanitizeStatusLog.STATUS_IN_PROGRESS;
    }

    boolean inProgress() {
        return running;
    }

    /** Moves time on; true when the operation finished at this call. */
    boolean update(long now) {
        if (running && now >= end) {
            running = false;
            // Bit 8, Global Data Erased: nothing written since; bits 7:3 overwrite passes done.
            sstat = SanitizeStatusLog.STATUS_COMPLETED | Math.min(passes, 31) << 3 | 1 << 8;
            return true;
        }
        return false;
    }

    /** User data was written: Global Data Erased no longer holds. */
    void dataWritten() {
        sstat &= ~(1 << 8);
    }

    SanitizeStatusLog log(long now) {
        int sprog = 0xFFFF;
        if (running) {
            sprog = (int) Math.min(0xFFFF, (now - start) * 65536 / (end - start));
        }
        return SanitizeStatusLog.builder().sprog(sprog).sstat(sstat).scdw10(scdw10)
                .estimatedOverwriteTime(estimateSeconds).estimatedBlockEraseTime(estimateSeconds)
                .estimatedCryptoEraseTime(estimateSeconds).build();
    }
}
