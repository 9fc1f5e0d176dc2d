package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.media.MediaStore;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.PrpBuilder;
import dev.nvmekit.testbench.nvme.PrpMapping;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One power-on of the simulated SSD that the {@code nvme} subcommands talk to: the front-end RTL
 * on the embedded simulator, the real firmware back end on a {@link Media} (fresh, or loaded from
 * a saved image), and the Linux-like host driver, enabled and brought up. Host code runs through
 * {@link #call}, which blocks in simulated time; {@link #admin} and {@link #io} are the two
 * passthrough paths every subcommand is built on, as nvme-cli's are on the kernel's ioctls.
 *
 * <p>The device is deliberately small (two I/O queues, 64 entries) so that booting it, which each
 * standalone invocation does, takes seconds.
 */
public final class DeviceSession implements AutoCloseable {
    /** Controller cycles a single command may take before the session gives up (several ms simulated). */
    private static final long MAX_CYCLES = 40_000_000L;
    private static final long CLOCK_PERIOD_PS = 4_000; // 250 MHz, the firmware's clockHz
    /**
     * Linux's driver with one CPU; admin timeouts long enough for a Format NVM of the whole
     * namespace (its erase takes about 64k cycles), yet far below the session's cycle limit.
     */
    private static final HostDriverConfig DRIVER = HostDriverConfig.fastSimulation(1).withTimeouts(20_000_000, 10_000_000);

    private final FirmwareConfig config;
    private final Media media;
    private final SimulatedSsd ssd;

    /** What an admin or I/O command came back with: its status, completion dword 0, and data read. */
    public record Result(CompletionStatus status, int dw0, byte[] data) {
        /** Throws the nvme-cli status error unless the command succeeded. */
        public Result orFail() {
            if (!status.isSuccess()) throw new NvmeStatusError(status);
            return this;
        }
    }

    private DeviceSession(FirmwareConfig config, Media media) {
        this.config = config;
        this.media = media;
        this.ssd = new SimulatedSsd(DesignHolder.DESIGN, new EmbeddedBackend(),
                (sim, mem) -> new FirmwareBackEnd(config, mem, media, ""), AxiMemoryConfig.ideal(),
                DRIVER, CLOCK_PERIOD_PS);
        try {
            call(d -> {
                d.enable();
                return null;
            });
        } catch (RuntimeException e) {
            ssd.close();
            throw e;
        }
    }

    /** The firmware the {@code nvme} command simulates (see {@link FirmwareConfig.Builder} for the defaults). */
    public static FirmwareConfig defaultConfig() {
        return FirmwareConfig.builder().maxIoQueues(2).build();
    }

    /** Boots a device on fresh media, or on the media saved in {@code mediaFile} when that file exists. */
    public static DeviceSession boot(Path mediaFile) {
        if (mediaFile != null) checkMediaFile(mediaFile);
        FirmwareConfig config = defaultConfig();
        Media media;
        if (mediaFile != null && Files.exists(mediaFile)) {
            MediaStore store;
            try {
                store = MediaStore.load(mediaFile);
            } catch (IllegalArgumentException e) {
                throw new dev.nvmekit.testbench.cli.Main.UsageError(e.getMessage());
            }
            media = new Media(config.media(), store);
        } else {
            media = new Media(config.media());
        }
        return new DeviceSession(config, media);
    }

    /** A media file must be a file (or not exist yet) in a directory that exists, so the save after the run cannot fail. */
    static void checkMediaFile(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new dev.nvmekit.testbench.cli.Main.UsageError("--media " + file + " is a directory, not a media image");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new dev.nvmekit.testbench.cli.Main.UsageError("--media " + file + ": directory " + dir + " does not exist");
        }
        // The media is saved after the run: find out now, before simulating, if that cannot work.
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(dir)) {
            throw new dev.nvmekit.testbench.cli.Main.UsageError("--media " + file + ": not writable");
        }
    }

    /** Writes the media (namespaces, data, lifetime counters) to {@code file}. */
    public void saveMedia(Path file) {
        media.store().save(file);
    }

    public FirmwareConfig config() {
        return config;
    }

    public SimulatedSsd ssd() {
        return ssd;
    }

    /**
     * Runs {@code body} with the host driver in a bench process and returns its result; an
     * exception thrown by {@code body} is rethrown as itself, not wrapped by the bench loop.
     */
    public <T> T call(Function<HostDriver, T> body) {
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        ssd.run(ctx -> {
            try {
                result[0] = body.apply(ssd.driver());
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, MAX_CYCLES);
        if (failure[0] != null) throw failure[0];
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /**
     * An admin command with an optional data buffer: {@code readLength} bytes from the controller,
     * or {@code writeData} to it (at most one of them). The buffer is mapped with PRPs as Linux maps
     * a passthrough buffer.
     */
    public Result admin(SubmissionQueueEntry command, int readLength, byte[] writeData) {
        return call(d -> transfer(command, readLength, writeData, d::adminCommand));
    }

    /** An I/O command on the first I/O queue, with a data buffer as for {@link #admin}. */
    public Result io(SubmissionQueueEntry command, int readLength, byte[] writeData) {
        return call(d -> transfer(command, readLength, writeData, d::ioCommand));
    }

    private Result transfer(SubmissionQueueEntry command, int readLength, byte[] writeData,
                            Function<SubmissionQueueEntry, HostRequest> submit) {
        int length = writeData != null ? writeData.length : readLength;
        if (length == 0) {
            HostRequest r = submit.apply(command);
            return new Result(r.status(), r.dw0(), new byte[0]);
        }
        var memory = ssd.memory();
        PrpBuilder prps = new PrpBuilder(memory);
        long buffer = memory.allocate(length, 4096);
        try {
            if (writeData != null) memory.write(buffer, writeData, 0, length);
            PrpMapping m = prps.map(buffer, length);
            try {
                HostRequest r = submit.apply(command.toBuilder().dataPointer(m).build());
                byte[] data = new byte[writeData != null ? 0 : length];
                if (writeData == null) memory.read(buffer, data, 0, length);
                return new Result(r.status(), r.dw0(), data);
            } finally {
                prps.release(m);
            }
        } finally {
            memory.free(buffer);
        }
    }

    /** Lets {@code nanoseconds} of simulated time pass with no host activity (background work such as a sanitize runs on). */
    public void idle(long nanoseconds) {
        ssd.idle(Math.max(1, nanoseconds * 1000 / CLOCK_PERIOD_PS));
    }

    /** Reads a BAR0 register of {@code bytes} 4 or 8 as the host's MMIO would. */
    public long readRegister(long offset, int bytes) {
        return call(d -> {
            var ctx = ssd.loop().currentContext();
            return bytes == 8 ? ssd.bar().read64(ctx, offset) : ssd.bar().read32(ctx, offset) & 0xFFFF_FFFFL;
        });
    }

    @Override
    public void close() {
        ssd.close();
    }

    /** The front end elaborated once per JVM: an immutable design shared by every session. */
    private static final class DesignHolder {
        static final Design DESIGN = Elaborator.elaborate(new NvmeFrontend(FrontendParameters.DEFAULT.withIoQueues(2)
                .withMaxQueueEntries(64).withMsixVectors(3).withTicksPer100us(100))).design();
    }
}
