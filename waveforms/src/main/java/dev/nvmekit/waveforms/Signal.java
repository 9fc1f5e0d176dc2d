package dev.nvmekit.waveforms;

/**
 * A variable declared in a dump, with its place in the hierarchy and its changes.
 *
 * @param path full dotted path, e.g. {@code tb.dut.count}; a bit-select declared on its own
 *     keeps its index, e.g. {@code tb.dut.bus[3]}
 * @param scopePath dotted path of the enclosing scope, empty at top level
 * @param name the name within the scope
 * @param varType the declared type: wire, reg, integer, real, parameter, ...
 * @param width width in bits
 * @param idCode the identifier code in the dump; aliases share it
 * @param trace the changes, shared with aliases
 */
public record Signal(String path, String scopePath, String name, String varType, int width, String idCode,
        SignalTrace trace) {

    /** The value at {@code time} (ticks), after all changes at that time. */
    public SignalValue valueAt(long time) {
        return trace.valueAt(time);
    }

    /** The value just before {@code time}, as a flip-flop clocked then samples it. */
    public SignalValue valueBefore(long time) {
        return trace.valueBefore(time);
    }

    @Override
    public String toString() {
        return path + (width > 1 ? "[" + (width - 1) + ":0]" : "");
    }
}
