package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.CompletionStatus;

import java.util.Objects;

/**
 * A completion the firmware hands to the front end on its {@code cpl_} port: the SQ it answers,
 * the command's CID, the 15-bit status and dwords 0 and 1. The front end adds SQHD, SQID and
 * the phase tag.
 */
public record Completion(int sqid, int cid, CompletionStatus status, int dw0, int dw1) {
    public Completion {
        Objects.requireNonNull(status, "status");
        if (sqid < 0 || sqid > 0xFFFF || cid < 0 || cid > 0xFFFF) {
            throw new IllegalArgumentException("SQID and CID are 16 bits: " + sqid + ", " + cid);
        }
    }
}
