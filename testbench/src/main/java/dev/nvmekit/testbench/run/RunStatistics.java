package dev.nvmekit.testbench.run;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.testbench.host.QueueStatistics;
import dev.nvmekit.testbench.report.RunSummary;
import dev.nvmekit.testbench.workload.CommandRecord;
import dev.nvmekit.testbench.workload.JobSpec;
import dev.nvmekit.testbench.workload.LatencyHistogram;
import dev.nvmekit.testbench.workload.WorkloadResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link RunOutcome} into the numbers fio would print and the report draws: IOPS,
 * bandwidth and latency percentiles per queue and in total (all in simulated time), IOPS and
 * queue occupancy over time, and the Linux-style counters.
 */
public final class RunStatistics {
    /** Samples in each time series. */
    static final int INTERVALS = 60;

    private RunStatistics() {
    }

    /** The summary of {@code o}; the waveform picture and its note come from the caller. */
    public static RunSummary summarise(RunOutcome o, String firstCommandSvg, String firstCommandNote) {
        WorkloadResult r = o.result();
        List<CommandRecord> cmds = r.workloadCommands();
        double seconds = o.ns(r.cycles()) / 1e9;
        Map<Integer, List<CommandRecord>> byQueue = new TreeMap<>();
        for (CommandRecord c : cmds) byQueue.computeIfAbsent(c.qid(), k -> new ArrayList<>()).add(c);
        List<RunSummary.QueueStats> queues = new ArrayList<>();
        // Each queue's rates over its own busy time, as fio divides a job's I/O by that job's runtime.
        byQueue.forEach((qid, l) -> {
            long first = l.stream().mapToLong(CommandRecord::submitCycle).min().orElse(0);
            long last = l.stream().mapToLong(CommandRecord::doneCycle).max().orElse(first + 1);
            queues.add(stats("SQ " + qid + " (job " + l.getFirst().job() + ")", l, o.ns(Math.max(1, last - first)) / 1e9, o));
        });
        RunSummary.QueueStats total = stats("total", cmds, seconds, o);

        double intervalCycles = Math.max(1.0, r.cycles() / (double) INTERVALS);
        int n = (int) Math.ceil(r.cycles() / intervalCycles);
        List<Double> iops = new ArrayList<>();
        long[] done = new long[n];
        for (CommandRecord c : cmds) {
            int i = (int) Math.min(n - 1, Math.max(0, (c.doneCycle() - r.startCycle()) / intervalCycles));
            done[i]++;
        }
        double intervalSeconds = o.ns(1) * intervalCycles / 1e9;
        for (long d : done) iops.add(d / intervalSeconds);
        Map<Integer, List<Integer>> occupancy = new TreeMap<>();
        byQueue.forEach((qid, l) -> {
            List<Integer> series = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double t = r.startCycle() + (i + 1) * intervalCycles;
                series.add((int) l.stream().filter(c -> c.submitCycle() <= t && c.doneCycle() > t).count());
            }
            occupancy.put(qid, series);
        });

