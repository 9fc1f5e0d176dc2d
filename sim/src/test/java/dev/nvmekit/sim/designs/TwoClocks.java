package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.ResetKind;

/** Test design: a counter on the main clock and one on a second clock with an asynchronous active-low reset. */
public final class TwoClocks extends Component {
    public TwoClocks() {
        Signal fastCount = out("fast_count", 16);
        Signal slowCount = out("slow_count", 16);
        Reg fast = reg("fast", 16).init(0);
        fast.set(fast.add(1));
        fastCount.set(fast);
        Domain slowDomain = domain("slow", "clk_slow", "rst_slow_n", ResetKind.ASYNC_LOW);
        withDomain(slowDomain, () -> {
            Reg slow = reg("slow", 16).init(100);
            slow.set(slow.add(1));
            slowCount.set(slow);
        });
    }
}
