package dev.nvmekit.testbench.nvme;

/**
 * A PRP or SGL data pointer the controller must refuse, with the completion status the spec
 * prescribes for it (e.g. PRP Offset Invalid, SGL Descriptor Type Invalid), so a firmware model
 * can complete the command with exactly that status.
 */
public final class DataPointerException extends RuntimeException {
    private final transient CompletionStatus status;

    public DataPointerException(StatusCode code, String message) {
        super(code.title() + ": " + message);
        // The same pointer would fail again, so DNR is set (as QEMU's controller does).
        this.status = code.doNotRetry();
    }

    public CompletionStatus status() {
        return status;
    }
}
