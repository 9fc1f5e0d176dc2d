package dev.nvmekit.testbench.bench;

import dev.nvmekit.sim.Simulator;

/**
 * A bus-functional model that lives on the clock: each cycle it first drives its inputs to the
 * design (from its own state only, as the AXI rule asks of valid), then, with every input driven
 * and the logic settled, sees which handshakes fire at the coming rising edge and updates its
 * state. No thread is involved, so an agent costs a method call per cycle.
 */
public interface CycleAgent {
    /** Before the edge: poke this agent's inputs for the current cycle. */
    void drive(Simulator sim);

    /** Before the edge, after every agent has driven: observe outputs, record transfers that fire at this edge. */
    void sample(Simulator sim);
}
