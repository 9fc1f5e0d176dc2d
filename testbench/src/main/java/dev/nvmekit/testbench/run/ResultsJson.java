package dev.nvmekit.testbench.run;

import dev.nvmekit.testbench.report.RunSummary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The machine-readable results of a run ({@code results.json}): parameters, workload, per-queue
 * and total IOPS, bandwidth and latency percentiles in simulated nanoseconds, the checker's
 * verdict and verification. Written by hand: the shape is small and fixed, and the project keeps
 * its dependencies few.
 */
public final class ResultsJson {
    private ResultsJson() {
    }

    /** The JSON text of {@code s}. */
    public static String render(RunSummary s, long clockPeriodPs) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"tool\": \"nvmekit simulate\",\n");
        b.append("  \"parameters\": ").append(object(s.parameters())).append(",\n");
        b.append("  \"workload\": ").append(object(s.workload())).append(",\n");
        b.append(String.format(Locale.ROOT, "  \"clock_period_ps\": %d,%n  \"cycles\": %d,%n  \"simulated_us\": %.3f,%n  \"wall_seconds\": %.3f,%n",
                clockPeriodPs, s.cycles(), s.simulatedUs(), s.wallSeconds()));
        b.append("  \"queues\": [\n");
        b.append(s.queues().stream().map(q -> "    " + queue(q)).collect(Collectors.joining(",\n")));
        b.append("\n  ],\n");
        b.append("  \"total\": ").append(queue(s.total())).append(",\n");
        b.append("  \"interrupts\": {").append(s.interruptsPerVector().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", "))).append("},\n");
        b.append(String.format(Locale.ROOT, "  \"checker\": {\"passed\": %b, \"transactions\": %d, \"violations\": %s},%n",
                s.verdict().passed(), s.verdict().transactionsChecked(), array(s.verdict().violations())));
        b.append(String.format(Locale.ROOT, "  \"verify\": {\"enabled\": %b, \"bytes_compared\": %d, \"failures\": %s},%n",
                s.verification().enabled(), s.verification().bytesCompared(), array(s.verification().failures())));
        boolean passed = s.verdict().passed() && s.verification().failures().isEmpty();
        b.append("  \"passed\": ").append(passed).append("\n}\n");
        return b.toString();
    }

    private static String queue(RunSummary.QueueStats q) {
        return String.format(Locale.ROOT, "{\"name\": %s, \"reads\": %d, \"writes\": %d, \"bytes\": %d, \"iops\": %.1f, "
                        + "\"bandwidth_mb_s\": %.3f, \"latency_ns\": {\"mean\": %d, \"p50\": %d, \"p99\": %d, \"p99.9\": %d, \"max\": %d}}",
                string(q.name()), q.reads(), q.writes(), q.bytes(), q.iops(), q.mbPerSecond(), q.meanNs(), q.p50Ns(), q.p99Ns(), q.p999Ns(), q.maxNs());
    }

    private static String object(Map<String, String> m) {
        return m.entrySet().stream().map(e -> string(e.getKey()) + ": " + string(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String array(List<String> l) {
        return l.stream().map(ResultsJson::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string literal (RFC 8259 §7). */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
