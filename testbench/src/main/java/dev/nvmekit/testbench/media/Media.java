package dev.nvmekit.testbench.media;

/**
 * The media of a simulated SSD: what it holds ({@link MediaStore}) and how long it takes
 * ({@link ChannelScheduler}). The firmware moves data with the store at once and uses the
 * scheduler only to know when to complete the command, so data is exact and timing is modelled.
 * Namespace pages are striped over the channels from a per-namespace starting channel, so two
 * namespaces do not always collide on channel 0.
 */
public final class Media {
    private final MediaStore store;
    private final ChannelScheduler scheduler;

    public Media(MediaConfig config) {
        this(config, new MediaStore());
    }

    /** Media with existing contents, e.g. {@link MediaStore#load} of a saved image. */
    public Media(MediaConfig config, MediaStore store) {
        this.store = store;
        this.scheduler = new ChannelScheduler(config);
    }

    public MediaStore store() {
        return store;
    }

    public MediaConfig config() {
        return scheduler.config();
    }

    /**
     * Schedules reading or programming bytes {@code [byteOffset, byteOffset + length)} of
     * namespace {@code nsid} at cycle {@code now}; returns the cycle it finishes.
     */
    public long access(MediaOperation op, int nsid, long byteOffset, long length, long now) {
        if (length <= 0) {
            return now;
        }
        int unit = scheduler.config().unitBytes();
        long first = byteOffset / unit;
        long last = (byteOffset + length - 1) / unit;
        return scheduler.schedule(op, first + Integer.toUnsignedLong(nsid) * 7, last - first + 1, now);
    }

    /** Schedules erasing {@code bytes} of media (format, sanitize); returns the cycle it finishes. */
    public long erase(long bytes, long now) {
        long pages = (bytes + scheduler.config().unitBytes() - 1) / scheduler.config().unitBytes();
        return scheduler.scheduleErase(pages, now);
    }

    /** The cycle at which all queued media work is done. */
    public long idleAt() {
        return scheduler.idleAt();
    }
}
