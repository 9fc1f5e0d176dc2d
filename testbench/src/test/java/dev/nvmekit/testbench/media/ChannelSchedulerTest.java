package dev.nvmekit.testbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChannelSchedulerTest {
    private final MediaConfig fourChannels = new MediaConfig(4, 4096, 10, 100, 1000, 8);

    @Test
    void pagesOnDifferentChannelsOverlap() {
        ChannelScheduler s = new ChannelScheduler(fourChannels);
        assertEquals(10, s.schedule(MediaOperation.READ, 0, 4, 0), "four pages on four channels take one read time");
        assertEquals(20, new ChannelScheduler(fourChannels).schedule(MediaOperation.READ, 0, 5, 0),
                "a fifth page waits behind the first on channel 0");
    }

    @Test
    void aBusyChannelDelaysTheNextOperation() {
        ChannelScheduler s = new ChannelScheduler(fourChannels);
        assertEquals(100, s.schedule(MediaOperation.PROGRAM, 1, 1, 0));
        assertEquals(110, s.schedule(MediaOperation.READ, 5, 1, 0), "page 5 is on channel 1, busy until 100");
        assertEquals(10, s.schedule(MediaOperation.READ, 2, 1, 0), "channel 2 is free");
        assertEquals(110, s.idleAt());
    }

    @Test
    void queueDepthBeatsSerialIssue() {
        // Eight single-page reads queued at once finish at 20 on four channels; issued one after
        // another (each waiting for the previous) they would finish at 80.
        ChannelScheduler s = new ChannelScheduler(fourChannels);
        long done = 0;
        for (int page = 0; page < 8; page++) {
            done = Math.max(done, s.schedule(MediaOperation.READ, page, 1, 0));
        }
        assertEquals(20, done);
        ChannelScheduler serial = new ChannelScheduler(fourChannels);
        long t = 0;
        for (int page = 0; page < 8; page++) {
            t = serial.schedule(MediaOperation.READ, page, 1, t);
        }
        assertEquals(80, t);
    }

    @Test
    void eraseCountsBlocks() {
        ChannelScheduler s = new ChannelScheduler(fourChannels);
        // 64 pages = 8 erase blocks over 4 channels = 2 erases per channel.
        assertEquals(2000, s.scheduleErase(64, 0));
    }

    @Test
    void zeroLatencyIsInstantAndNegativeCountsAreRejected() {
        ChannelScheduler s = new ChannelScheduler(MediaConfig.INSTANT);
        assertEquals(7, s.schedule(MediaOperation.PROGRAM, 0, 100, 7));
        assertThrows(IllegalArgumentException.class, () -> s.schedule(MediaOperation.READ, 0, -1, 0));
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new MediaConfig(0, 4096, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MediaConfig(1, 3000, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MediaConfig(1, 4096, -1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MediaConfig(1, 4096, 1, 1, 1, 0));
    }
}
