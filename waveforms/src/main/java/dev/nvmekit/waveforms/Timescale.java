package dev.nvmekit.waveforms;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VCD {@code $timescale}: how long one time tick of the dump is. Dumps from different tools
 * are compared in femtoseconds, the smallest unit VCD can express.
 *
 * @param magnitude 1, 10 or 100
 * @param unit one of s, ms, us, ns, ps, fs
 */
public record Timescale(int magnitude, String unit) {
    private static final Pattern TEXT = Pattern.compile("(1|10|100)\\s*(s|ms|us|ns|ps|fs)");

    /** One nanosecond, the default when a dump has no {@code $timescale}. */
    public static final Timescale NS = new Timescale(1, "ns");

    public Timescale {
        if (magnitude != 1 && magnitude != 10 && magnitude != 100) {
            throw new IllegalArgumentException("timescale magnitude must be 1, 10 or 100, got " + magnitude);
        }
        unitFemtoseconds(unit);
    }

    /**
     * Parses text such as {@code 1ns}, {@code 10 ps}.
     *
     * @throws IllegalArgumentException when the text is not a VCD timescale
     */
    public static Timescale parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timescale: '" + text.strip() + "' (expected e.g. 1ns, 10 ps)");
        }
        return new Timescale(Integer.parseInt(m.group(1)), m.group(2));
    }

    /** Femtoseconds in one tick. */
    public long femtoseconds() {
        return magnitude * unitFemtoseconds(unit);
    }

    /** {@code ticks} of this timescale in femtoseconds. */
    public long toFemtoseconds(long ticks) {
        return Math.multiplyExact(ticks, femtoseconds());
    }

    /** A time in ticks as text with the unit, e.g. {@code 25 ns}, for reports. */
    public String format(long ticks) {
        return Math.multiplyExact(ticks, (long) magnitude) + " " + unit;
    }

    /** Formats a time given in femtoseconds with the largest unit that keeps it integral. */
    public static String formatFemtoseconds(long fs) {
        if (fs == 0) {
            return "0";
        }
        String[] units = {"s", "ms", "us", "ns", "ps"};
        for (String u : units) {
            long f = unitFemtoseconds(u);
            if (fs % f == 0) {
                return fs / f + " " + u;
            }
        }
        return fs + " fs";
    }

    private static long unitFemtoseconds(String unit) {
        return switch (unit) {
            case "s" -> 1_000_000_000_000_000L;
            case "ms" -> 1_000_000_000_000L;
            case "us" -> 1_000_000_000L;
            case "ns" -> 1_000_000L;
            case "ps" -> 1_000L;
            case "fs" -> 1L;
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "'");
        };
    }

    @Override
    public String toString() {
        return magnitude + unit;
    }
}
