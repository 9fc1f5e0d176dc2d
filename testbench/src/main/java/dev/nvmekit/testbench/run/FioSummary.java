package dev.nvmekit.testbench.run;

import dev.nvmekit.testbench.report.RunSummary;

import java.io.PrintWriter;
import java.util.Locale;

/** The short summary {@code nvmekit simulate} prints, laid out like fio's: one block per queue, then the total. */
public final class FioSummary {
    private FioSummary() {
    }

    /** Prints {@code s} to {@code out}. */
    public static void print(PrintWriter out, RunSummary s, RunOutcome o) {
        out.println(s.title() + "  [" + s.parameters().get("simulator") + ", nvme_frontend ioQueues=" + s.parameters().get("ioQueues")
                + ", " + s.parameters().get("clock") + "]");
        for (RunSummary.QueueStats q : s.queues()) line(out, q);
        line(out, s.total());
        RunSummary.QueueStats t = s.total();
        out.printf(Locale.ROOT, "  lat (ns): mean=%d, p50=%d, p99=%d, p99.9=%d, max=%d%n", t.meanNs(), t.p50Ns(), t.p99Ns(), t.p999Ns(), t.maxNs());
        out.printf(Locale.ROOT, "  run: %.2f µs simulated in %d cycles (workload %d cycles), %.2f s wall, %s cycles/s%n",
                s.simulatedUs(), s.cycles(), o.result().cycles(), s.wallSeconds(), human(s.cycles() / Math.max(1e-3, s.wallSeconds())));
        out.printf(Locale.ROOT, "  interrupts: %s%n", s.interruptsPerVector());
        out.printf(Locale.ROOT, "  checker: %s (%d transactions)%s%n", s.verdict().passed() ? "PASS" : "FAIL", s.verdict().transactionsChecked(),
                s.verdict().passed() ? "" : ", " + s.verdict().violations().size() + " violation(s)");
        RunSummary.Verification v = s.verification();
        if (!v.failures().isEmpty()) {
            out.printf(Locale.ROOT, "  verify: %d failure(s), first: %s%n", v.failures().size(), v.failures().getFirst());
        } else if (v.enabled() && v.bytesCompared() == 0) {
            out.println("  verify: nothing to compare (the workload wrote no data)");
        } else if (v.enabled()) {
            out.printf(Locale.ROOT, "  verify: OK (%s compared)%n", RunStatistics.bytes(v.bytesCompared()));
        }
    }

    private static void line(PrintWriter out, RunSummary.QueueStats q) {
        out.printf(Locale.ROOT, "  %-14s IOPS=%s, BW=%.1fMB/s (%d reads, %d writes), lat p50=%.2fus p99=%.2fus p99.9=%.2fus%n",
                q.name() + ":", human(q.iops()), q.mbPerSecond(), q.reads(), q.writes(), q.p50Ns() / 1e3, q.p99Ns() / 1e3, q.p999Ns() / 1e3);
    }

    static String human(double v) {
        if (v >= 1e6) return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
