package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;

/**
 * Test design chaining library blocks through child-to-child stream connections:
 * in → skid buffer → FIFO → fork(2) → arbiter(2) → out. Every payload comes out twice, in order.
 */
final class StreamPipeline extends Component {
    final Stream<Bundle> in;
    final Stream<Bundle> out;
    final Signal occupancy;
    final Signal chosen;

    StreamPipeline(BundleSpec payload, int depth) {
        in = streamIn("in", payload);
        out = streamOut("out", payload);
        SkidBuffer<Bundle> skid = instance("skid", new SkidBuffer<>(PayloadType.bundle(payload)));
        skid.in.connectFrom(in);
        StreamFifo<Bundle> fifo = instance("fifo", new StreamFifo<>(PayloadType.bundle(payload), depth));
        fifo.push.connectFrom(skid.out);
        StreamFork<Bundle> fork = instance("split", new StreamFork<>(PayloadType.bundle(payload), 2));
        fork.in.connectFrom(fifo.pop);
        StreamArbiter<Bundle> arbiter = instance("arbiter", new StreamArbiter<>(PayloadType.bundle(payload), 2));
        for (int i = 0; i < 2; i++) arbiter.inputs.get(i).connectFrom(fork.outputs.get(i));
        out.connectFrom(arbiter.out);
        occupancy = out("occupancy", fifo.occupancy.width());
        occupancy.set(fifo.occupancy);
        chosen = out("chosen", 1);
        chosen.set(arbiter.chosen);
    }
}
