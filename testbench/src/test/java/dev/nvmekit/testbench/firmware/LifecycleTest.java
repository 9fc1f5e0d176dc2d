package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.media.MediaStore;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.FeatureIdentifier;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path dir;

    private static FirmwareConfig timed(int channels) {
        return ProcessorBench.small().media(new MediaConfig(channels, 4096, 100, 400, 1000, 16)).build();
    }

    /** Cycles until eight 4 KiB reads at consecutive pages finish when submitted {@code depth} at a time. */
    private static long eightReads(int channels, int depth) {
        ProcessorBench b = new ProcessorBench(timed(channels));
        long buf = b.memory.allocate(4096, 4096);
        List<Integer> inFlight = new ArrayList<>();
        for (int page = 0; page < 8; ) {
            while (inFlight.size() < depth && page < 8) {
                inFlight.add(b.submit(1, b.readWrite(NvmOpcode.READ, 1, page * 8L, 8).dataPointer(b.prps.map(buf, 4096))));
                page++;
            }
            b.await(1, inFlight.removeFirst());
        }
        inFlight.forEach(cid -> b.await(1, cid));
        return b.cycle;
    }

    @Test
    void queueDepthAndChannelsMatter() {
        long serial = eightReads(4, 1);
        long deep = eightReads(4, 8);
        long oneChannel = eightReads(1, 8);
        assertTrue(serial >= 8 * 100, "serial: " + serial);
        assertTrue(deep < serial / 2, "queue depth 8 took " + deep + " cycles, depth 1 " + serial);
        assertTrue(oneChannel > deep * 2, "one channel took " + oneChannel + ", four " + deep);
    }

    @Test
    void fullCommandSlotsStopTheFlowOfCommands() {
        ProcessorBench b = new ProcessorBench(ProcessorBench.small().commandSlots(2).build());
        b.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        b.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        assertFalse(b.fw.canAccept());
        assertThrows(IllegalStateException.class, () -> b.fw.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).build()));
        b.step();
        b.step();
        assertTrue(b.fw.canAccept());
    }

    @Test
    void controllerResetDropsCommandsAndFeaturesButKeepsData() {
        ProcessorBench b = new ProcessorBench(ProcessorBench.small().commandCycles(10).build());
        byte[] data = ProcessorBench.pattern(2048, 9);
        b.write(1, 7, 512, data);
        b.admin(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES).cdw10(FeatureIdentifier.POWER_MANAGEMENT.value()).cdw11(2));
        b.submit(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST));
        int queued = b.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        b.submit(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1));
        b.fw.controllerReset();
        assertEquals(0, b.fw.occupiedSlots());
        assertEquals(0, b.fw.outstandingAsyncEventRequests());
        for (int i = 0; i < 50; i++) {
            b.step();
        }
        assertTrue(b.delivered.stream().noneMatch(c -> c.sqid() == 1 && c.cid() == queued), "dropped, not completed");
        assertEquals(0, b.admin(SubmissionQueueEntry.builder(AdminOpcode.GET_FEATURES).cdw10(FeatureIdentifier.POWER_MANAGEMENT.value())).dw0());
        assertArrayEquals(data, b.read(1, 7, 4, 512));
    }

    @Test
    void shutdownWaitsForCommandsAndMedia() {
        ProcessorBench b = new ProcessorBench(timed(1));
        assertTrue(b.fw.quiescent());
        long buf = b.memory.allocate(4096, 4096);
        b.submit(1, b.readWrite(NvmOpcode.WRITE, 1, 0, 8).dataPointer(b.prps.map(buf, 4096)));
        assertFalse(b.fw.quiescent());
        int steps = 0;
        while (!b.fw.quiescent()) {
            b.step();
            steps++;
        }
        assertTrue(steps >= 400, "program time passed: " + steps);
        assertEquals(1, b.delivered.size());
    }

    @Test
    void fatalErrorStopsTheFirmwareUntilReset() {
        ProcessorBench b = new ProcessorBench();
        b.fw.injectFatalError();
        assertTrue(b.fw.fatal());
        assertFalse(b.fw.canAccept());
        b.fw.controllerReset();
        assertFalse(b.fw.fatal());
        assertTrue(b.run(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1)).status().isSuccess());
    }

    @Test
    void dataAndNamespacesSurviveAPowerCycleAndAFile() {
        FirmwareConfig config = ProcessorBench.small().build();
        ProcessorBench first = new ProcessorBench(config);
        byte[] data = ProcessorBench.pattern(8192, 4);
        first.write(2, 3, 4096, data);
        first.admin(SubmissionQueueEntry.builder(AdminOpcode.FORMAT_NVM).nsid(1).cdw10(1));

        // Power cycle: a new firmware on the same media.
        ProcessorBench second = new ProcessorBench(config, first.media);
        assertArrayEquals(data, second.read(2, 3, 2, 4096));
        assertEquals(4096, second.media.store().namespace(1).orElseThrow().blockSize(), "the format persists");
        assertEquals(2, second.media.store().powerCycles());

        Path file = dir.resolve("ssd.media");
        second.media.store().save(file);
        ProcessorBench third = new ProcessorBench(config, new Media(config.media(), MediaStore.load(file)));
        assertArrayEquals(data, third.read(2, 3, 2, 4096));
        assertEquals(3, third.media.store().powerCycles());
    }
}
