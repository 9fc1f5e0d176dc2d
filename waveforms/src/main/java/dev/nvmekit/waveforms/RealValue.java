package dev.nvmekit.waveforms;

/** The value of a {@code real} variable, written {@code r<number>} in a VCD file. */
public record RealValue(double value) implements SignalValue {

    @Override
    public String display() {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
