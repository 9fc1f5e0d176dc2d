package dev.nvmekit.sim.process;

import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Concurrent testbench processes over any {@link Simulator}, written as straight-line code
 * (like cocotb coroutines or SpinalSim's fork/join):
 * <pre>{@code
 * try (Testbench tb = new Testbench(sim, 42)) {
 *     tb.fork("driver", ctx -> { ctx.waitCycles(3); ctx.poke("valid", 1); ctx.waitUntil(() -> sim.peek("ready") == 1); });
 *     tb.run(1000);
 * }
 * }</pre>
 *
 * <p>Scheduling is deterministic: only one process runs at a time and the testbench resumes
 * processes in the order they were forked, from its own (the calling) thread. After every
 * rising edge of the primary clock it resumes each process whose wait is over, then repeats
 * the scan until no process is ready (so a process can react to another's poke in the same
 * cycle), then steps the clock. Each process is a virtual thread handed control explicitly.
 * Waiting costs nothing per edge: the testbench counts cycles and evaluates {@code waitUntil}
 * conditions itself and switches to a process only when it is due.
 *
 * <p>Failures: a process that throws stops the run with a {@link SimulationException} naming
 * it, the cycle and its message (every other process is cancelled). A run that reaches its
 * cycle limit with processes still waiting, processes that only join each other, and a process
 * that keeps running without ever waiting (longer than {@link #withYieldTimeout}) all end with
 * an error that says who waits for what; nothing hangs.
 */
public final class Testbench implements AutoCloseable {
    private final Simulator sim;
    private final long seed;
    private final List<ProcessState> processes = new ArrayList<>();
    private final Semaphore yielded = new Semaphore(0);
    private Duration yieldTimeout = Duration.ofSeconds(60);
    private boolean closed;

    public Testbench(Simulator sim, long seed) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.seed = seed;
    }

    /** Sets how long one process may run without waiting before the run fails (default 60 s). */
    public Testbench withYieldTimeout(Duration timeout) {
        this.yieldTimeout = timeout;
        return this;
    }

    /** The simulation the processes drive. */
    public Simulator sim() {
        return sim;
    }

    /** Starts a process; it first runs when {@link #run} or {@link #runCycles} next schedules. */
    public TestProcess fork(String name, ProcessBody body) {
        if (closed) throw new SimulationException("testbench is closed; create a new one");
        if (ProcessState.current() != null) return ProcessState.current().context().fork(name, body);
        return spawn(name, body);
    }

    ProcessState spawn(String name, ProcessBody body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        ProcessState p = new ProcessState(this, name, processes.size(), seed, body);
        processes.add(p);
        p.start();
        return p;
    }

    Simulator simulator() {
        return sim;
    }

    Semaphore yielded() {
        return yielded;
    }

    /**
     * Runs until every process has finished, stepping the clock as needed; fails if processes
     * are still alive after {@code maxCycles} cycles.
     */
    public void run(long maxCycles) {
        checkDriver();
        onSchedulerThread(() -> {
            long start = sim.cycle();
            schedule();
            while (processes.stream().anyMatch(p -> !p.done)) {
                if (sim.cycle() - start >= maxCycles) {
                    throw fail(new SimulationException("testbench did not finish within " + maxCycles + " cycles (now at cycle "
                            + sim.cycle() + "); still waiting: " + waiting()));
                }
                if (processes.stream().filter(p -> !p.done).allMatch(p -> p.wait == ProcessState.Wait.JOIN)) {
                    throw fail(new SimulationException("deadlock at cycle " + sim.cycle() + ": every live process joins another: " + waiting()));
                }
                sim.step();
                schedule();
            }
        });
    }

    /** Runs exactly {@code cycles} clock cycles; processes still waiting stay alive for later runs. */
    public void runCycles(long cycles) {
        checkDriver();
        onSchedulerThread(() -> {
            schedule();
            for (long i = 0; i < cycles; i++) {
                sim.step();
                schedule();
            }
        });
    }

    /**
     * Runs the scheduling loop on a virtual thread of its own while the caller waits: a hand-off
     * between two virtual threads is several times cheaper than one between a platform thread
     * and a virtual thread, and the loop switches to a process at every edge it is due.
     */
    private void onSchedulerThread(Runnable loop) {
        RuntimeException[] failure = new RuntimeException[1];
        Error[] error = new Error[1];
        Thread t = Thread.ofVirtual().name("testbench-scheduler").start(() -> {
            try {
                loop.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (Error e) {
                error[0] = e;
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted while the testbench ran", e);
        }
        if (error[0] != null) throw error[0];
        if (failure[0] != null) throw failure[0];
    }

    private void checkDriver() {
        if (closed) throw new SimulationException("testbench is closed; create a new one");
        if (ProcessState.current() != null) {
            throw new SimulationException("run() is called by process '" + ProcessState.current().name() + "'; use ctx.waitCycles or ctx.join inside processes");
        }
    }

    /** Resumes ready processes in fork order until none is ready. */
    private void schedule() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < processes.size(); i++) {
                ProcessState p = processes.get(i);
                if (p.done || !ready(p)) continue;
                resume(p);
                progress = true;
            }
        }
    }

    private boolean ready(ProcessState p) {
        return switch (p.wait) {
            case START -> true;
            case CYCLES -> sim.cycle() >= p.wakeCycle;
            case CONDITION -> {
                try {
                    yield p.condition.getAsBoolean();
                } catch (RuntimeException e) {
                    throw fail(new SimulationException("process '" + p.name() + "' failed at cycle " + sim.cycle()
                            + ": its waitUntil condition threw " + e, e));
                }
            }
            case JOIN -> p.joined.done;
            case DONE -> false;
        };
    }

    private void resume(ProcessState p) {
        p.handOff();
        boolean back;
        try {
            back = yielded.tryAcquire(yieldTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new SimulationException("interrupted while process '" + p.name() + "' ran", e));
        }
        if (!back) {
            throw fail(new SimulationException("process '" + p.name() + "' ran for " + yieldTimeout.toSeconds()
                    + " s without waiting (a loop without waitCycles/waitUntil?)"));
        }
        if (p.failure != null) {
            Throwable t = p.failure;
            String message = t.getMessage() == null ? t.toString() : t.getMessage();
            throw fail(new SimulationException("process '" + p.name() + "' failed at cycle " + sim.cycle() + ": " + message, t));
        }
    }

    private String waiting() {
        return processes.stream().filter(p -> !p.done).map(ProcessState::describeWait).collect(Collectors.joining(", "));
    }

    /** Cancels every live process and returns {@code e} for throwing. */
    private SimulationException fail(SimulationException e) {
        cancelAll();
        return e;
    }

    private void cancelAll() {
        for (ProcessState p : processes) {
            if (p.done) continue;
            p.cancel();
            if (p.running) continue; // stuck in user code: it is a virtual thread and is abandoned
            try {
                yielded.tryAcquire(yieldTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Cancels processes that are still waiting. */
    @Override
    public void close() {
        if (closed) return;
        cancelAll();
        closed = true;
    }
}
