package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Passes the input chosen by {@code select} to the output; the other inputs wait (ready 0).
 * Ports: streams {@code in_0..in_<n-1>}, {@code select} (in, index), stream {@code out}. A
 * select past the last input passes nothing. Keep {@code select} stable while {@code out_valid}
 * waits, as the stream rules require of the payload.
 */
public final class StreamMux<T> extends Component {
    /** The inputs, {@code in_0..}. */
    public final List<Stream<T>> inputs;
    /** Which input to pass. */
    public final Signal select;
    /** The chosen input. */
    public final Stream<T> out;

    /** A multiplexer of {@code n} (1 or more) inputs. */
    public StreamMux(PayloadType<T> type, int n) {
        BundleSpec payload = type.spec();
        parameter("n", n);
        parameter("width", payload.forwardWidth());
        require(n >= 1, "a stream mux needs at least 1 input, got " + n);
        int count = Math.max(1, n);
        List<Stream<T>> ins = new ArrayList<>();
        for (int i = 0; i < count; i++) ins.add(streamIn("in_" + i, type));
        inputs = List.copyOf(ins);
        select = in("select", RoundRobinArbiter.indexWidth(count));
        out = streamOut("out", type);

        // Only a count that is not a power of two leaves select values without an input.
        Value inRange = Integer.bitCount(count) == 1 ? bool(true) : select.le(count - 1);
        out.valid.set(inRange.and(pick(select, inputs.stream().map(s -> (Value) s.valid).toList())));
        for (BundleSpec.Field f : payload.fields()) {
            out.payload(f.name()).set(pick(select, inputs.stream().map(s -> (Value) s.payload(f.name())).toList()));
        }
        for (int i = 0; i < count; i++) inputs.get(i).ready.set(out.ready.and(select.eq(i)));
    }
}
