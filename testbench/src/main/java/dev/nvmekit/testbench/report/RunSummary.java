package dev.nvmekit.testbench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything a simulation run reports, in the terms a Linux user reads: the workload and design
 * parameters, IOPS and latency per queue and in total, time series, interrupts per vector (as in
 * {@code /proc/interrupts}), I/O counts per namespace (as in {@code /sys/block/.../stat}) and per
 * hardware queue, a dmesg-like log, the trace checker's verdict, what data verification found,
 * and a waveform picture of the first command.
 *
 * @param intervalUs        width of one time-series sample in simulated microseconds
 * @param iopsOverTime      completed commands per second in each interval
 * @param occupancyOverTime commands outstanding per I/O queue at the end of each interval, by qid
 * @param latencyBuckets    counts of latencies in [2^i, 2^(i+1)) ns, index i
 * @param firstCommandSvg   SVG of the first command's life, or empty
 * @param firstCommandNote  what the picture shows, or why there is none
 */
public record RunSummary(String title, Map<String, String> parameters, Map<String, String> workload,
                         List<QueueStats> queues, QueueStats total, double simulatedUs, long cycles,
                         double wallSeconds, double intervalUs, List<Double> iopsOverTime,
                         Map<Integer, List<Integer>> occupancyOverTime, long[] latencyBuckets,
                         Map<Integer, Long> interruptsPerVector, Map<Integer, NamespaceStats> namespaces,
                         List<HardwareQueue> hardwareQueues, List<String> log, Verdict verdict,
                         Verification verification, String firstCommandSvg, String firstCommandNote) {

    /** Per-queue (or total) results. Latencies in simulated nanoseconds. */
    public record QueueStats(String name, long reads, long writes, long bytes, double iops, double mbPerSecond,
                             long meanNs, long p50Ns, long p99Ns, long p999Ns, long maxNs) {
    }

    /** Counts in the style of {@code /sys/block/nvme0n1/stat}: I/Os and 512-byte sectors. */
    public record NamespaceStats(long readIos, long readSectors, long writeIos, long writeSectors) {
    }

    /** The driver's counters of one queue pair: entries submitted and reaped, MSI-X vector and its messages. */
    public record HardwareQueue(int qid, int vector, long submitted, long completed, long interrupts) {
    }

    /** The trace checker's verdict. */
    public record Verdict(boolean passed, long transactionsChecked, List<String> violations) {
    }

    /** Data verification: whether it ran, bytes compared, and every mismatch or failed command. */
    public record Verification(boolean enabled, long bytesCompared, List<String> failures) {
    }
}
