package dev.nvmekit.testbench.host;

/** Counts for one queue pair: entries submitted and reaped, MSI-X messages on its vector (-1: polled). */
public record QueueStatistics(int qid, int vector, long submitted, long completed, long interrupts) {
}
