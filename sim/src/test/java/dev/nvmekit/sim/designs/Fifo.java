package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;

/** Test design: a synchronous FIFO on a memory, with occupancy count. */
public final class Fifo extends Component {
    public final Signal push;
    public final Signal pop;
    public final Signal inData;
    public final Signal outData;
    public final Signal empty;
    public final Signal full;
    public final Signal level;

    public Fifo(int width, int depthLog2) {
        parameter("width", width);
        parameter("depth", 1 << depthLog2);
        push = in("push", 1);
        pop = in("pop", 1);
        inData = in("in_data", width);
        outData = out("out_data", width);
        empty = out("empty", 1);
        full = out("full", 1);
        level = out("level", depthLog2 + 1);
        Mem storage = mem("storage", width, 1 << depthLog2);
        Reg head = reg("head", depthLog2).init(0);
        Reg tail = reg("tail", depthLog2).init(0);
        Reg count = reg("count", depthLog2 + 1).init(0);
        Signal doPush = named("do_push", push.and(count.ne(1L << depthLog2)));
        Signal doPop = named("do_pop", pop.and(count.ne(0)));
        when(doPush, () -> {
            storage.write(tail, inData);
            tail.set(tail.add(1));
        });
        when(doPop, () -> head.set(head.add(1)));
        when(doPush.and(doPop.not()), () -> count.set(count.add(1)))
                .elseWhen(doPop.and(doPush.not()), () -> count.set(count.sub(1)));
        outData.set(storage.read(head));
        empty.set(count.eq(0));
        full.set(count.eq(1L << depthLog2));
        level.set(count);
    }
}
