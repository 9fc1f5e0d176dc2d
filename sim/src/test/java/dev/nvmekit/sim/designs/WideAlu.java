package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;

/** Test design: 130-bit arithmetic, shifts, comparisons and an accumulator register. */
public final class WideAlu extends Component {
    public WideAlu() {
        Signal a = in("a", 130);
        Signal b = in("b", 130);
        Signal op = in("op", 3);
        Signal shift = in("shift", 8);
        Signal result = out("result", 130);
        Signal less = out("less", 1);
        Signal sless = out("sless", 1);
        Signal product = out("product", 260);
        Signal acc = out("acc", 130);
        Signal low = out("low", 40);
        Reg total = reg("total", 130).init(0);
        switchOn(op)
                .is(0, () -> result.set(a.add(b)))
                .is(1, () -> result.set(a.sub(b)))
                .is(2, () -> result.set(a.xor(b).not()))
                .is(3, () -> result.set(a.shl(shift)))
                .is(4, () -> result.set(a.asSigned().shr(shift).asUnsigned()))
                .is(5, () -> result.set(a.shr(shift)))
                .is(6, () -> result.set(a.neg()))
                .otherwise(() -> result.set(cat(a.slice(64, 0), b.slice(129, 65))));
        less.set(a.lt(b));
        sless.set(a.asSigned().lt(b.asSigned()));
        product.set(a.mul(b));
        total.set(total.add(result));
        acc.set(total);
        low.set(a.slice(99, 60));
    }
}
