package dev.nvmekit.testbench.workload;

import java.util.Arrays;

/**
 * Command latencies in simulated nanoseconds, kept exactly (a run holds at most millions), with
 * the percentiles fio reports and a log-scale bucketing for the report's histogram.
 */
public final class LatencyHistogram {
    private long[] samples = new long[1024];
    private int count;
    private boolean sorted = true;

    /** Records one latency. */
    public void record(long nanos) {
        if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
        samples[count++] = nanos;
        sorted = false;
    }

    /** Number of latencies recorded. */
    public int count() {
        return count;
    }

    /** The latency at percentile {@code p} (0..100, nearest rank), or 0 when empty. */
    public long percentile(double p) {
        if (count == 0) return 0;
        sort();
        int rank = (int) Math.ceil(p / 100.0 * count);
        return samples[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    /** Mean latency, 0 when empty. */
    public double mean() {
        long sum = 0;
        for (int i = 0; i < count; i++) sum += samples[i];
        return count == 0 ? 0 : (double) sum / count;
    }

    /** Largest latency, 0 when empty. */
    public long max() {
        return percentile(100);
    }

    /** Counts in buckets of powers of two nanoseconds: bucket i holds [2^i, 2^(i+1)). */
    public long[] log2Buckets() {
        long[] b = new long[64];
        for (int i = 0; i < count; i++) b[63 - Long.numberOfLeadingZeros(Math.max(1, samples[i]))]++;
        return b;
    }

    /** Adds every latency of {@code other}. */
    public void addAll(LatencyHistogram other) {
        for (int i = 0; i < other.count; i++) record(other.samples[i]);
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(samples, 0, count);
            sorted = true;
        }
    }
}