        LatencyHistogram all = histogram(cmds, o);
        Map<Integer, RunSummary.NamespaceStats> namespaces = new TreeMap<>();
        for (CommandRecord c : r.commands()) {
            RunSummary.NamespaceStats s = namespaces.getOrDefault(c.nsid(), new RunSummary.NamespaceStats(0, 0, 0, 0));
            long sectors = c.bytes() / 512;
            namespaces.put(c.nsid(), c.write()
                    ? new RunSummary.NamespaceStats(s.readIos(), s.readSectors(), s.writeIos() + 1, s.writeSectors() + sectors)
                    : new RunSummary.NamespaceStats(s.readIos() + 1, s.readSectors() + sectors, s.writeIos(), s.writeSectors()));
        }
        List<RunSummary.HardwareQueue> hw = new ArrayList<>();
        for (QueueStatistics q : o.queues()) hw.add(new RunSummary.HardwareQueue(q.qid(), q.vector(), q.submitted(), q.completed(), q.interrupts()));
        RunSummary.Verdict verdict = new RunSummary.Verdict(o.violations().isEmpty(), o.traceEvents(),
                o.violations().stream().map(Object::toString).toList());
        JobSpec w = o.setup().workload();
        RunSummary.Verification verification = new RunSummary.Verification(w.verify(), r.verifiedBytes(), r.verifyFailures());
        return new RunSummary("nvmekit simulate: " + describe(w), parameters(o.setup().parameters(), o), workload(w),
                queues, total, o.ns(o.totalCycles()) / 1000.0, o.totalCycles(), o.wallSeconds(), o.ns(1) * intervalCycles / 1000.0,
                iops, occupancy, all.log2Buckets(), o.interruptsPerVector(), namespaces, hw, o.dmesg(), verdict, verification,
                firstCommandSvg, firstCommandNote);
    }

    /** A one-line name of the workload, as fio prints it. */
    public static String describe(JobSpec w) {
        return String.format(Locale.ROOT, "rw=%s, bs=%s, iodepth=%d, numjobs=%d%s", w.rw().name().toLowerCase(Locale.ROOT),
                bytes(w.blockSize()), w.ioDepth(), w.numJobs(), w.rw() == JobSpec.Pattern.RANDRW ? ", rwmixread=" + w.rwMixRead() : "");
    }

    static RunSummary.QueueStats stats(String name, List<CommandRecord> l, double seconds, RunOutcome o) {
        LatencyHistogram h = histogram(l, o);
        long reads = l.stream().filter(c -> !c.write()).count();
        long bytes = l.stream().mapToLong(CommandRecord::bytes).sum();
        double iops = seconds > 0 ? l.size() / seconds : 0;
        double mbs = seconds > 0 ? bytes / seconds / 1e6 : 0;
        return new RunSummary.QueueStats(name, reads, l.size() - reads, bytes, iops, mbs, Math.round(h.mean()), h.percentile(50),
                h.percentile(99), h.percentile(99.9), h.max());
    }

    private static LatencyHistogram histogram(List<CommandRecord> l, RunOutcome o) {
        LatencyHistogram h = new LatencyHistogram();
        for (CommandRecord c : l) h.record(Math.round(o.ns(c.latencyCycles())));
        return h;
    }

    static Map<String, String> parameters(FrontendParameters p, RunOutcome o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("design", "nvme_frontend");
        m.put("simulator", o.setup().backend().name());
        m.put("ioQueues", Integer.toString(p.ioQueues()));
        m.put("maxQueueEntries", Integer.toString(p.maxQueueEntries()));
        m.put("dmaDataBits", Integer.toString(p.dmaDataBits()));
        m.put("axiIdBits", Integer.toString(p.axiIdBits()));
        m.put("doorbellStride", Integer.toString(p.doorbellStride()));
        m.put("fetchBurst", Integer.toString(p.fetchBurst()));
        m.put("msixVectors", Integer.toString(p.msixVectors()));
        m.put("ticksPer100us", Integer.toString(p.ticksPer100us()));
        m.put("clock", String.format(Locale.ROOT, "%.1f MHz (period %d ps)", 1e6 / o.clockPeriodPs(), o.clockPeriodPs()));
        return m;
    }

    static Map<String, String> workload(JobSpec w) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rw", w.rw().name().toLowerCase(Locale.ROOT));
        if (w.rw() == JobSpec.Pattern.RANDRW) m.put("rwmixread", Integer.toString(w.rwMixRead()));
        m.put("bs", Integer.toString(w.blockSize()));
        m.put("iodepth", Integer.toString(w.ioDepth()));
        m.put("numjobs", Integer.toString(w.numJobs()));
        if (w.sizeBytes() > 0) m.put("size", Long.toString(w.sizeBytes()));
        if (w.runtimeUs() > 0) m.put("runtime_us", Long.toString(w.runtimeUs()));
        m.put("verify", Boolean.toString(w.verify()));
        m.put("pointers", w.pointers().name().toLowerCase(Locale.ROOT));
        m.put("seed", Long.toString(w.seed()));
        return m;
    }

    static String bytes(long b) {
        if (b == 0) return "0B";
        if (b % (1024 * 1024) == 0) return b / (1024 * 1024) + "MiB";
        if (b % 1024 == 0) return b / 1024 + "KiB";
        return b + "B";
    }
}
