package dev.nvmekit.waveforms.diff;

import dev.nvmekit.waveforms.ClockEdges;
import dev.nvmekit.waveforms.Signal;
import dev.nvmekit.waveforms.SignalTrace;
import dev.nvmekit.waveforms.SignalValue;
import dev.nvmekit.waveforms.Waveform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two dumps of the same design, typically from two simulators, signal by signal.
 * Signals are paired by the names the options' {@link SignalMapping}s give them; times are
 * compared in femtoseconds so the dumps may use different timescales.
 */
public final class WaveformDiff {
    private static final Comparator<Difference> EARLIEST =
            Comparator.comparingLong(Difference::timeFs).thenComparing(Difference::signal);

    private WaveformDiff() {
    }

    /**
     * Compares {@code left} with {@code right}.
     *
     * @throws IllegalArgumentException when the options name a clock missing from either dump
     */
    public static DiffReport compare(Waveform left, Waveform right, DiffOptions options) {
        Map<String, Signal> l = byCanonicalName(left, options.leftNames());
        Map<String, Signal> r = byCanonicalName(right, options.rightNames());
        List<String> compared = new ArrayList<>();
        List<String> widthMismatches = new ArrayList<>();
        List<String> onlyLeft = new ArrayList<>();
        List<String> onlyRight = new ArrayList<>();
        for (var e : l.entrySet()) {
            String name = e.getKey();
            if (!options.only().isEmpty() && !options.only().contains(name)) {
                continue;
            }
            Signal other = r.get(name);
            if (other == null) {
                onlyLeft.add(name);
            } else if (other.width() != e.getValue().width() || other.trace().isReal() != e.getValue().trace().isReal()) {
                widthMismatches.add(name);
            } else {
                compared.add(name);
            }
        }
        for (String name : r.keySet()) {
            if (!l.containsKey(name) && (options.only().isEmpty() || options.only().contains(name))) {
                onlyRight.add(name);
            }
        }

        Tally tally = new Tally(options.maxReported());
        int leftEdges = -1;
        int rightEdges = -1;
        if (options.clock().isPresent()) {
            String clock = options.clock().get();
            long[] le = ClockEdges.rising(clockIn(l, clock, "left"));
            long[] re = ClockEdges.rising(clockIn(r, clock, "right"));
            leftEdges = le.length;
            rightEdges = re.length;
            for (String name : compared) {
                compareAtEdges(name, l.get(name), r.get(name), le, re, left.timescale().femtoseconds(), options, tally);
            }
        } else {
            for (String name : compared) {
                compareAtChanges(name, l.get(name), left.timescale().femtoseconds(), r.get(name),
                        right.timescale().femtoseconds(), options.xz(), tally);
            }
        }
        return new DiffReport(compared, onlyLeft, onlyRight, widthMismatches, tally.count, tally.sorted(),
                leftEdges, rightEdges);
    }

    private static void compareAtEdges(String name, Signal a, Signal b, long[] le, long[] re, long leftFs,
            DiffOptions options, Tally tally) {
        boolean before = options.sampling() == EdgeSampling.BEFORE_EDGE;
        int n = Math.min(le.length, re.length);
        for (int k = 0; k < n; k++) {
            SignalValue va = before ? a.valueBefore(le[k]) : a.valueAt(le[k]);
            SignalValue vb = before ? b.valueBefore(re[k]) : b.valueAt(re[k]);
            if (!options.xz().same(va, vb)) {
                tally.add(new Difference(name, le[k] * leftFs, k, va, vb));
            }
        }
    }

    /** Walks both change lists in time order; only instants where either side changes can start a difference. */
    private static void compareAtChanges(String name, Signal a, long aFs, Signal b, long bFs, XzPolicy xz,
            Tally tally) {
        SignalTrace ta = a.trace();
        SignalTrace tb = b.trace();
        int i = 0;
        int j = 0;
        while (i < ta.size() || j < tb.size()) {
            long timeA = i < ta.size() ? ta.time(i) * aFs : Long.MAX_VALUE;
            long timeB = j < tb.size() ? tb.time(j) * bFs : Long.MAX_VALUE;
            long t = Math.min(timeA, timeB);
            if (timeA == t) {
                i++;
            }
            if (timeB == t) {
                j++;
            }
            SignalValue va = i > 0 ? ta.value(i - 1) : a.valueBefore(Long.MIN_VALUE);
            SignalValue vb = j > 0 ? tb.value(j - 1) : b.valueBefore(Long.MIN_VALUE);
            if (!xz.same(va, vb)) {
                tally.add(new Difference(name, t, -1, va, vb));
            }
        }
    }

    private static Signal clockIn(Map<String, Signal> signals, String clock, String side) {
        Signal s = signals.get(clock);
        if (s == null) {
            throw new IllegalArgumentException("clock '" + clock + "' is not in the " + side + " dump (after name mapping)");
        }
        return s;
    }

    private static Map<String, Signal> byCanonicalName(Waveform w, SignalMapping mapping) {
        Map<String, Signal> map = new TreeMap<>();
        for (Signal s : w.signals()) {
            mapping.canonical(s.path()).ifPresent(name -> map.putIfAbsent(name, s));
        }
        return map;
    }

    /** Counts every difference but keeps only the earliest few, so huge mismatches stay cheap. */
    private static final class Tally {
        final int limit;
        final List<Difference> kept = new ArrayList<>();
        long count;

        Tally(int limit) {
            this.limit = limit;
        }

        void add(Difference d) {
            count++;
            kept.add(d);
            if (kept.size() > 4 * limit) {
                prune();
            }
        }

        List<Difference> sorted() {
            prune();
            return kept;
        }

        private void prune() {
            kept.sort(EARLIEST);
            if (kept.size() > limit) {
                kept.subList(limit, kept.size()).clear();
            }
        }
    }
}
