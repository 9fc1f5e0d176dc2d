package dev.nvmekit.testbench.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the report: a bar histogram and a line chart, with axes and labels. */
final class SvgCharts {
    private static final int W = 640;
    private static final int H = 220;
    private static final int LEFT = 60;
    private static final int BOTTOM = 30;

    private SvgCharts() {
    }

    /** Bars of {@code values} labelled by {@code labels}. */
    static String bars(String title, List<String> labels, List<Long> values) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder b = open(title);
        int n = Math.max(1, values.size());
        double bw = (W - LEFT - 10) / (double) n;
        for (int i = 0; i < values.size(); i++) {
            double h = (H - BOTTOM - 30) * values.get(i) / (double) max;
            double x = LEFT + i * bw;
            b.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#4a7bd0'><title>%s: %d</title></rect>",
                    x + 1, H - BOTTOM - h, Math.max(1, bw - 2), h, esc(labels.get(i)), values.get(i)));
            if (values.size() <= 24 || i % Math.max(1, values.size() / 12) == 0) {
                b.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>",
                        x + bw / 2, H - BOTTOM + 14, esc(labels.get(i))));
            }
        }
        axis(b, max);
        return b.append("</svg>").toString();
    }

    /** One or more lines over equally spaced samples. */
    static String lines(String title, String xLabel, List<String> names, List<List<Double>> series) {
        double max = 1;
        int n = 1;
        for (List<Double> s : series) {
            for (double v : s) max = Math.max(max, v);
            n = Math.max(n, s.size());
        }
        StringBuilder b = open(title);
        String[] colours = {"#4a7bd0", "#d0644a", "#3a9a5b", "#9a3a8a", "#c9a227", "#555555"};
        for (int k = 0; k < series.size(); k++) {
            List<Double> s = series.get(k);
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.size(); i++) {
                double x = LEFT + (W - LEFT - 10) * (n == 1 ? 0 : i / (double) (n - 1));
                double y = H - BOTTOM - (H - BOTTOM - 30) * s.get(i) / max;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String c = colours[k % colours.length];
            b.append("<polyline fill='none' stroke='").append(c).append("' stroke-width='1.5' points='").append(pts).append("'/>");
            b.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' fill='%s'>%s</text>", W - 150, 30 + 14 * k, c, esc(names.get(k))));
        }
        axis(b, (long) Math.ceil(max));
        b.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' text-anchor='middle'>%s</text>", (W + LEFT) / 2, H - 4, esc(xLabel)));
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>"
                        + "<text x='%d' y='16' font-size='13' font-weight='bold'>%s</text>", W, H, LEFT, esc(title)));
    }

    private static void axis(StringBuilder b, long max) {
        b.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>", LEFT, H - BOTTOM, W - 10, H - BOTTOM));
        b.append(String.format(Locale.ROOT, "<line x1='%d' y1='30' x2='%d' y2='%d' stroke='#333'/>", LEFT, LEFT, H - BOTTOM));
        b.append(String.format(Locale.ROOT, "<text x='%d' y='34' font-size='10' text-anchor='end'>%s</text>", LEFT - 4, human(max)));
        b.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='10' text-anchor='end'>0</text>", LEFT - 4, H - BOTTOM));
    }

    static String human(double v) {
        if (v >= 1e9) return String.format(Locale.ROOT, "%.1fG", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
