package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;

/** Test design with hierarchy: two FIFOs in series, with a transfer from the first to the second. */
public final class FifoPair extends Component {
    public final Signal push;
    public final Signal pop;
    public final Signal inData;
    public final Signal outData;
    public final Signal empty;

    public FifoPair() {
        push = in("push", 1);
        pop = in("pop", 1);
        inData = in("in_data", 8);
        outData = out("out_data", 8);
        empty = out("empty", 1);
        Fifo first = instance("first", new Fifo(8, 2));
        Fifo second = instance("second", new Fifo(8, 3));
        first.push.set(push);
        first.inData.set(inData);
        // Values of two sibling instances cannot be combined directly in this DSL: name each first.
        Signal firstHas = named("first_has", first.empty.not());
        Signal secondRoom = named("second_room", second.full.not());
        Signal move = named("move", firstHas.and(secondRoom));
        first.pop.set(move);
        second.push.set(move);
        second.inData.set(first.outData);
        second.pop.set(pop);
        outData.set(second.outData);
        empty.set(second.empty);
    }
}
