package dev.nvmekit.sim;

/**
 * A mistake in how a test drives a simulation (unknown signal, poking an output, a value too
 * wide, a closed simulation) or a failure of a simulated process; the message says what to do.
 */
public class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
