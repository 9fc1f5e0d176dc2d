package dev.nvmekit.waveforms.render;

import dev.nvmekit.waveforms.ClockEdges;
import dev.nvmekit.waveforms.LogicValue;
import dev.nvmekit.waveforms.Signal;
import dev.nvmekit.waveforms.SignalTrace;
import dev.nvmekit.waveforms.SignalValue;
import dev.nvmekit.waveforms.Timescale;
import dev.nvmekit.waveforms.Waveform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link WaveView} of a {@link Waveform} as SVG: a name column, a time axis in the dump's
 * units, 1-bit signals as lines (x as red blocks, z as a mid-level line), buses and reals as value
 * boxes labelled in hex, the clock's rising edges as a grid, and valid/ready transfers shaded.
 *
 * <p>A signal whose path ends in {@code valid} is paired with the same path ending in
 * {@code ready} (see {@link ValidReadyTransfers}); with a clock in the view, every cycle that ends
 * in a transfer is shaded on the rows of that interface: the valid and ready rows and, when the
 * two share a name stem such as {@code sq_}, every shown signal of the same stem.
 */
public final class SvgWaveformRenderer {
    static final int ROW = 26;
    static final int AXIS = 28;
    static final double CHAR_WIDTH = 7.2;
    /** In an interactive page, labels are emitted when they would fit at up to this zoom. */
    static final int MAX_ZOOM = 64;
    private static final int MAX_NAME_CHARS = 48;

    /** The two columns of a drawing, for pages that scroll the waves but not the names. */
    record Parts(String names, int namesWidth, String waves, int wavesWidth, int height) {
    }

    private SvgWaveformRenderer() {
    }

    /**
     * A standalone SVG document.
     *
     * @throws IllegalArgumentException when the view names a signal or clock the dump lacks
     */
    public static String render(Waveform waveform, WaveView view) {
        Parts p = parts(waveform, view, false);
        int width = p.namesWidth() + p.wavesWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + p.height()
                + "\" viewBox=\"0 0 " + width + " " + p.height() + "\" font-family=\"monospace\" font-size=\"12\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                + "<g class=\"names\">\n" + p.names() + "</g>\n"
                + "<g class=\"waves\" transform=\"translate(" + p.namesWidth() + ",0)\">\n" + p.waves() + "</g>\n</svg>\n";
    }

    static Parts parts(Waveform waveform, WaveView view, boolean interactive) {
        List<Signal> rows = new ArrayList<>();
        for (String path : view.signals()) {
            rows.add(waveform.require(path));
        }
        long from = view.fromTime();
        long to = view.resolvedEnd(waveform);
        double scale = (double) view.plotWidth() / (to - from);
        int height = AXIS + rows.size() * ROW + 4;

        StringBuilder names = new StringBuilder();
        int longest = 0;
        for (int r = 0; r < rows.size(); r++) {
            String label = label(rows.get(r));
            longest = Math.max(longest, label.length());
            names.append("<text x=\"6\" y=\"").append(AXIS + r * ROW + ROW / 2 + 4).append("\" fill=\"#222\"><title>")
                    .append(XmlText.escape(rows.get(r).path())).append("</title>").append(XmlText.escape(label))
                    .append("</text>\n");
        }
        int namesWidth = (int) Math.ceil(longest * CHAR_WIDTH) + 16;

        Canvas c = new Canvas(from, scale, interactive);
        long[] edges = view.clock().map(path -> ClockEdges.rising(waveform.require(path))).orElse(new long[0]);
        shadeTransfers(c, waveform, rows, edges, from, to);
        for (long e : edges) {
            if (e >= from && e <= to) {
                c.sb.append("<line class=\"grid\" x1=\"").append(c.xs(e)).append("\" x2=\"").append(c.xs(e))
                        .append("\" y1=\"").append(AXIS - 4).append("\" y2=\"").append(height)
                        .append("\" stroke=\"#d8d8d8\" stroke-dasharray=\"3,3\"/>\n");
            }
        }
        drawAxis(c, waveform, from, to, view.plotWidth());
        for (int r = 0; r < rows.size(); r++) {
            drawRow(c, rows.get(r), AXIS + r * ROW + 4, AXIS + (r + 1) * ROW - 4, from, to);
        }
        return new Parts(names.toString(), namesWidth, c.sb.toString(), view.plotWidth(), height);
    }

