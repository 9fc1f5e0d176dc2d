package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.dsl.Value;

/**
 * A two-entry pipeline stage that registers every output of a stream, including the ready
 * going back, and still moves one payload per cycle: it breaks long valid/ready paths between
 * blocks. Ports: stream {@code in}, stream {@code out}.
 *
 * <p>The output register ({@code buffer_valid}, {@code buffer_payload}) holds what {@code out}
 * offers; {@code in_ready} is the registered "skid register empty" ({@code !skid_valid}). When {@code out} stalls while a payload was arriving, that payload
 * lands in the skid register and {@code in_ready} drops on the next edge; the skid entry moves
 * out first once {@code out} takes the output register's entry. Latency is one cycle.
 */
public final class SkidBuffer<T> extends Component {
    /** The upstream side. */
    public final Stream<T> in;
    /** The downstream side, all registered. */
    public final Stream<T> out;

    /** A skid buffer for {@code type}'s payload. */
    public SkidBuffer(PayloadType<T> type) {
        var payload = type.spec();
        parameter("width", payload.forwardWidth());
        in = streamIn("in", type);
        out = streamOut("out", type);

        Reg outFull = reg("buffer_valid", 1).init(0);
        Reg skidFull = reg("skid_valid", 1).init(0);
        in.ready.set(skidFull.not());
        out.valid.set(outFull);
        Value outFree = out.ready.or(outFull.not());

        when(outFree, () -> when(skidFull, () -> {
            outFull.set(1);
            skidFull.set(0);
        }).otherwise(() -> outFull.set(in.valid))).otherwise(() -> when(in.fire(), () -> skidFull.set(1)));

        if (payload.forwardWidth() > 0) {
            Reg outData = reg("buffer_payload", payload.forwardWidth()).noReset();
            Reg skidData = reg("skid_payload", payload.forwardWidth()).noReset();
            out.setPayloadBits(outData);
            when(outFree, () -> when(skidFull, () -> outData.set(skidData))
                    .elseWhen(in.valid, () -> outData.set(in.payloadBits())))
                    .elseWhen(in.fire(), () -> skidData.set(in.payloadBits()));
        }
    }
}
