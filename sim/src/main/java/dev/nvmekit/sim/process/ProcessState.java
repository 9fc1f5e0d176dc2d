package dev.nvmekit.sim.process;

import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.Simulator;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One testbench process: a virtual thread that runs only between {@link #handOff} (from the
 * testbench) and its next wait, which hands control back through the testbench's semaphore.
 */
final class ProcessState implements TestProcess {
    /** What the process waits for. */
    enum Wait { START, CYCLES, CONDITION, JOIN, DONE }

    private static final ScopedValue<ProcessState> CURRENT = ScopedValue.newInstance();

    /** Thrown inside a cancelled process to unwind its body. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final Testbench bench;
    private final String name;
    private final Semaphore resume = new Semaphore(0);
    private final Random random;
    private final ProcessBody body;
    private final Context context = new Context();
    private Thread thread;
    volatile boolean cancelled;
    volatile boolean running;
    Wait wait = Wait.START;
    long wakeCycle;
    BooleanSupplier condition;
    ProcessState joined;
    boolean done;
    Throwable failure;

    ProcessState(Testbench bench, String name, int order, long seed, ProcessBody body) {
        this.bench = bench;
        this.name = name;
        this.body = body;
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + order);
    }

    static ProcessState current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    Context context() {
        return context;
    }

    void start() {
        thread = Thread.ofVirtual().name("testbench-" + name).start(() -> ScopedValue.where(CURRENT, this).run(this::main));
    }

    private void main() {
        try {
            resume.acquireUninterruptibly();
            if (cancelled) return;
            running = true;
            body.run(context);
        } catch (Cancelled c) {
            // the testbench stopped; nothing to report
        } catch (Throwable t) {
            failure = t;
        } finally {
            running = false;
            done = true;
            wait = Wait.DONE;
            bench.yielded().release();
        }
    }

    /** Lets the process run until it next waits (called by the testbench thread). */
    void handOff() {
        running = true;
        resume.release();
    }

    void cancel() {
        cancelled = true;
        // A process stuck in its own code (no wait) is interrupted, so a loop or blocking call
        // that honours interruption ends and gives its carrier thread back: left spinning, it
        // would hold one of the few carriers for the rest of the JVM's life.
        if (running && thread != null) thread.interrupt();
        resume.release();
    }

    /** Hands control back to the testbench and blocks until resumed. */
    private void suspend(Wait w) {
        wait = w;
        running = false;
        bench.yielded().release();
        resume.acquireUninterruptibly();
        if (cancelled) throw new Cancelled();
        running = true;
        wait = Wait.START;
    }

    private void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new SimulationException("process '" + name + "' context used from another thread; each process uses only its own ctx");
        }
    }

    String describeWait() {
        return "'" + name + "' " + switch (wait) {
            case START -> "not started";
            case CYCLES -> "waits until cycle " + wakeCycle;
            case CONDITION -> "waits for a condition";
            case JOIN -> "joins '" + joined.name + "'";
            case DONE -> "done";
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "process " + name;
    }

    /** The process's view of the testbench. */
    final class Context implements ProcessContext {
        @Override
        public String name() {
            return name;
        }

        @Override
        public Simulator sim() {
            return bench.simulator();
        }

        @Override
        public Random random() {
            return random;
        }

        @Override
        public void waitCycles(int cycles) {
            checkThread();
            if (cycles < 0) throw new SimulationException("process '" + name + "' cannot wait " + cycles + " cycles");
            if (cycles == 0) return;
            wakeCycle = sim().cycle() + cycles;
            suspend(Wait.CYCLES);
        }

        @Override
        public void waitUntil(BooleanSupplier c) {
            checkThread();
            if (c.getAsBoolean()) return;
            condition = c;
            suspend(Wait.CONDITION);
            condition = null;
        }

        @Override
        public TestProcess fork(String childName, ProcessBody childBody) {
            checkThread();
            return bench.spawn(childName, childBody);
        }

        @Override
        public void join(TestProcess other) {
            checkThread();
            if (!(other instanceof ProcessState p) || p.bench != bench) {
                throw new SimulationException("process '" + name + "' joins " + other + ", which belongs to another testbench");
            }
            if (p == ProcessState.this) throw new SimulationException("process '" + name + "' joins itself");
            if (p.done) return;
            joined = p;
            suspend(Wait.JOIN);
        }
    }
}
