package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.StatusCode;

/**
 * Thrown by a command's execution to complete it with an error status; the processor turns it
 * into the completion. Checks read as {@code if (bad) throw CommandFailure.of(...)}.
 */
final class CommandFailure extends RuntimeException {
    final transient CompletionStatus status;

    private CommandFailure(CompletionStatus status, String why) {
        super(why, null, false, false);
        this.status = status;
    }

    /** A malformed command: the status with DNR set, since a retry would fail the same way. */
    static CommandFailure of(StatusCode code, String why) {
        return new CommandFailure(code.doNotRetry(), why);
    }

    /** A failure the host may retry (DNR clear). */
    static CommandFailure retryable(StatusCode code, String why) {
        return new CommandFailure(code.retryable(), why);
    }
}
