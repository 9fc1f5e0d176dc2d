package dev.nvmekit.testbench.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.nvme.AdminOpcode;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.CreateIoCompletionQueueCommand;
import dev.nvmekit.testbench.nvme.IdentifyCns;
import dev.nvmekit.testbench.nvme.IdentifyCommand;
import dev.nvmekit.testbench.nvme.IdentifyController;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.PrpBuilder;
import dev.nvmekit.testbench.nvme.SparseHostMemory;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The firmware's port agent in a real simulation: {@link BackEndPortStub} has the front end's
 * back-end ports and {@link StubFrontEnd} plays the front end on the other side of it.
 */
class FirmwareBackEndPortTest {
    private final SparseHostMemory memory = new SparseHostMemory();
    private final Simulator sim = new EmbeddedBackend().open(Elaborator.elaborate(new BackEndPortStub()).design(),
            SimulationOptions.defaults());
    private final StubFrontEnd frontEnd = new StubFrontEnd();
    private FirmwareBackEnd firmware;
    private BenchLoop loop;

    private void start(FirmwareConfig config) {
        firmware = new FirmwareBackEnd(config, memory, new Media(config.media()), "");
        loop = new BenchLoop(sim).add(frontEnd).add(firmware);
        sim.reset(2);
        frontEnd.enabled = true;
        loop.step();
    }

    @AfterEach
    void close() {
        sim.close();
        assertEquals(java.util.List.of(), frontEnd.violations);
    }

    private Completion await(int sqid, int cid) {
        loop.runUntil(() -> frontEnd.completions.stream().anyMatch(c -> c.sqid() == sqid && c.cid() == cid), 10_000,
                "completion of " + cid);
        return frontEnd.completions.stream().filter(c -> c.sqid() == sqid && c.cid() == cid).findFirst().orElseThrow();
    }

    @Test
    void identifyTravelsThroughTheCommandAndCompletionPorts() {
        start(ProcessorBench.small().build());
        long buf = memory.allocate(4096, 4096);
        SubmissionQueueEntry sqe = IdentifyCommand.of(IdentifyCns.CONTROLLER, 0)
                .applyTo(SubmissionQueueEntry.builder(0)).cid(0xBEEF).dataPointer(new PrpBuilder(memory).map(buf, 4096)).build();
        frontEnd.toSend.add(new StubFrontEnd.Sqe(0, sqe));
        Completion c = await(0, 0xBEEF);
        assertTrue(c.status().isSuccess());
        assertEquals("NVMEKIT0001", IdentifyController.parse(memory.read(buf, 4096)).serialNumber());
    }

    @Test
    void queueCreationWaitsForTheQueueManagementAnswer() {
        start(ProcessorBench.small().build());
        var cq = CreateIoCompletionQueueCommand.linux(2, 256, 0x1_2345_6000L, false);
        frontEnd.toSend.add(new StubFrontEnd.Sqe(0, cq.applyTo(SubmissionQueueEntry.builder(0)).cid(5).build()));
        Completion ok = await(0, 5);
        assertTrue(ok.status().isSuccess());
        assertEquals(QueueManagementRequest.createCq(2, 0x1_2345_6000L, 255, true, 2), frontEnd.requests.getFirst());

        frontEnd.qmAnswer = StatusCode.INVALID_INTERRUPT_VECTOR.doNotRetry();
        frontEnd.toSend.add(new StubFrontEnd.Sqe(0, cq.applyTo(SubmissionQueueEntry.builder(0)).cid(6).build()));
        assertTrue(await(0, 6).status().is(StatusCode.INVALID_INTERRUPT_VECTOR));
    }

    @Test
    void eventsFromTheFrontEndCompleteAnOutstandingRequest() {
        start(ProcessorBench.small().build());
        frontEnd.toSend.add(new StubFrontEnd.Sqe(0, SubmissionQueueEntry.builder(AdminOpcode.ASYNCHRONOUS_EVENT_REQUEST).cid(9).build()));
        loop.runUntil(() -> firmware.processor().outstandingAsyncEventRequests() == 1, 1000, "the AER to park");
        frontEnd.events.add(new StubFrontEnd.Event(0, AsynchronousEvent.INFO_WRITE_TO_INVALID_DOORBELL, 7));
        Completion c = await(0, 9);
        assertEquals(AsynchronousEvent.errorStatus(0), AsynchronousEvent.decode(c.dw0()));
    }

    @Test
    void fullSlotsHoldOffCommandsAndStalledCompletionsStayStable() {
        start(ProcessorBench.small().commandSlots(1).build());
        frontEnd.stallCompletions = true;
        for (int cid = 1; cid <= 3; cid++) {
            frontEnd.toSend.add(new StubFrontEnd.Sqe(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1).cid(cid).build()));
        }
        for (int i = 0; i < 50; i++) {
            loop.step();
        }
        assertEquals(2, frontEnd.toSend.size(), "one slot: one command taken");
        assertTrue(frontEnd.cyclesCmdStalled > 40);
        frontEnd.stallCompletions = false;
        await(1, 3);
        assertEquals(java.util.List.of(1, 2, 3), frontEnd.completions.stream().map(Completion::cid).toList());
    }

    @Test
    void shutdownIsReportedOnceTheWorkIsDoneAndResetDropsCommands() {
        start(ProcessorBench.small().commandCycles(30).build());
        frontEnd.toSend.add(new StubFrontEnd.Sqe(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1).cid(1).build()));
        loop.step();
        loop.step();
        frontEnd.shutdownRequest = true;
        loop.step();
        loop.step();
        assertFalse(frontEnd.shutdownDone, "a command is still running");
        loop.runUntil(() -> frontEnd.shutdownDone, 1000, "shutdown done");
        assertEquals(1, frontEnd.completions.size());

        frontEnd.shutdownRequest = false;
        frontEnd.toSend.add(new StubFrontEnd.Sqe(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1).cid(2).build()));
        frontEnd.toSend.add(new StubFrontEnd.Sqe(1, SubmissionQueueEntry.builder(NvmOpcode.FLUSH).nsid(1).cid(3).build()));
        loop.runUntil(() -> frontEnd.toSend.isEmpty(), 1000, "commands taken");
        frontEnd.enabled = false;
        for (int i = 0; i < 200; i++) {
            loop.step();
        }
        assertEquals(1, frontEnd.completions.size(), "commands of a reset controller are not completed");
        assertEquals(0, firmware.processor().occupiedSlots());
    }

    @Test
    void fatalErrorIsALevelOnCtrlFatal() {
        start(ProcessorBench.small().build());
        loop.step();
        assertFalse(frontEnd.fatal);
        firmware.processor().injectFatalError();
        loop.step();
        loop.step();
        assertTrue(frontEnd.fatal);
    }
}
