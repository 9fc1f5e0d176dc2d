package dev.nvmekit.testbench.media;

/** What a channel is busy with; each has its own latency in {@link MediaConfig}. */
public enum MediaOperation {
    READ, PROGRAM, ERASE
}
