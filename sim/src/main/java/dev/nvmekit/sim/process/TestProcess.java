package dev.nvmekit.sim.process;

import java.util.Optional;

/** A handle on a forked testbench process: its name and whether it has finished. */
public interface TestProcess {
    String name();

    /** Whether the process's body has returned (or failed). */
    boolean isDone();

    /** What the body threw, if it failed. */
    Optional<Throwable> failure();
}
