package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges {@code n} streams of one payload into one, taking turns round robin (a
 * {@link RoundRobinArbiter} instance named {@code arbiter}).
 *
 * <p>Ports: streams {@code in_0..in_<n-1>}, stream {@code out}, and {@code chosen} (out, the
 * number of the input {@code out} currently passes). Once {@code out_valid} is offered the
 * choice is held until it fires, so a new request elsewhere never changes the payload under a
 * waiting consumer. With a lock field (a 1-bit payload field such as {@code last}) the choice
 * is also held from the first transfer of a packet through the transfer whose lock field is 1,
 * so packets from different inputs are never interleaved; priority rotates per packet.
 */
public final class StreamArbiter<T> extends Component {
    /** The competing inputs, {@code in_0..}. */
    public final List<Stream<T>> inputs;
    /** The merged output. */
    public final Stream<T> out;
    /** The input being passed. */
    public final Signal chosen;

    /** An arbiter over {@code n} inputs that rotates after every transfer. */
    public StreamArbiter(PayloadType<T> type, int n) {
        this(type, n, null);
    }

    /**
     * An arbiter over {@code n} inputs that, if {@code lockField} is not null, keeps an input
     * until a transfer with that 1-bit payload field set.
     */
    public StreamArbiter(PayloadType<T> type, int n, String lockField) {
        BundleSpec payload = type.spec();
        parameter("n", n);
        parameter("width", payload.forwardWidth());
        if (lockField != null) parameter("lock", lockField);
        require(n >= 1, "a stream arbiter needs at least 1 input, got " + n);
        boolean lockOk = lockField == null || payload.field(lockField).filter(f -> f.width() == 1).isPresent();
        require(lockOk, "lock field '" + lockField + "' must be a 1-bit field of the payload " + payload.describe());
        int count = Math.max(1, n);
        List<Stream<T>> ins = new ArrayList<>();
        for (int i = 0; i < count; i++) ins.add(streamIn("in_" + i, type));
        inputs = List.copyOf(ins);
        out = streamOut("out", type);
        int indexWidth = RoundRobinArbiter.indexWidth(count);
        chosen = out("chosen", indexWidth);

        RoundRobinArbiter arbiter = instance("arbiter", new RoundRobinArbiter(count));
        arbiter.request.set(cat(inputs.reversed().stream().map(s -> (Value) s.valid).toList()));

        Reg holding = reg("holding", 1).init(0);
        Reg heldIndex = reg("held_index", indexWidth).init(0);
        Signal selected = named("selected", holding.select(heldIndex, arbiter.grantIndex));
        chosen.set(selected);
        out.valid.set(pick(selected, inputs.stream().map(s -> (Value) s.valid).toList()));
        for (BundleSpec.Field f : out.payloadSpec().fields()) {
            out.payload(f.name()).set(pick(selected, inputs.stream().map(s -> (Value) s.payload(f.name())).toList()));
        }
        for (int i = 0; i < count; i++) inputs.get(i).ready.set(out.ready.and(selected.eq(i)));

        Value endOfPacket = lockOk && lockField != null ? out.payload(lockField) : bool(true);
        arbiter.advance.set(out.fire().and(endOfPacket));
        when(out.valid, () -> {
            heldIndex.set(selected);
            holding.set(out.ready.select(endOfPacket.not(), bool(true)));
        });
    }
}
