package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;

/**
 * A first-in first-out queue of stream payloads, {@code depth} entries held in a {@link Mem}.
 *
 * <p>Ports: stream {@code push} (in), stream {@code pop} (out), {@code occupancy} (out, the
 * number of entries held, 0..depth). Timing: first-word-fall-through. The head entry is read
 * asynchronously, so {@code pop_valid} rises on the edge after the push that fills an empty
 * FIFO and the payload is on {@code pop_*} with it (the memory maps to distributed/LUT RAM;
 * put a {@link SkidBuffer} after it to register the outputs). {@code push_ready} is 1 exactly
 * when the FIFO is not full and {@code pop_valid} when it is not empty; neither depends
 * combinationally on the other side, so a full FIFO does not accept a push in the cycle it is
 * popped. A FIFO of depth 1 therefore moves one entry every two cycles; depth 2 or more keeps
 * full throughput. A payload of no fields makes a token counter with no memory.
 */
public final class StreamFifo<T> extends Component {
    /** Entries go in here. */
    public final Stream<T> push;
    /** The oldest entry comes out here. */
    public final Stream<T> pop;
    /** Entries held, 0..depth. */
    public final Signal occupancy;

    /** A FIFO of {@code depth} (1 or more) entries of {@code type}'s payload. */
    public StreamFifo(PayloadType<T> type, int depth) {
        var payload = type.spec();
        parameter("depth", depth);
        parameter("width", payload.forwardWidth());
        require(depth >= 1, "a FIFO needs depth >= 1, got " + depth);
        int d = Math.max(1, depth);
        push = streamIn("push", type);
        pop = streamOut("pop", type);
        int countWidth = 64 - Long.numberOfLeadingZeros(d);
        occupancy = out("occupancy", countWidth);

        Reg count = reg("count", countWidth).init(0);
        push.ready.set(count.ne(d));
        pop.valid.set(count.ne(0));
        occupancy.set(count);
        when(push.fire().and(pop.fire().not()), () -> count.set(count.add(1)))
                .elseWhen(pop.fire().and(push.fire().not()), () -> count.set(count.sub(1)));

        if (payload.forwardWidth() > 0) {
            Mem ram = mem("ram", payload.forwardWidth(), d);
            Reg writePointer = reg("write_pointer", ram.addressWidth()).init(0);
            Reg readPointer = reg("read_pointer", ram.addressWidth()).init(0);
            when(push.fire(), () -> {
                ram.write(writePointer, push.payloadBits());
                writePointer.set(successor(writePointer, d));
            });
            when(pop.fire(), () -> readPointer.set(successor(readPointer, d)));
            pop.setPayloadBits(ram.read(readPointer));
        }
    }

    /** The next slot after {@code pointer} in a ring of {@code depth} slots. */
    private dev.nvmekit.rtl.dsl.Value successor(Reg pointer, int depth) {
        if (depth == 1L << pointer.width()) return pointer.add(1);
        return pointer.eq(depth - 1).select(lit(0, pointer.width()), pointer.add(1));
    }
}
