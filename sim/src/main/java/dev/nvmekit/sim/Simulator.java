package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;

import java.math.BigInteger;
import java.util.List;

/**
 * One running simulation of an elaborated design, the same on every backend (the embedded
 * compiled simulator, its interpreter, Verilator through FFM). Two-state: every bit is 0 or 1.
 *
 * <p>Timing model (as in cocotb and ChiselTest): inputs keep the value last poked; a peek
 * always sees combinational logic settled on the current inputs and state; {@link #step(int)}
 * performs rising edges of the primary clock, where registers and memories take the values
 * computed before the edge. Signals are named by hierarchical path: a port or signal of the
 * top by its name ({@code "count"}), one inside instance {@code fifo} as {@code "fifo.count"}.
 * The names are the Java source's names on every backend.
 *
 * <p>Errors a test author can make (an unknown name, poking an output, a value wider than the
 * port, using a closed simulation) throw {@link SimulationException} with a message that says
 * what to do.
 */
public interface Simulator extends AutoCloseable {

    /** The design being simulated. */
    Design design();

    /** Every signal that can be peeked (ports, wires, registers of every instance). */
    List<SignalInfo> signals();

    /** The signal at {@code path}; a handle for fast repeated poke/peek. */
    SignalInfo signal(String path);

    /** Drives a top-level input port. */
    void poke(SignalInfo input, long value);

    /** Drives a top-level input port with a value of any width up to 4096 bits. */
    void poke(SignalInfo input, BigInteger value);

    /** The current value of a signal of at most 64 bits (the bit pattern, zero-extended). */
    long peek(SignalInfo signal);

    /** The current value of a signal of any width, as a non-negative bit pattern. */
    BigInteger peekBig(SignalInfo signal);

    /** Drives a top-level input port by name. */
    default void poke(String path, long value) {
        poke(signal(path), value);
    }

    /** Drives a top-level input port by name. */
    default void poke(String path, BigInteger value) {
        poke(signal(path), value);
    }

    /** The current value of a signal of at most 64 bits, by name. */
    default long peek(String path) {
        return peek(signal(path));
    }

    /** The current value of a signal of any width, by name. */
    default BigInteger peekBig(String path) {
        return peekBig(signal(path));
    }

    /**
     * Advances by {@code cycles} rising edges of the primary clock (other clocks of the design
     * tick in between, in time order).
     */
    void step(int cycles);

    /** One rising edge of the primary clock. */
    default void step() {
        step(1);
    }

    /**
     * Holds the primary domain's reset asserted for {@code cycles} clock cycles, then releases
     * it. Other inputs keep their values.
     */
    void reset(int cycles);

    /** Rising edges of the primary clock so far. */
    long cycle();

    /** Simulated time in picoseconds. */
    long timePs();

    /** The memory at {@code path} (e.g. {@code "fifo.storage"}): depth and word type. */
    MemoryInfo memory(String path);

    /** Backdoor read of one memory word. */
    BigInteger readMemory(MemoryInfo memory, int index);

    /** Backdoor write of one memory word (takes effect at once, as if written before this cycle). */
    void writeMemory(MemoryInfo memory, int index, BigInteger value);

    /** Ends the simulation: flushes and closes the waveform file and frees native resources. */
    @Override
    void close();

    /** A signal's path, type and what it is; {@code id} is the backend's fast index. */
    record SignalInfo(String path, int width, boolean signed, Kind kind, int id) {
        /** What a signal is: only top-level inputs can be poked. */
        public enum Kind { INPUT, OUTPUT, INTERNAL }
    }

    /** A memory's path, depth and word width; {@code id} is the backend's fast index. */
    record MemoryInfo(String path, int depth, int width, int id) {
    }
}
