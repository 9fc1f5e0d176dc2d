package dev.nvmekit.testbench.host;

/**
 * The host driver model's tunables, named after the Linux nvme module parameters they mirror
 * ({@code io_queue_depth}, {@code sgl_threshold}, {@code poll_queues}, {@code admin_timeout},
 * {@code io_timeout}, {@code shutdown_timeout}, {@code max_retries}). Times are simulated
 * nanoseconds; the driver turns them into cycles with the simulation's clock period.
 *
 * @param cpus             I/O queues with interrupts, one per "CPU"
 * @param pollQueues       extra I/O queues created without interrupts and completed by polling
 * @param ioQueueDepth     entries per I/O queue before CAP.MQES limits it (Linux default 1024)
 * @param sglThreshold     smallest average segment, in bytes, sent as an SGL (0 disables SGLs); Linux 32 KiB
 * @param adminTimeoutNs   per admin command (Linux 60 s)
 * @param ioTimeoutNs      per I/O command (Linux 30 s)
 * @param shutdownTimeoutNs how long to wait for CSTS.SHST = 2h (Linux 5 s)
 * @param readyTimeoutNs   how long to wait for CSTS.RDY to change, or 0 for CAP.TO × 500 ms as Linux does
 * @param pollIntervalNs   how often CSTS is read while waiting (Linux sleeps 1-2 ms)
 * @param maxRetries       retries of an I/O failed without DNR or cancelled by a reset (Linux 5)
 */
public record HostDriverConfig(int cpus, int pollQueues, int ioQueueDepth, int sglThreshold, long adminTimeoutNs,
                               long ioTimeoutNs, long shutdownTimeoutNs, long readyTimeoutNs, long pollIntervalNs,
                               int maxRetries) {
    public HostDriverConfig {
        if (cpus < 1) throw new IllegalArgumentException("at least one CPU (I/O queue) is needed, got " + cpus);
        if (pollQueues < 0) throw new IllegalArgumentException("pollQueues must be >= 0");
        if (ioQueueDepth < 2 || ioQueueDepth > 4095) throw new IllegalArgumentException("io_queue_depth must be 2..4095 as in Linux, got " + ioQueueDepth);
        if (sglThreshold < 0) throw new IllegalArgumentException("sglThreshold must be >= 0");
        if (adminTimeoutNs <= 0 || ioTimeoutNs <= 0 || shutdownTimeoutNs <= 0 || pollIntervalNs <= 0 || readyTimeoutNs < 0) {
            throw new IllegalArgumentException("timeouts and the poll interval must be positive");
        }
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
    }

    /** The Linux defaults, with {@code cpus} CPUs. Timeouts of seconds take billions of cycles to expire. */
    public static HostDriverConfig linux(int cpus) {
        return new HostDriverConfig(cpus, 0, 1024, 32 * 1024, 60_000_000_000L, 30_000_000_000L, 5_000_000_000L, 0,
                1_000_000, 5);
    }

    /**
     * Linux's behaviour with time scaled down for simulation: timeouts in tens of microseconds and
     * CSTS polled every 200 ns, so that a timeout or a reset fits in a test.
     */
    public static HostDriverConfig fastSimulation(int cpus) {
        return new HostDriverConfig(cpus, 0, 64, 32 * 1024, 200_000, 100_000, 100_000, 100_000, 200, 5);
    }

    public HostDriverConfig withPollQueues(int n) {
        return new HostDriverConfig(cpus, n, ioQueueDepth, sglThreshold, adminTimeoutNs, ioTimeoutNs, shutdownTimeoutNs, readyTimeoutNs, pollIntervalNs, maxRetries);
    }

    public HostDriverConfig withIoQueueDepth(int d) {
        return new HostDriverConfig(cpus, pollQueues, d, sglThreshold, adminTimeoutNs, ioTimeoutNs, shutdownTimeoutNs, readyTimeoutNs, pollIntervalNs, maxRetries);
    }

    public HostDriverConfig withSglThreshold(int bytes) {
        return new HostDriverConfig(cpus, pollQueues, ioQueueDepth, bytes, adminTimeoutNs, ioTimeoutNs, shutdownTimeoutNs, readyTimeoutNs, pollIntervalNs, maxRetries);
    }

    public HostDriverConfig withTimeouts(long adminNs, long ioNs) {
        return new HostDriverConfig(cpus, pollQueues, ioQueueDepth, sglThreshold, adminNs, ioNs, shutdownTimeoutNs, readyTimeoutNs, pollIntervalNs, maxRetries);
    }
}
