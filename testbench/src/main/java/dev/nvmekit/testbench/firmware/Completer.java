package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.CompletionStatus;

/** Completes a command that finished later than its execution (after a qm_ response or an event). */
interface Completer {
    void finish(Command command, CompletionStatus status, int dw0);

    /** The current cycle. */
    long now();
}
