package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.CompletionStatus;

/**
 * A command the simulated device completed with an error status. The {@code nvme} command prints
 * it as nvme-cli 2.x does, with libnvme's text
 * ({@code NVMe status: Invalid Field in Command: A reserved coded value or an unsupported value in a defined field(0x4002)}),
 * and exits 1.
 */
public final class NvmeStatusError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CompletionStatus status;
    private final boolean shown;

    public NvmeStatusError(CompletionStatus status) {
        this(status, false);
    }

    /** A failure the command has already reported in its own output (get-feature's JSON), so only the exit code is left. */
    NvmeStatusError(CompletionStatus status, boolean shown) {
        super(LibnvmeStatusText.statusLine(status));
        this.status = status;
        this.shown = shown;
    }

    boolean shown() {
        return shown;
    }

    public CompletionStatus status() {
        return status;
    }

    /** nvme-cli's {@code -o json} form of a failed status: the text and its type, on stdout. */
    Json toJson() {
        return new Json().put("error", LibnvmeStatusText.of(status)).put("type", "nvme");
    }
}
