package dev.nvmekit.waveforms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole dump in memory: hierarchy, signals by full dotted path, and their traces. Read one
 * with {@link VcdReader}; compare two with {@code dev.nvmekit.waveforms.diff.WaveformDiff}; draw
 * one with {@code dev.nvmekit.waveforms.render}.
 */
public final class Waveform {
    private final Timescale timescale;
    private final Scope root;
    private final List<Signal> signals;
    private final Map<String, Signal> byPath;
    private final long endTime;
    private final String version;
    private final String date;
    private final List<String> comments;

    /** Builds a waveform from parts; {@link VcdReader} is the usual source. */
    public Waveform(Timescale timescale, Scope root, List<Signal> signals, long endTime, String version,
            String date, List<String> comments) {
        this.timescale = timescale;
        this.root = root;
        this.signals = List.copyOf(signals);
        this.endTime = endTime;
        this.version = version;
        this.date = date;
        this.comments = List.copyOf(comments);
        Map<String, Signal> map = new LinkedHashMap<>();
        for (Signal s : this.signals) {
            // Duplicate declarations of one path exist in the wild; the first one wins.
            map.putIfAbsent(s.path(), s);
        }
        this.byPath = map;
    }

    /** The length of one time tick. */
    public Timescale timescale() {
        return timescale;
    }

    /** The hierarchy; its children are the top-level scopes. */
    public Scope root() {
        return root;
    }

    /** Every declared signal, in declaration order, aliases included. */
    public List<Signal> signals() {
        return signals;
    }

    /** The signal with this full dotted path. */
    public Optional<Signal> signal(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * The signal with this full dotted path.
     *
     * @throws IllegalArgumentException naming the path when there is none
     */
    public Signal require(String path) {
        Signal s = byPath.get(path);
        if (s == null) {
            throw new IllegalArgumentException("no signal '" + path + "' in the dump; it has "
                    + byPath.keySet().stream().limit(12).toList() + (byPath.size() > 12 ? " ..." : ""));
        }
        return s;
    }

    /** The last timestamp in the dump, in ticks. */
    public long endTime() {
        return endTime;
    }

    /** The {@code $version} text, or empty. */
    public String version() {
        return version;
    }

    /** The {@code $date} text, or empty. */
    public String date() {
        return date;
    }

    /** The {@code $comment} texts in file order. */
    public List<String> comments() {
        return comments;
    }
}
