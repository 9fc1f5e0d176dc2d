package dev.nvmekit.rtl.examples;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;

/** Golden example: a FIFO on a memory with push/pop handshakes and an occupancy count. */
public final class SimpleFifo extends Component {
    public final Signal pushValid, pushReady, pushData, popValid, popReady, popData, count;

    public SimpleFifo(int width, int depthLog2) {
        parameter("width", width);
        parameter("depth", 1 << depthLog2);
        pushValid = in("push_valid", 1);
        pushReady = out("push_ready", 1);
        pushData = in("push_data", width);
        popValid = out("pop_valid", 1);
        popReady = in("pop_ready", 1);
        popData = out("pop_data", width);
        count = out("count", depthLog2 + 1);

        Mem storage = mem("storage", width, 1 << depthLog2);
        Reg head = reg("head", depthLog2).init(0);
        Reg tail = reg("tail", depthLog2).init(0);
        Reg used = reg("used", depthLog2 + 1).init(0);
        Signal push = named("push", pushValid.and(pushReady));
        Signal pop = named("pop", popValid.and(popReady));

        when(push, () -> {
            storage.write(tail, pushData);
            tail.set(tail.add(1));
        });
        when(pop, () -> head.set(head.add(1)));
        when(push.and(pop.not()), () -> used.set(used.add(1)))
                .elseWhen(pop.and(push.not()), () -> used.set(used.sub(1)));

        pushReady.set(used.ne(1 << depthLog2));
        popValid.set(used.ne(0));
        popData.set(storage.read(head));
        count.set(used);
    }
}
