package dev.nvmekit.waveforms.render;

import dev.nvmekit.waveforms.ClockEdges;
import dev.nvmekit.waveforms.Waveform;
import java.util.List;
import java.util.Optional;

/**
 * What to draw of a {@link Waveform}: which signals, in which order, over which time window, and
 * which clock marks the cycles. The clock enables cycle windows, the cycle grid and the shading
 * of valid/ready transfers.
 *
 * @param signals full dotted paths, top row first
 * @param fromTime first time drawn, in ticks
 * @param toTime last time drawn, in ticks; {@link Long#MAX_VALUE} means the end of the dump
 * @param clock path of the clock, if any
 * @param plotWidth width in pixels of the waveform area, excluding the name column
 */
public record WaveView(List<String> signals, long fromTime, long toTime, Optional<String> clock, int plotWidth) {

    public WaveView {
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("a view needs at least one signal");
        }
        if (fromTime < 0 || toTime <= fromTime) {
            throw new IllegalArgumentException("bad time window [" + fromTime + ", " + toTime + "]");
        }
        if (plotWidth < 50) {
            throw new IllegalArgumentException("plot width must be at least 50 px");
        }
    }

    /** These signals over the whole dump, 1000 px wide, without a clock. */
    public static WaveView of(List<String> signals) {
        return new WaveView(signals, 0, Long.MAX_VALUE, Optional.empty(), 1000);
    }

    /** With times {@code from..to} (ticks). */
    public WaveView window(long from, long to) {
        return new WaveView(signals, from, to, clock, plotWidth);
    }

    /** With this clock path. */
    public WaveView clock(String path) {
        return new WaveView(signals, fromTime, toTime, Optional.of(path), plotWidth);
    }

    /** With this plot width in pixels. */
    public WaveView width(int pixels) {
        return new WaveView(signals, fromTime, toTime, clock, pixels);
    }

    /**
     * With the window set to cycles {@code first..last} of the clock: from the first cycle's rising
     * edge to the rising edge after the last (or the end of the dump).
     *
     * @throws IllegalArgumentException without a clock, or when the dump has fewer cycles
     */
    public WaveView cycles(Waveform waveform, int first, int last) {
        String path = clock.orElseThrow(() -> new IllegalArgumentException("a cycle window needs a clock; call clock(path) first"));
        long[] edges = ClockEdges.rising(waveform.require(path));
        if (first < 0 || last < first || last >= edges.length) {
            throw new IllegalArgumentException("cycles " + first + ".." + last + " out of range: "
                    + path + " has " + edges.length + " rising edges");
        }
        long end = last + 1 < edges.length ? edges[last + 1] : Math.max(waveform.endTime(), edges[edges.length - 1] + 1);
        return window(edges[first], end);
    }

    /** The last time drawn, with "end of dump" resolved. */
    long resolvedEnd(Waveform waveform) {
        return toTime == Long.MAX_VALUE ? Math.max(fromTime + 1, waveform.endTime()) : toTime;
    }
}