    private static String label(Signal s) {
        String text = s.width() > 1 && !s.trace().isReal() ? s.path() + "[" + (s.width() - 1) + ":0]" : s.path();
        return text.length() <= MAX_NAME_CHARS ? text : "\u2026" + text.substring(text.length() - MAX_NAME_CHARS + 1);
    }

    private static void shadeTransfers(Canvas c, Waveform w, List<Signal> rows, long[] edges, long from, long to) {
        if (edges.length == 0) {
            return;
        }
        for (Signal valid : rows) {
            var ready = ValidReadyTransfers.readyFor(w, valid.path());
            if (ready.isEmpty()) {
                continue;
            }
            String stem = valid.path().substring(0, valid.path().length() - 5);
            boolean namedStem = !stem.isEmpty() && !stem.endsWith(".");
            List<Integer> shaded = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                String p = rows.get(r).path();
                if (p.equals(valid.path()) || p.equals(ready.get().path()) || (namedStem && p.startsWith(stem))) {
                    shaded.add(r);
                }
            }
            for (var t : ValidReadyTransfers.find(valid, ready.get(), edges)) {
                if (t.edge() <= from || t.cycleStart() >= to) {
                    continue;
                }
                double x1 = c.x(Math.max(from, t.cycleStart()));
                double x2 = c.x(Math.min(to, t.edge()));
                for (int r : shaded) {
                    c.sb.append("<rect class=\"xfer\" x=\"").append(fmt(x1)).append("\" y=\"").append(AXIS + r * ROW + 1)
                            .append("\" width=\"").append(fmt(x2 - x1)).append("\" height=\"").append(ROW - 2)
                            .append("\" fill=\"#ffd966\" fill-opacity=\"0.55\"><title>")
                            .append(XmlText.escape(valid.path())).append(" transfer at ").append(timeText(w, t.edge()))
                            .append("</title></rect>\n");
                }
            }
        }
    }

    private static void drawAxis(Canvas c, Waveform w, long from, long to, int plotWidth) {
        long step = TimeAxis.step(to - from, Math.max(2, plotWidth / 100));
        c.sb.append("<line x1=\"0\" x2=\"").append(plotWidth).append("\" y1=\"").append(AXIS - 4).append("\" y2=\"")
                .append(AXIS - 4).append("\" stroke=\"#888\"/>\n");
        for (long t = TimeAxis.firstTick(from, step); t <= to; t += step) {
            String x = c.xs(t);
            c.sb.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(AXIS - 9)
                    .append("\" y2=\"").append(AXIS - 4).append("\" stroke=\"#888\"/>\n")
                    .append("<text class=\"t\" x=\"").append(x).append("\" y=\"").append(AXIS - 12)
                    .append("\" text-anchor=\"").append(c.x(t) < 24 ? "start" : "middle")
                    .append("\" fill=\"#555\" font-size=\"10\">")
                    .append(XmlText.escape(timeText(w, t))).append("</text>\n");
        }
    }

    private static void drawRow(Canvas c, Signal s, int top, int bottom, long from, long to) {
        SignalTrace trace = s.trace();
        boolean bit = s.width() == 1 && !trace.isReal();
        StringBuilder line = new StringBuilder();
        double[] dense = {Double.NaN, Double.NaN};
        int next = trace.indexAt(from) + 1;
        long start = from;
        SignalValue value = trace.valueAt(from);
        while (start < to) {
            long end = next < trace.size() ? Math.min(trace.time(next), to) : to;
            if (bit) {
                bitSegment(c, line, (LogicValue) value, start, end, top, bottom);
            } else {
                busSegment(c, s, value, start, end, top, bottom, dense);
            }
            if (next >= trace.size()) {
                break;
            }
            start = trace.time(next);
            value = trace.value(next);
            next++;
        }
        flushDense(c, dense, top, bottom);
        if (!line.isEmpty()) {
            c.sb.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#0a7d32\" stroke-width=\"1.5\"/>\n");
        }
    }

    /** Known levels extend one path; x and z break it so they stand out. */
    private static void bitSegment(Canvas c, StringBuilder line, LogicValue v, long start, long end, int top, int bottom) {
        char b = v.bit(0);
        String x1 = c.xs(start);
        String x2 = c.xs(end);
        if (b == '0' || b == '1') {
            int y = b == '1' ? top : bottom;
            line.append(line.isEmpty() ? "M" : " L").append(x1).append(',').append(y)
                    .append(" H").append(x2);
            return;
        }
        if (!line.isEmpty()) {
            line.append(" M").append(x2).append(',').append((top + bottom) / 2);
        }
        if (b == 'x') {
            c.sb.append("<rect class=\"x\" x=\"").append(x1).append("\" y=\"").append(top).append("\" width=\"")
                    .append(fmt(c.x(end) - c.x(start))).append("\" height=\"").append(bottom - top)
                    .append("\" fill=\"#f4a6a6\" stroke=\"#c00000\"/>\n");
        } else {
            c.sb.append("<line class=\"z\" x1=\"").append(x1).append("\" x2=\"").append(x2).append("\" y1=\"")
                    .append((top + bottom) / 2).append("\" y2=\"").append((top + bottom) / 2)
                    .append("\" stroke=\"#c8a000\" stroke-width=\"1.5\"/>\n");
        }
    }

    /** Boxes narrower than two pixels merge into one grey block instead of an unreadable smear. */
    private static void busSegment(Canvas c, Signal s, SignalValue v, long start, long end, int top, int bottom,
            double[] dense) {
        double x1 = c.x(start);
        double x2 = c.x(end);
        if (x2 - x1 < 2) {
            dense[0] = Double.isNaN(dense[0]) ? x1 : dense[0];
            dense[1] = x2;
            return;
        }
        flushDense(c, dense, top, bottom);
        double slant = Math.min(3, (x2 - x1) / 2);
        int mid = (top + bottom) / 2;
        boolean known = !(v instanceof LogicValue l) || l.isKnown();
        boolean allZ = v instanceof LogicValue l && !l.isKnown() && l.aval().signum() == 0;
        String fill = known ? "#e8f5ec" : allZ ? "#fff3c4" : "#f4a6a6";
        String stroke = known ? "#0a7d32" : allZ ? "#c8a000" : "#c00000";
        c.sb.append("<polygon points=\"").append(fmt(x1)).append(',').append(mid).append(' ')
                .append(fmt(x1 + slant)).append(',').append(top).append(' ').append(fmt(x2 - slant)).append(',').append(top).append(' ')
                .append(fmt(x2)).append(',').append(mid).append(' ').append(fmt(x2 - slant)).append(',').append(bottom).append(' ')
                .append(fmt(x1 + slant)).append(',').append(bottom).append("\" fill=\"").append(fill).append("\" stroke=\"")
                .append(stroke).append("\">");
        String text = v.display();
        if (c.interactive) {
            c.sb.append("<title>").append(XmlText.escape(s.path() + " = " + text)).append("</title>");
        }
        c.sb.append("</polygon>\n");
        double need = text.length() * CHAR_WIDTH + 8;
        double room = x2 - x1;
        if (need <= room || (c.interactive && need <= room * MAX_ZOOM)) {
            c.sb.append("<text class=\"v\" x=\"").append(fmt((x1 + x2) / 2)).append("\" y=\"").append(mid + 4)
                    .append("\" text-anchor=\"middle\" fill=\"#000\"");
            if (c.interactive) {
                c.sb.append(" data-w=\"").append(fmt(room)).append("\" data-n=\"").append(fmt(need)).append('"');
                if (need > room) {
                    c.sb.append(" style=\"display:none\"");
                }
            }
            c.sb.append('>').append(XmlText.escape(text)).append("</text>\n");
        }
    }

    private static void flushDense(Canvas c, double[] dense, int top, int bottom) {
        if (Double.isNaN(dense[0])) {
            return;
        }
        c.sb.append("<rect class=\"dense\" x=\"").append(fmt(dense[0])).append("\" y=\"").append(top).append("\" width=\"")
                .append(fmt(Math.max(1, dense[1] - dense[0]))).append("\" height=\"").append(bottom - top)
                .append("\" fill=\"#9aa5a0\"/>\n");
        dense[0] = Double.NaN;
        dense[1] = Double.NaN;
    }

    /** Ticks in the largest exact unit: 20 ns reads better than 20000 ps. */
    private static String timeText(Waveform w, long ticks) {
        return Timescale.formatFemtoseconds(w.timescale().toFemtoseconds(ticks));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Maps times to x positions of the wave column and collects its elements. */
    private static final class Canvas {
        final StringBuilder sb = new StringBuilder();
        final long from;
        final double scale;
        final boolean interactive;

        Canvas(long from, double scale, boolean interactive) {
            this.from = from;
            this.scale = scale;
            this.interactive = interactive;
        }

        double x(long t) {
            return (t - from) * scale;
        }

        String xs(long t) {
            return fmt(x(t));
        }
    }
}
