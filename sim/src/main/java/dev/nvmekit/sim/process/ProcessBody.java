package dev.nvmekit.sim.process;

/** The straight-line code of a testbench process (a driver, monitor or responder). */
@FunctionalInterface
public interface ProcessBody {
    void run(ProcessContext ctx) throws Exception;
}
