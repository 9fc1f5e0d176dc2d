package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.CompletionStatus;

/** What executing a command gave: a completion now (after media time), or one that comes later. */
sealed interface Outcome {
    /** Complete with {@code status} and {@code dw0}, not before cycle {@code mediaDoneAt}. */
    record Done(CompletionStatus status, int dw0, long mediaDoneAt) implements Outcome {
    }

    /** The command waits (for a queue-management response, an event); whoever ends the wait completes it. */
    record Later() implements Outcome {
    }

    Outcome LATER = new Later();

    static Outcome success() {
        return new Done(CompletionStatus.SUCCESS, 0, 0);
    }

    static Outcome success(int dw0) {
        return new Done(CompletionStatus.SUCCESS, dw0, 0);
    }

    static Outcome successAt(long mediaDoneAt) {
        return new Done(CompletionStatus.SUCCESS, 0, mediaDoneAt);
    }
}
