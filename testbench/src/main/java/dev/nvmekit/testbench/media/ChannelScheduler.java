package dev.nvmekit.testbench.media;

import java.util.Arrays;

/**
 * When media operations finish: each channel works through its operations one after another,
 * the channels in parallel. A transfer of n pages starting at page p puts page p + i on channel
 * (p + i) mod channels, behind whatever that channel already has to do; the transfer is done
 * when its last page is. Time is the caller's clock cycle count and never goes backwards.
 */
public final class ChannelScheduler {
    private final MediaConfig config;
    private final long[] busyUntil;

    public ChannelScheduler(MediaConfig config) {
        this.config = config;
        this.busyUntil = new long[config.channels()];
    }

    /**
     * Queues {@code pages} page operations from global page index {@code firstPage} at cycle
     * {@code now} and returns the cycle the last one finishes ({@code now} for none).
     */
    public long schedule(MediaOperation op, long firstPage, long pages, long now) {
        if (pages < 0) {
            throw new IllegalArgumentException("negative page count " + pages);
        }
        long latency = switch (op) {
            case READ -> config.readCycles();
            case PROGRAM -> config.programCycles();
            case ERASE -> config.eraseCycles();
        };
        int n = busyUntil.length;
        long done = now;
        if (latency == 0) {
            return done;
        }
        // Beyond one round over the channels every channel gets the same share, so add it in bulk.
        long rounds = pages / n;
        long rest = pages % n;
        for (int i = 0; i < n; i++) {
            int ch = (int) Math.floorMod(firstPage + i, (long) n);
            long count = rounds + (i < rest ? 1 : 0);
            if (count == 0) {
                continue;
            }
            long start = Math.max(now, busyUntil[ch]);
            busyUntil[ch] = start + count * latency;
            done = Math.max(done, busyUntil[ch]);
        }
        return done;
    }

    /** Queues an erase of every block covering {@code pages} pages spread over all channels. */
    public long scheduleErase(long pages, long now) {
        long blocks = (pages + config.eraseBlockUnits() - 1) / config.eraseBlockUnits();
        return schedule(MediaOperation.ERASE, 0, blocks, now);
    }

    /** The cycle at which every channel is idle. */
    public long idleAt() {
        return Arrays.stream(busyUntil).max().orElse(0);
    }

    public MediaConfig config() {
        return config;
    }
}
