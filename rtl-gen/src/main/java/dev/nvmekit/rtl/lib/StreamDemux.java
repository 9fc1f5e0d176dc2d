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
 * Routes the input to the output chosen by {@code select}. Ports: stream {@code in},
 * {@code select} (in, index), streams {@code out_0..out_<n-1>}. Every output carries the
 * payload; only the chosen one is valid. A select past the last output stalls the input.
 * Keep {@code select} stable while {@code in_valid} waits.
 */
public final class StreamDemux<T> extends Component {
    /** The stream to route. */
    public final Stream<T> in;
    /** Which output receives it. */
    public final Signal select;
    /** The outputs, {@code out_0..}. */
    public final List<Stream<T>> outputs;

    /** A demultiplexer to {@code n} (1 or more) outputs. */
    public StreamDemux(PayloadType<T> type, int n) {
        BundleSpec payload = type.spec();
        parameter("n", n);
        parameter("width", payload.forwardWidth());
        require(n >= 1, "a stream demux needs at least 1 output, got " + n);
        int count = Math.max(1, n);
        in = streamIn("in", type);
        select = in("select", RoundRobinArbiter.indexWidth(count));
        List<Stream<T>> outs = new ArrayList<>();
        for (int i = 0; i < count; i++) outs.add(streamOut("out_" + i, type));
        outputs = List.copyOf(outs);

        Value chosenReady = bool(false);
        for (int i = 0; i < count; i++) {
            Stream<T> o = outputs.get(i);
            Value chosen = select.eq(i);
            o.valid.set(in.valid.and(chosen));
            o.setPayloadFrom(in);
            chosenReady = chosenReady.or(chosen.and(o.ready));
        }
        in.ready.set(chosenReady);
    }
}
