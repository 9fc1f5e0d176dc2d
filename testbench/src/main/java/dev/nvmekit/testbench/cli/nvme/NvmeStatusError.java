package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.nvme.CompletionStatus;

/**
 * A command the simulated device completed with an error status. The {@code nvme} command prints
 * it as nvme-cli does ({@code NVMe status: Invalid Field in Command(0x4002)}) and exits 1.
 */
public final class NvmeStatusError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CompletionStatus status;

    public NvmeStatusError(CompletionStatus status) {
        super("NVMe status: " + status.toNvmeCliString());
        this.status = status;
    }

    public CompletionStatus status() {
        return status;
    }
}
