package dev.nvmekit.sim.engine;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Where a simulation writes its waveform: nested scopes of variables, then value changes at
 * non-decreasing times (picoseconds). Kept this small so that the VCD writer can be swapped.
 */
public interface WaveOutput extends AutoCloseable {
    /** Opens a module scope inside the current one (declarations only). */
    void pushScope(String name);

    /** Closes the innermost scope. */
    void popScope();

    /** Declares a variable of {@code width} bits in the current scope; returns its handle. */
    int declare(String name, int width);

    /** Advances the time of the following changes. */
    void time(long ps);

    /** A new value of a variable of at most 64 bits. */
    void change(int handle, long value);

    /** A new value of a variable of any width (non-negative pattern). */
    void change(int handle, BigInteger value);

    @Override
    void close() throws IOException;
}
