package dev.nvmekit.testbench.bench;

import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Runs a simulation cycle by cycle: every {@link CycleAgent} drives, then samples, then the clock
 * rises. Straight-line test code (a host driver's enable sequence, a workload) runs as
 * {@link BenchProcess}es on virtual threads that the loop resumes one at a time, in the order
 * they were started, only when what they wait for has happened — so a process waiting for a
 * condition costs a check per cycle, not a thread switch, and every run of the same seed is the
 * same trace.
 *
 * <p>No thread switch per cycle: the loop is not tied to a thread. Whichever party holds
 * control — the caller of {@link #runUntil} or a process inside {@code waitUntil} — runs the
 * loop itself until some other party is due, and only then hands control over. A lone host
 * process therefore clocks the simulation from its own thread and returns from its wait
 * without any switch; a switch happens only when control really moves to other code. The
 * order of every step (each process's condition, each resume, the agents, the edge) is exactly
 * that of a loop on one thread.
 */
public final class BenchLoop {
    private final Simulator sim;
    private final List<CycleAgent> agents = new ArrayList<>();
    private final List<Proc> processes = new ArrayList<>();
    private long cycle;
    // Where the loop is: before a cycle's first check (pass == null), or in its resume pass at passIndex.
    private List<Proc> pass;
    private int passIndex;
    private Run run;

    public BenchLoop(Simulator sim) {
        this.sim = sim;
    }

    /** The simulation this loop clocks. */
    public Simulator simulator() {
        return sim;
    }

    /** Adds an agent; agents drive and sample in the order added. */
    public BenchLoop add(CycleAgent agent) {
        agents.add(agent);
        return this;
    }

    /** Clock cycles run by this loop so far. */
    public long cycle() {
        return cycle;
    }

    /** Starts {@code body} as a process; it first runs at the next cycle boundary. */
    public Proc start(String name, BenchProcess body) {
        Proc p = new Proc(name, body);
        processes.add(p);
        return p;
    }

    /**
     * The context of the process whose code is calling, so that a model with straight-line
     * methods (a host driver's {@code enable()}) can wait without being handed the context.
     */
    public Context currentContext() {
        Proc p = callingProcess();
        if (p == null) throw new IllegalStateException("must be called from a bench process of this loop (use BenchLoop.start)");
        return p;
    }

    private Proc callingProcess() {
        Thread me = Thread.currentThread();
        for (Proc p : processes) if (p.thread == me) return p;
        return null;
    }

    /** Runs one clock cycle: processes whose wait is over, then the agents, then the edge. */
    public void step() {
        long next = cycle + 1;
        runUntil(() -> cycle >= next, 1, "one cycle");
    }

    /** Runs cycles until {@code done} holds, failing after {@code maxCycles}. */
    public void runUntil(BooleanSupplier done, long maxCycles, String what) {
        Proc caller = callingProcess();
        if (caller != null) {
            throw new IllegalStateException("process '" + caller.name + "' called runUntil; inside a process wait with ctx.waitUntil");
        }
        if (run != null) throw new IllegalStateException("the bench loop is already running (runUntil from an agent or a condition?)");
        Run r = new Run(done, cycle + maxCycles, maxCycles, what);
        run = r;
        try {
            Party next = advance();
            if (next != r) {
                next.wake();
                r.baton.acquireUninterruptibly();
            }
        } finally {
            run = null;
        }
        if (r.failure != null) {
            pass = null; // the next run starts a fresh cycle, as after an exception in a plain loop
            if (r.failure instanceof Error e) throw e;
            throw (RuntimeException) r.failure;
        }
    }

    /** Runs until every process has finished, failing after {@code maxCycles}. */
    public void runProcesses(long maxCycles) {
        runUntil(() -> processes.isEmpty(), maxCycles, "processes " + processes.stream().map(p -> p.name).toList() + " to finish");
    }

    /**
     * Runs the loop on the calling thread (which holds control) up to the next party that is due
     * — a process whose wait is over, or the run's caller when its condition holds or the run
     * failed — and returns it, without switching to it.
     */
    private Party advance() {
        Run r = run;
        try {
            while (true) {
                if (r.failure != null) return r;
                if (pass == null) {
                    if (r.done.getAsBoolean()) return r;
                    if (cycle >= r.limit) throw new SimulationException("timed out after " + r.maxCycles + " cycles waiting for " + r.what);
                    pass = List.copyOf(processes);
                    passIndex = 0;
                }
                while (passIndex < pass.size()) {
                    Proc p = pass.get(passIndex++);
                    if (p.ready()) return p;
                }
                pass = null;
                processes.removeIf(Proc::finished);
                for (CycleAgent a : agents) a.drive(sim);
                for (CycleAgent a : agents) a.sample(sim);
                sim.step(1);
                cycle++;
            }
        } catch (RuntimeException | Error e) {
            r.failure = e; // thrown to the run's caller, whichever thread ran the loop
            return r;
        }
    }

    /** Who can hold control: a run's caller or a process. */
    private sealed interface Party permits Run, Proc {
        /** Gives control to this party (which then continues from where it handed control away). */
        void wake();
    }

    /** One {@link #runUntil}: its condition and limit, and how it ended. */
    private static final class Run implements Party {
        final BooleanSupplier done;
        final long limit;
        final long maxCycles;
        final String what;
        final Semaphore baton = new Semaphore(0);
        Throwable failure; // a RuntimeException or an Error

        Run(BooleanSupplier done, long limit, long maxCycles, String what) {
            this.done = done;
            this.limit = limit;
            this.maxCycles = maxCycles;
            this.what = what;
        }

        @Override
        public void wake() {
            baton.release();
        }
    }

    /** Straight-line code run by the loop; it waits through its {@link Context}. */
    @FunctionalInterface
    public interface BenchProcess {
        void run(Context ctx) throws Exception;
    }

    /** What a process can do: wait for cycles or for a condition, and read the cycle count. */
    public interface Context {
        /** Waits {@code n} clock cycles. */
        void waitCycles(long n);

        /** Waits until {@code condition} holds at a cycle boundary (checked by the loop, not by this thread). */
        void waitUntil(BooleanSupplier condition);

        /** Current cycle. */
        long cycle();
    }

    /** A started process. */
    public final class Proc implements Context, Party {
        private final String name;
        private final Semaphore baton = new Semaphore(0);
        private final BenchProcess body;
        private Thread thread;
        private BooleanSupplier waitingFor = () -> true;
        private volatile boolean finished;

        private Proc(String name, BenchProcess body) {
            this.name = name;
            this.body = body;
        }

        /** Whether the process has returned. */
        public boolean finished() {
            return finished;
        }

        private boolean ready() {
            return !finished && waitingFor.getAsBoolean();
        }

        @Override
        public void wake() {
            if (thread == null) {
                thread = Thread.ofVirtual().name("bench-" + name).unstarted(this::main);
                thread.start();
            } else {
                baton.release();
            }
        }

        private void main() {
            Throwable failure = null;
            try {
                body.run(this);
            } catch (Throwable t) {
                failure = t;
            }
            finished = true;
            if (failure != null && run.failure == null) {
                run.failure = new SimulationException("process '" + name + "' failed at cycle " + cycle + ": " + failure.getMessage(), failure);
            }
            advance().wake();
        }

        @Override
        public void waitCycles(long n) {
            long until = cycle + n;
            waitUntil(() -> cycle >= until);
        }

        @Override
        public void waitUntil(BooleanSupplier condition) {
            waitingFor = condition;
            Party next = advance();
            if (next == this) return;
            next.wake();
            baton.acquireUninterruptibly();
        }

        @Override
        public long cycle() {
            return cycle;
        }
    }
}
