package dev.nvmekit.testbench.port;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * The PCIe endpoint's MSI-X message generator on the {@code irq_} port (contract §3.4): takes one
 * interrupt request per transfer, records it with its cycle, and counts messages per vector the
 * way {@code /proc/interrupts} does. {@code irq_ready} can be throttled to model an endpoint that
 * is busy sending other messages.
 */
public final class InterruptSink implements CycleAgent {

    /** One MSI-X message: the cycle its request was taken and the vector. */
    public record Message(long cycle, int vector) {
    }

    private final Simulator.SignalInfo valid, ready, vectorSignal;
    private final double readyProbability;
    private final Random random;
    private final List<Message> messages = new ArrayList<>();
    private final TreeMap<Integer, Long> perVector = new TreeMap<>();
    private boolean readyNow;

    /**
     * @param readyProbability probability that irq_ready is high in a cycle (1 = never stalls)
     */
    public InterruptSink(Simulator sim, double readyProbability, long seed) {
        if (!(readyProbability > 0 && readyProbability <= 1)) {
            throw new IllegalArgumentException("irq_ready probability must be in (0, 1], got " + readyProbability);
        }
        this.valid = sim.signal("irq_valid");
        this.ready = sim.signal("irq_ready");
        this.vectorSignal = sim.signal("irq_vector");
        this.readyProbability = readyProbability;
        this.random = new Random(seed);
    }

    public InterruptSink(Simulator sim) {
        this(sim, 1.0, 1);
    }

    @Override
    public void drive(Simulator sim) {
        readyNow = readyProbability >= 1 || random.nextDouble() < readyProbability;
        sim.poke(ready, readyNow ? 1 : 0);
    }

    @Override
    public void sample(Simulator sim) {
        if (readyNow && sim.peek(valid) == 1) {
            int v = (int) sim.peek(vectorSignal);
            messages.add(new Message(sim.cycle(), v));
            perVector.merge(v, 1L, Long::sum);
        }
    }

    /** Every message so far, in order. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Messages received on {@code vector}. */
    public long count(int vector) {
        return perVector.getOrDefault(vector, 0L);
    }

    /** Messages received on all vectors. */
    public long total() {
        return messages.size();
    }

    /** Message counts by vector, in vector order. */
    public TreeMap<Integer, Long> countsByVector() {
        return new TreeMap<>(perVector);
    }
}
