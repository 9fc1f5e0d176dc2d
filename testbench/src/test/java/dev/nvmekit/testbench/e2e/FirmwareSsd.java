package dev.nvmekit.testbench.e2e;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.firmware.NamespaceSpec;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.monitor.TraceEvent;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulated SSD of the end-to-end tests: the generated front end (4 I/O queues of up to 64
 * entries, 5 MSI-X vectors) with the real {@link FirmwareBackEnd} behind it, on any simulator
 * backend, at a 10 ns clock. Two namespaces: NSID 1 with 512-byte blocks, NSID 2 with 4 KiB blocks.
 * Tests of other packages that run on both simulators use its {@link #design()} too, so that
 * Verilator builds (and caches) one front-end model for all of them.
 */
public final class FirmwareSsd {
    public static final FrontendParameters PARAMETERS = FrontendParameters.DEFAULT.withIoQueues(4).withMaxQueueEntries(64)
            .withMsixVectors(5).withTicksPer100us(100);
    public static final long PERIOD_PS = 10_000;
    private static Design design;

    private FirmwareSsd() {
    }

    /** The front end, elaborated once for every test class. */
    public static synchronized Design design() {
        if (design == null) design = Elaborator.elaborate(new NvmeFrontend(PARAMETERS)).design();
        return design;
    }

    /** Fast media (so tests are about commands) with 2 channels; a 100 MHz clock for SMART's power-on time. */
    static FirmwareConfig.Builder config() {
        return FirmwareConfig.builder().maxIoQueues(PARAMETERS.ioQueues()).clockHz(100_000_000L)
                .namespaces(List.of(new NamespaceSpec(1, 8192, 0), new NamespaceSpec(2, 1024, 1)))
                .capacityBytes(32L << 20).media(new MediaConfig(2, 4096, 20, 60, 200, 16));
    }

    static SimulatedSsd open(SimulatorBackend backend, FirmwareConfig config, AxiMemoryConfig memory, HostDriverConfig driver) {
        return new SimulatedSsd(design(), backend, (sim, mem) -> new FirmwareBackEnd(config, mem), memory, driver, PERIOD_PS);
    }

    /** The SSD with the default firmware on {@code kind} (a skipped test where that simulator is missing). */
    static SimulatedSsd open(SimulatorKind kind, AxiMemoryConfig memory, HostDriverConfig driver) {
        return open(kind.backend(), config().build(), memory, driver);
    }

    static SimulatedSsd open(SimulatorKind kind, FirmwareConfig config, AxiMemoryConfig memory, HostDriverConfig driver) {
        return open(kind.backend(), config, memory, driver);
    }

    static FirmwareBackEnd firmware(SimulatedSsd s) {
        return (FirmwareBackEnd) s.backEnd();
    }

    /** Every SQE the front end handed to the back end, with its SQ ID, from the trace. */
    static List<Handed> handed(SimulatedSsd s) {
        return s.trace().events().stream().filter(e -> e.kind() == TraceEvent.Kind.TRANSFER && e.channel().equals("cmd"))
                .map(e -> new Handed((int) e.get("cmd_sqid"), SubmissionQueueEntry.fromBusWord(e.fields().get("cmd_sqe"))))
                .toList();
    }

    /** An SQE and the SQ it came from. */
    record Handed(int sqid, SubmissionQueueEntry sqe) {
    }

    /** The trace checker finds nothing and the AXI slave saw no protocol error. */
    static void assertClean(SimulatedSsd s) {
        assertEquals(List.of(), s.violations(), "trace checker");
        assertEquals(List.of(), s.hostMemory().protocolErrors(), "AXI protocol");
    }
}
