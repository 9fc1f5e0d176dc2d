package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;

/** Test design: an up-counter with enable and a wrap flag. */
public final class Counter extends Component {
    public final Signal enable;
    public final Signal count;
    public final Signal wrap;

    public Counter(int width) {
        parameter("width", width);
        enable = in("enable", 1);
        count = out("count", width);
        wrap = out("wrap", 1);
        Reg value = reg("value", width).init(0);
        when(enable, () -> value.set(value.add(1)));
        count.set(value);
        wrap.set(enable.and(value.andR()));
    }
}
