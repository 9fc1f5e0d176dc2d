package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies one stream to {@code n} outputs; the input is consumed once every output has taken
 * the payload. Ports: stream {@code in}, streams {@code out_0..out_<n-1>}.
 *
 * <ul>
 *   <li>Asynchronous (the default): each output takes its copy when it is ready; a register
 *       {@code delivered} remembers which outputs already have it, and {@code in_ready} rises
 *       when the last one takes it. An output's valid depends only on {@code in_valid} and
 *       that register, never on the other outputs' ready.</li>
 *   <li>Synchronous: all outputs take the payload on the same edge; each {@code out_i_valid}
 *       is {@code in_valid} and every other output ready (combinational, no state).</li>
 * </ul>
 */
public final class StreamFork<T> extends Component {
    /** The stream being copied. */
    public final Stream<T> in;
    /** The copies, {@code out_0..}. */
    public final List<Stream<T>> outputs;

    /** An asynchronous fork to {@code n} outputs. */
    public StreamFork(PayloadType<T> type, int n) {
        this(type, n, false);
    }

    /** A fork to {@code n} (1 or more) outputs, synchronous or asynchronous as described above. */
    public StreamFork(PayloadType<T> type, int n, boolean synchronous) {
        BundleSpec payload = type.spec();
        parameter("n", n);
        parameter("width", payload.forwardWidth());
        parameter("sync", synchronous ? 1 : 0);
        require(n >= 1, "a stream fork needs at least 1 output, got " + n);
        int count = Math.max(1, n);
        in = streamIn("in", type);
        List<Stream<T>> outs = new ArrayList<>();
        for (int i = 0; i < count; i++) outs.add(streamOut("out_" + i, type));
        outputs = List.copyOf(outs);
        for (Stream<T> o : outputs) o.setPayloadFrom(in);

        if (synchronous) {
            Value allReady = bool(true);
            for (Stream<T> o : outputs) allReady = allReady.and(o.ready);
            in.ready.set(allReady);
            for (int i = 0; i < count; i++) {
                Value othersReady = in.valid;
                for (int j = 0; j < count; j++) if (j != i) othersReady = othersReady.and(outputs.get(j).ready);
                outputs.get(i).valid.set(othersReady);
            }
            return;
        }
        Reg delivered = reg("delivered", count).init(0);
        List<Value> takenOrTaking = new ArrayList<>();
        List<Value> taking = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Stream<T> o = outputs.get(i);
            o.valid.set(in.valid.and(delivered.bit(i).not()));
            takenOrTaking.addFirst(o.ready.or(delivered.bit(i)));
            taking.addFirst(o.fire());
        }
        in.ready.set(cat(takenOrTaking).andR());
        when(in.fire(), () -> delivered.set(0)).otherwise(() -> delivered.set(delivered.or(cat(taking))));
    }
}
