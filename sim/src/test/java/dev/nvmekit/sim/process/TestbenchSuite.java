package dev.nvmekit.sim.process;

import dev.nvmekit.sim.BackendSuite;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SuiteDesigns;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent testbench processes over any backend: deterministic interleaving by seed, waiting
 * on conditions, fork/join, and failures that name the process.
 */
public abstract class TestbenchSuite extends BackendSuite {
    private Simulator counter() {
        Simulator sim = open(SuiteDesigns.COUNTER);
        sim.reset(1);
        return sim;
    }

    /** Two processes that each log with their own random delays; returns the interleaved log. */
    private List<String> interleaving(long seed) {
        List<String> log = new ArrayList<>();
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, seed)) {
            for (String name : List.of("a", "b", "c")) {
                tb.fork(name, ctx -> {
                    for (int i = 0; i < 5; i++) {
                        ctx.waitCycles(1 + ctx.random().nextInt(3));
                        log.add(name + i + "@" + ctx.cycle());
                    }
                });
            }
            tb.run(100);
        }
        return log;
    }

    @Test
    public void sameSeedGivesSameInterleaving() {
        List<String> first = interleaving(5);
        assertEquals(15, first.size());
        for (int run = 0; run < 5; run++) assertEquals(first, interleaving(5));
        assertTrue(!first.equals(interleaving(6)) || !first.equals(interleaving(7)), "different seeds should differ");
    }

    @Test
    public void processesAtOneCycleRunInForkOrder() {
        List<String> log = new ArrayList<>();
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1)) {
            tb.fork("second", ctx -> {
                ctx.waitCycles(2);
                log.add("second");
            });
            tb.fork("first", ctx -> {
                ctx.waitCycles(2);
                log.add("first");
            });
            tb.run(10);
        }
        assertEquals(List.of("second", "first"), log);
    }

    @Test
    public void waitUntilSeesDriverInSameCycleAndCounter() {
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1)) {
            long[] seen = new long[2];
            tb.fork("driver", ctx -> {
                ctx.waitCycles(3);
                ctx.poke("enable", 1);
            });
            tb.fork("monitor", ctx -> {
                ctx.waitUntil(() -> sim.peek("enable") == 1);
                seen[0] = ctx.cycle();
                ctx.waitUntil(() -> sim.peek("count") == 10);
                seen[1] = ctx.cycle();
            });
            long start = sim.cycle();
            tb.run(100);
            assertEquals(start + 3, seen[0]);
            assertEquals(start + 13, seen[1]);
        }
    }

    @Test
    public void forkAndJoin() {
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1)) {
            List<String> log = new ArrayList<>();
            tb.fork("parent", ctx -> {
                TestProcess child = ctx.fork("child", c -> {
                    c.waitCycles(4);
                    log.add("child done @" + c.cycle());
                });
                log.add("parent forked @" + ctx.cycle());
                ctx.join(child);
                log.add("parent joined @" + ctx.cycle());
                assertTrue(child.isDone());
            });
            long s = sim.cycle();
            tb.run(20);
            assertEquals(List.of("parent forked @" + s, "child done @" + (s + 4), "parent joined @" + (s + 4)), log);
        }
    }

    @Test
    public void throwingProcessFailsTheRunWithItsNameAndMessage() {
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1)) {
            tb.fork("bystander", ctx -> ctx.waitCycles(1000));
            tb.fork("checker", ctx -> {
                ctx.waitCycles(2);
                throw new AssertionError("count was wrong");
            });
            SimulationException e = assertThrows(SimulationException.class, () -> tb.run(100));
            assertTrue(e.getMessage().contains("'checker'") && e.getMessage().contains("count was wrong"), e.getMessage());
            assertTrue(e.getCause() instanceof AssertionError);
        }
    }

    @Test
    public void neverSatisfiedConditionTimesOutWithWhoWaits() {
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1)) {
            tb.fork("waiter", ctx -> ctx.waitUntil(() -> false));
            SimulationException e = assertThrows(SimulationException.class, () -> tb.run(50));
            assertTrue(e.getMessage().contains("within 50 cycles") && e.getMessage().contains("'waiter' waits for a condition"), e.getMessage());
        }
    }

    @Test
    public void mutualJoinIsADeadlock() {
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1)) {
            TestProcess[] ps = new TestProcess[2];
            ps[0] = tb.fork("a", ctx -> {
                ctx.waitCycles(1);
                ctx.join(ps[1]);
            });
            ps[1] = tb.fork("b", ctx -> {
                ctx.waitCycles(1);
                ctx.join(ps[0]);
            });
            SimulationException e = assertThrows(SimulationException.class, () -> tb.run(1_000_000));
            assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
        }
    }

    @Test
    public void processThatNeverWaitsIsReported() {
        try (Simulator sim = counter(); Testbench tb = new Testbench(sim, 1).withYieldTimeout(Duration.ofMillis(300))) {
            tb.fork("spinner", ctx -> {
                while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            });
            SimulationException e = assertThrows(SimulationException.class, () -> tb.run(10));
            assertTrue(e.getMessage().contains("'spinner'") && e.getMessage().contains("without waiting"), e.getMessage());
        }
    }

    @Test
    public void driverAndMonitorMoveDataThroughAFifo() {
        // Through both FIFOs of the pair: the driver waits while the first one is full.
        Simulator sim = open(SuiteDesigns.FIFO_PAIR);
        try (sim; Testbench tb = new Testbench(sim, 3)) {
            sim.reset(1);
            List<Long> sent = new ArrayList<>();
            List<Long> received = new ArrayList<>();
            tb.fork("driver", ctx -> {
                for (int i = 0; i < 20; i++) {
                    long v = ctx.random().nextInt(256);
                    ctx.waitUntil(() -> sim.peek("first.full") == 0);
                    ctx.poke("push", 1);
                    ctx.poke("in_data", v);
                    sent.add(v);
                    ctx.waitCycles(1);
                    ctx.poke("push", 0);
                    ctx.waitCycles(ctx.random().nextInt(3));
                }
            });
            tb.fork("monitor", ctx -> {
                while (received.size() < 20) {
                    boolean take = ctx.random().nextBoolean() && sim.peek("empty") == 0;
                    ctx.poke("pop", take ? 1 : 0);
                    if (take) received.add(sim.peek("out_data"));
                    ctx.waitCycles(1);
                }
                ctx.poke("pop", 0);
            });
            tb.run(1000);
            assertEquals(sent, received);
        }
    }
}
