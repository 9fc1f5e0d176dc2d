package dev.nvmekit.testbench.bench;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.bench.LfsrMesh;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench loop's schedule, whichever thread runs it, and how failures reach the caller. */
class BenchLoopTest {
    private static final Design DESIGN = Elaborator.elaborate(new LfsrMesh(2)).design();

    /** An agent that logs each drive with the cycle, and the thread it ran on. */
    private static final class Recorder implements CycleAgent {
        final List<String> log;
        final List<Thread> threads = new ArrayList<>();
        final BenchLoop loop;

        Recorder(BenchLoop loop, List<String> log) {
            this.loop = loop;
            this.log = log;
        }

        @Override
        public void drive(Simulator sim) {
            log.add("drive@" + loop.cycle());
            threads.add(Thread.currentThread());
        }

        @Override
        public void sample(Simulator sim) {
        }
    }

    @Test
    void processesResumeInStartOrderBeforeTheAgentsOfTheirCycle() {
        try (Simulator sim = new EmbeddedBackend().open(DESIGN, SimulationOptions.defaults())) {
            BenchLoop loop = new BenchLoop(sim);
            List<String> log = new ArrayList<>();
            loop.add(new Recorder(loop, log));
            loop.start("a", ctx -> {
                log.add("a@" + ctx.cycle());
                ctx.waitCycles(2);
                log.add("a@" + ctx.cycle());
            });
            loop.start("b", ctx -> {
                log.add("b@" + ctx.cycle());
                ctx.waitUntil(() -> loop.cycle() >= 1);
                log.add("b@" + ctx.cycle());
            });
            loop.runProcesses(100);
            assertEquals(List.of("a@0", "b@0", "drive@0", "b@1", "drive@1", "a@2", "drive@2"), log);
            assertEquals(3, loop.cycle());
        }
    }

    @Test
    void aLoneProcessClocksTheSimulationFromItsOwnThread() {
        try (Simulator sim = new EmbeddedBackend().open(DESIGN, SimulationOptions.defaults())) {
            BenchLoop loop = new BenchLoop(sim);
            Recorder r = new Recorder(loop, new ArrayList<>());
            loop.add(r);
            Thread[] host = new Thread[1];
            BenchLoop.Proc p = loop.start("host", ctx -> {
                host[0] = Thread.currentThread();
                for (int i = 0; i < 50; i++) ctx.waitCycles(1);
            });
            loop.runUntil(p::finished, 1000, "host");
            assertEquals(51, r.threads.size()); // cycles 0..50: the process ends in the pass of cycle 50
            for (Thread t : r.threads) assertSame(host[0], t, "every cycle ran on the waiting process's thread: no switch");
        }
    }

    @Test
    void anAgentFailingWhileAProcessRunsTheLoopFailsTheCaller() {
        try (Simulator sim = new EmbeddedBackend().open(DESIGN, SimulationOptions.defaults())) {
            BenchLoop loop = new BenchLoop(sim);
            loop.add(new CycleAgent() {
                @Override
                public void drive(Simulator s) {
                    if (loop.cycle() == 5) throw new IllegalStateException("agent broke");
                }

                @Override
                public void sample(Simulator s) {
                }
            });
            loop.start("host", ctx -> ctx.waitCycles(100));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runProcesses(1000));
            assertEquals("agent broke", e.getMessage());
        }
    }

    @Test
    void aProcessThatThrowsAndATimeoutAreReportedWithTheCycle() {
        try (Simulator sim = new EmbeddedBackend().open(DESIGN, SimulationOptions.defaults())) {
            BenchLoop loop = new BenchLoop(sim);
            loop.start("host", ctx -> {
                ctx.waitCycles(3);
                throw new IllegalArgumentException("bad command");
            });
            SimulationException e = assertThrows(SimulationException.class, () -> loop.runProcesses(1000));
            assertEquals("process 'host' failed at cycle 3: bad command", e.getMessage());
            loop.start("waiter", ctx -> ctx.waitUntil(() -> false));
            SimulationException t = assertThrows(SimulationException.class, () -> loop.runProcesses(10));
            assertTrue(t.getMessage().startsWith("timed out after 10 cycles waiting for processes"), t.getMessage());
        }
    }
}
