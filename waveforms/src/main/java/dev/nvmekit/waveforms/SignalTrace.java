package dev.nvmekit.waveforms;

import java.util.Arrays;

/**
 * The change list of one VCD identifier code: times in ticks (non-decreasing, at most one entry
 * per time) and the value from each time on. Aliased signals, which share a code, share a trace.
 */
public final class SignalTrace {
    private final int width;
    private final boolean real;
    private long[] times = new long[4];
    private SignalValue[] values = new SignalValue[4];
    private int size;

    SignalTrace(int width, boolean real) {
        this.width = width;
        this.real = real;
    }

    /** Width in bits of the values (64 for reals). */
    public int width() {
        return width;
    }

    /** Whether the values are {@link RealValue}s. */
    public boolean isReal() {
        return real;
    }

    /** Number of changes. */
    public int size() {
        return size;
    }

    /** Time of change {@code i}, in ticks. */
    public long time(int i) {
        checkIndex(i);
        return times[i];
    }

    /** Value set by change {@code i}. */
    public SignalValue value(int i) {
        checkIndex(i);
        return values[i];
    }

    /** Index of the last change at or before {@code time}, or -1 if there is none. */
    public int indexAt(long time) {
        int i = Arrays.binarySearch(times, 0, size, time);
        return i >= 0 ? i : -i - 2;
    }

    /** The value at {@code time} after all changes at that time; unknown before the first change. */
    public SignalValue valueAt(long time) {
        int i = indexAt(time);
        return i >= 0 ? values[i] : initial();
    }

    /**
     * The value just before {@code time}, ignoring changes at that time: what a flip-flop clocked
     * at {@code time} samples.
     */
    public SignalValue valueBefore(long time) {
        int i = indexAt(time);
        if (i >= 0 && times[i] == time) {
            i--;
        }
        return i >= 0 ? values[i] : initial();
    }

    private SignalValue initial() {
        return real ? new RealValue(Double.NaN) : LogicValue.unknown(width);
    }

    /** A later change at the same time replaces the earlier one: only the settled value counts. */
    void append(long time, SignalValue value) {
        if (size > 0 && times[size - 1] == time) {
            values[size - 1] = value;
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = time;
        values[size] = value;
        size++;
    }

    void trim() {
        times = Arrays.copyOf(times, size);
        values = Arrays.copyOf(values, size);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("change " + i + " of " + size);
        }
    }
}
