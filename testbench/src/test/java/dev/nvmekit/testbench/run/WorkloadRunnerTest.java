package dev.nvmekit.testbench.run;

import dev.nvmekit.testbench.e2e.FirmwareSsd;
import dev.nvmekit.testbench.e2e.SimulatorKind;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import dev.nvmekit.testbench.workload.CommandRecord;
import dev.nvmekit.testbench.workload.JobSpec;
import dev.nvmekit.testbench.workload.WorkloadResult;
import dev.nvmekit.testbench.workload.WorkloadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workload runner on the real front end and firmware, on both simulators: queue depth,
 * offsets, determinism, and verify catching bad data. The front end is the end-to-end tests' one
 * ({@link FirmwareSsd#design()}), so Verilator builds no model of its own for these; the workloads
 * are a few dozen commands each, small enough to keep the same size on Verilator.
 */
class WorkloadRunnerTest {
    static final long PERIOD_PS = FirmwareSsd.PERIOD_PS;

    /** Runs {@code spec} on a fresh drive; the media is overwritten once {@code corruptAfter} commands are done. */
    static WorkloadResult run(SimulatorKind kind, JobSpec spec, long corruptAfter) {
        FirmwareConfig fw = FirmwareConfig.builder().maxIoQueues(2).build();
        try (SimulatedSsd ssd = new SimulatedSsd(FirmwareSsd.design(), kind.backend(), (sim, mem) -> new FirmwareBackEnd(fw, mem),
                AxiMemoryConfig.ideal(), SimulationRun.driverConfig(spec, 16), PERIOD_PS)) {
            FirmwareBackEnd be = (FirmwareBackEnd) ssd.backEnd();
            WorkloadResult[] r = new WorkloadResult[1];
            ssd.run(ctx -> {
                ssd.driver().enable();
                var ns = ssd.driver().namespaces().get(1);
                WorkloadRunner runner = new WorkloadRunner(spec, 1, (int) ns.blockSize(), ns.nsze(), PERIOD_PS);
                boolean[] corrupted = {false};
                r[0] = runner.run(ssd.driver(), ctx, (cycle, done) -> {
                    if (done == corruptAfter && !corrupted[0]) {
                        be.media().store().namespace(1).orElseThrow().overwrite(0x5A);
                        corrupted[0] = true;
                    }
                });
            }, 5_000_000);
            assertEquals(List.of(), ssd.violations());
            return r[0];
        }
    }

    static JobSpec spec(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return JobSpec.parse(m, JobSpec.defaults());
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void sequentialWritesWalkEachJobsRegionInOrderWithinTheQueueDepth(SimulatorKind kind) {
        JobSpec s = spec("rw", "write", "bs", "1k", "iodepth", "3", "numjobs", "2", "size", "8k", "verify", "0");
        WorkloadResult r = run(kind, s, -1);
        assertEquals(16, r.workloadCommands().size());
        for (int job = 0; job < 2; job++) {
            int j = job;
            List<Long> lbas = r.commands().stream().filter(c -> c.job() == j)
                    .sorted(java.util.Comparator.comparingLong(CommandRecord::submitCycle).thenComparingLong(CommandRecord::lba))
                    .map(CommandRecord::lba).toList();
            long base = job * 16L;                                   // 8 KiB region of 512-byte blocks
            assertEquals(List.of(base, base + 2, base + 4, base + 6, base + 8, base + 10, base + 12, base + 14), lbas);
            assertEquals(1, r.commands().stream().filter(c -> c.job() == j).map(CommandRecord::qid).distinct().count(), "one queue per job");
            for (CommandRecord c : r.commands()) {
                long inFlight = r.commands().stream().filter(o -> o.qid() == c.qid() && o.submitCycle() <= c.submitCycle()
                        && o.doneCycle() > c.submitCycle()).count();
                assertTrue(inFlight <= 3, "more than iodepth in flight at cycle " + c.submitCycle());
            }
        }
        assertTrue(r.commands().stream().allMatch(c -> c.write() && c.success()));
        assertNotEquals(r.commands().get(0).qid(), r.commands().stream().filter(c -> c.job() == 1).findFirst().orElseThrow().qid());
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne(SimulatorKind kind) {
        JobSpec s = spec("rw", "randrw", "rwmixread", "50", "bs", "512", "iodepth", "4", "numjobs", "1", "size", "16k", "verify", "1", "seed", "11");
        WorkloadResult a = run(kind, s, -1);
        WorkloadResult b = run(kind, s, -1);
        assertEquals(a.commands(), b.commands());
        assertTrue(a.verifyFailures().isEmpty(), a.verifyFailures().toString());
        assertTrue(a.verifiedBytes() > 0);
        WorkloadResult c = run(kind, spec("rw", "randrw", "rwmixread", "50", "bs", "512", "iodepth", "4", "numjobs", "1", "size", "16k", "verify", "1", "seed", "12"), -1);
        assertNotEquals(a.commands().stream().map(CommandRecord::lba).toList(), c.commands().stream().map(CommandRecord::lba).toList());
    }

    @ParameterizedTest
    @EnumSource(SimulatorKind.class)
    void verifyCatchesDataChangedOnTheMediaAfterItWasWritten(SimulatorKind kind) {
        JobSpec s = spec("rw", "randwrite", "bs", "2k", "iodepth", "4", "numjobs", "1", "size", "16k", "verify", "1");
        WorkloadResult clean = run(kind, s, -1);
        assertTrue(clean.verifyFailures().isEmpty(), clean.verifyFailures().toString());
        WorkloadResult bad = run(kind, s, 8);                             // all 8 writes done, verify phase not started
        assertFalse(bad.verifyFailures().isEmpty());
        assertTrue(bad.verifyFailures().getFirst().startsWith("verify: read of lba"), bad.verifyFailures().getFirst());
        assertTrue(bad.verifyFailures().getFirst().contains("read 0x5a"), bad.verifyFailures().getFirst());
    }

    @Test
    void aWorkloadLargerThanTheNamespaceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkloadRunner(spec("size", "48m", "numjobs", "2"), 1, 512, 64 * 2048, PERIOD_PS));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }
}
