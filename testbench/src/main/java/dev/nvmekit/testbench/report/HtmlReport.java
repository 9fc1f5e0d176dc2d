package dev.nvmekit.testbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RunSummary} as one self-contained HTML page (inline CSS and SVG, no external
 * resources): parameters, the IOPS/latency table, latency histogram, IOPS and queue occupancy
 * over time, /proc/interrupts and /sys/block-style counters, the dmesg-like log, the checker's
 * verdict and the waveform of the first command.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The page. */
    public static String render(RunSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>").append(SvgCharts.esc(s.title())).append("</title>");
        b.append("<style>body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}h1{font-size:22px}h2{font-size:17px;margin-top:28px;"
                + "border-bottom:1px solid #ccc}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:right}th{background:#f0f3f8}td:first-child,th:first-child{text-align:left}pre{background:#f7f7f7;padding:8px;"
                + "font-size:12px;max-height:320px;overflow:auto}.pass{color:#176b2c;font-weight:bold}.fail{color:#a11;font-weight:bold}"
                + ".wave{overflow-x:auto;border:1px solid #ddd}</style></head><body>");
        b.append("<h1>").append(SvgCharts.esc(s.title())).append("</h1>");
        b.append("<p>").append(String.format(Locale.ROOT, "%.1f µs simulated in %d cycles, %.2f s of wall time.", s.simulatedUs(), s.cycles(), s.wallSeconds()))
                .append(" Checker: ").append(s.verdict().passed() ? "<span class='pass'>PASS</span>" : "<span class='fail'>FAIL</span>")
                .append(" (").append(s.verdict().transactionsChecked()).append(" transactions)</p>");

        b.append("<h2>Workload and parameters</h2>");
        keyValues(b, s.workload());
        keyValues(b, s.parameters());

        b.append("<h2>Results</h2><table><tr><th>queue</th><th>reads</th><th>writes</th><th>IOPS</th><th>MB/s</th>"
                + "<th>mean µs</th><th>p50 µs</th><th>p99 µs</th><th>p99.9 µs</th><th>max µs</th></tr>");
        List<RunSummary.QueueStats> rows = new ArrayList<>(s.queues());
        rows.add(s.total());
        for (RunSummary.QueueStats q : rows) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.0f</td><td>%.1f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>",
                    SvgCharts.esc(q.name()), q.reads(), q.writes(), q.iops(), q.mbPerSecond(), q.meanNs() / 1e3, q.p50Ns() / 1e3, q.p99Ns() / 1e3, q.p999Ns() / 1e3, q.maxNs() / 1e3));
        }
        b.append("</table><p>Latency: from the driver putting a command on its submission queue to the driver reaping its "
                + "completion, in simulated time. IOPS and MB/s (10<sup>6</sup> bytes) over the workload's simulated duration.</p>");

        b.append("<h2>Latency histogram</h2>");
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long[] buckets = s.latencyBuckets();
        int lo = 0;
        int hi = buckets.length - 1;
        while (lo < hi && buckets[lo] == 0) lo++;
        while (hi > lo && buckets[hi] == 0) hi--;
        for (int i = lo; i <= hi; i++) {
            long ns = 1L << i;
            labels.add(ns < 1000 ? ns + "ns" : String.format(Locale.ROOT, ns < 10_000 ? "%.1fµs" : "%.0fµs", ns / 1000.0));
            counts.add(buckets[i]);
        }
        b.append(SvgCharts.bars("commands per latency bucket (lower bound)", labels, counts));

        b.append("<h2>IOPS over time</h2>");
        b.append(SvgCharts.lines("IOPS per " + SvgCharts.human(s.intervalUs() * 1000) + " ns interval", "simulated time", List.of("IOPS"), List.of(s.iopsOverTime())));
        if (!s.occupancyOverTime().isEmpty()) {
            b.append("<h2>Queue occupancy over time</h2>");
            List<String> names = new ArrayList<>();
            List<List<Double>> series = new ArrayList<>();
            for (Map.Entry<Integer, List<Integer>> e : s.occupancyOverTime().entrySet()) {
                names.add("SQ " + e.getKey());
                series.add(e.getValue().stream().map(Integer::doubleValue).toList());
            }
            b.append(SvgCharts.lines("commands outstanding per I/O queue", "simulated time", names, series));
        }

        b.append("<h2>Interrupts (as /proc/interrupts)</h2><pre>");
        b.append(String.format(Locale.ROOT, "%-8s %12s  %s%n", "", "CPU-total", "name"));
        s.interruptsPerVector().forEach((v, n) -> b.append(String.format(Locale.ROOT, "%-8s %12d  PCI-MSIX nvme0q%d%n", v + ":", n, v)));
        b.append("</pre>");
        b.append("<h2>Block device counters (as /sys/block/nvme0nN/stat)</h2><pre>");
        b.append("namespace  read-ios read-sectors write-ios write-sectors\n");
        s.namespaces().forEach((ns, st) -> b.append(String.format(Locale.ROOT, "nvme0n%-4d %8d %12d %9d %13d%n",
                ns, st.readIos(), st.readSectors(), st.writeIos(), st.writeSectors())));
        b.append("</pre>");
        b.append("<h2>Hardware queues (as /sys/block/nvme0n1/mq and the driver's counters)</h2><pre>");
        b.append("qid  vector  submitted  completed  interrupts\n");
        for (RunSummary.HardwareQueue q : s.hardwareQueues()) {
            b.append(String.format(Locale.ROOT, "%3d  %6s  %9d  %9d  %10d%n", q.qid(), q.vector() < 0 ? "poll" : Integer.toString(q.vector()),
                    q.submitted(), q.completed(), q.interrupts()));
        }
        b.append("</pre>");

        b.append("<h2>Kernel log (dmesg)</h2><pre>");
        for (String line : s.log()) b.append(SvgCharts.esc(line)).append('\n');
        b.append("</pre>");

        b.append("<h2>Trace checker</h2>");
        if (s.verdict().violations().isEmpty()) {
            b.append("<p class='pass'>No violations of the contract's §4 rules or the NVMe queue rules.</p>");
        } else {
            b.append("<pre class='fail'>");
            s.verdict().violations().forEach(v -> b.append(SvgCharts.esc(v)).append('\n'));
            b.append("</pre>");
        }
        b.append("<h2>Data verification</h2>");
        RunSummary.Verification v = s.verification();
        if (!v.enabled() && v.failures().isEmpty()) {
            b.append("<p>Off (run with <code>--verify</code> to read written data back and compare it).</p>");
        } else if (v.failures().isEmpty()) {
            b.append(String.format(Locale.ROOT, "<p class='pass'>%d bytes read back and equal to what was written; every command succeeded.</p>", v.bytesCompared()));
        } else {
            b.append("<pre class='fail'>");
            v.failures().forEach(f -> b.append(SvgCharts.esc(f)).append('\n'));
            b.append("</pre>");
        }
        b.append("<h2>The first command's life (doorbell → fetch → cmd → cpl → CQE → irq)</h2>");
        if (!s.firstCommandNote().isEmpty()) b.append("<p>").append(SvgCharts.esc(s.firstCommandNote())).append("</p>");
        if (!s.firstCommandSvg().isEmpty()) b.append("<div class='wave'>").append(s.firstCommandSvg()).append("</div>");
        return b.append("</body></html>\n").toString();
    }

    private static void keyValues(StringBuilder b, Map<String, String> kv) {
        if (kv.isEmpty()) return;
        b.append("<table>");
        kv.forEach((k, v) -> b.append("<tr><td>").append(SvgCharts.esc(k)).append("</td><td>").append(SvgCharts.esc(v)).append("</td></tr>"));
        b.append("</table><br>");
    }
}
