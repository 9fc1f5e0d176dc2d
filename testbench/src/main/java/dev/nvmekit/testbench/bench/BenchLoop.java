package dev.nvmekit.testbench.bench;

import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.function.BooleanSupplier;

/**
 * Runs a simulation cycle by cycle: every {@link CycleAgent} drives, then samples, then the clock
 * rises. Straight-line test code (a host driver's enable sequence, a workload) runs as
 * {@link BenchProcess}es on virtual threads that the loop resumes one at a time, in the order
 * they were started, only when what they wait for has happened — so a process waiting for a
 * condition costs a check per cycle, not a thread switch, and every run of the same seed is the
 * same trace.
 */
public final class BenchLoop {
    private final Simulator sim;
    private final List<CycleAgent> agents = new ArrayList<>();
    private final List<Proc> processes = new ArrayList<>();
    private long cycle;

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
        Thread me = Thread.currentThread();
        for (Proc p : processes) if (p.thread == me) return p;
        throw new IllegalStateException("must be called from a bench process of this loop (use BenchLoop.start)");
    }

    /** Runs one clock cycle: processes whose wait is over, then the agents, then the edge. */
    public void step() {
        for (Proc p : List.copyOf(processes)) {
            if (p.ready()) p.resume();
        }
        processes.removeIf(Proc::finished);
        for (CycleAgent a : agents) a.drive(sim);
        for (CycleAgent a : agents) a.sample(sim);
        sim.step(1);
        cycle++;
    }

    /** Runs cycles until {@code done} holds, failing after {@code maxCycles}. */
    public void runUntil(BooleanSupplier done, long maxCycles, String what) {
        long limit = cycle + maxCycles;
        while (!done.getAsBoolean()) {
            if (cycle >= limit) throw new SimulationException("timed out after " + maxCycles + " cycles waiting for " + what);
            step();
        }
    }

    /** Runs until every process has finished, failing after {@code maxCycles}. */
    public void runProcesses(long maxCycles) {
        runUntil(() -> processes.isEmpty(), maxCycles, "processes " + processes.stream().map(p -> p.name).toList() + " to finish");
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
    public final class Proc implements Context {
        private final String name;
        private final SynchronousQueue<Boolean> toProcess = new SynchronousQueue<>();
        private final SynchronousQueue<Boolean> toLoop = new SynchronousQueue<>();
        private final BenchProcess body;
        private Thread thread;
        private BooleanSupplier waitingFor = () -> true;
        private volatile boolean finished;
        private volatile Throwable failure;

        private Proc(String name, BenchProcess body) {
            this.name = name;
            this.body = body;
        }

        /** Whether the process has returned. */
        public boolean finished() {
            return finished;
        }

        private boolean ready() {
            return waitingFor.getAsBoolean();
        }

        private void resume() {
            if (thread == null) {
                thread = Thread.ofVirtual().name("bench-" + name).unstarted(this::main);
                thread.start();
            } else {
                handOff(toProcess);
            }
            take(toLoop);
            if (failure != null) {
                throw new SimulationException("process '" + name + "' failed at cycle " + cycle + ": " + failure.getMessage(), failure);
            }
        }

        private void main() {
            try {
                body.run(this);
            } catch (Throwable t) {
                failure = t;
            }
            finished = true;
            handOff(toLoop);
        }

        @Override
        public void waitCycles(long n) {
            long until = cycle + n;
            waitUntil(() -> cycle >= until);
        }

        @Override
        public void waitUntil(BooleanSupplier condition) {
            waitingFor = condition;
            handOff(toLoop);
            take(toProcess);
        }

        @Override
        public long cycle() {
            return cycle;
        }

        private static void handOff(SynchronousQueue<Boolean> q) {
            try {
                q.put(Boolean.TRUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("bench process interrupted", e);
            }
        }

        private static void take(SynchronousQueue<Boolean> q) {
            try {
                q.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("bench process interrupted", e);
            }
        }
    }
}
