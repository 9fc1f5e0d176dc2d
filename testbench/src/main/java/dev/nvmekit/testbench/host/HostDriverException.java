package dev.nvmekit.testbench.host;

/** The driver model could not do what was asked: the controller failed, or was not in a state to do it. */
public final class HostDriverException extends RuntimeException {
    public HostDriverException(String message) {
        super(message);
    }
}
