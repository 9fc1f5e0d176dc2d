package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;

/** Test design: an up-counter with enable, a wrap flag and a 100-bit accumulator of a wide input. */
public final class WideCounter extends Component {
    public final Signal enable, count, wrap, addend, total;

    public WideCounter(int width) {
        parameter("width", width);
        enable = in("enable", 1);
        count = out("count", width);
        wrap = out("wrap", 1);
        addend = in("addend", 100);
        total = out("total", 100);
        Reg value = reg("value", width).init(0);
        Reg acc = reg("acc", 100).init(0);
        when(enable, () -> {
            value.set(value.add(1));
            acc.set(acc.add(addend));
        });
        count.set(value);
        wrap.set(enable.and(value.andR()));
        total.set(acc);
    }
}
