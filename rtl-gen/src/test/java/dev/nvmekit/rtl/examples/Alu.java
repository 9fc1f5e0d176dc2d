package dev.nvmekit.rtl.examples;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;

/** Golden example: a small signed ALU with a registered result, exercising switch and signed operators. */
public final class Alu extends Component {
    public Alu(int width) {
        parameter("width", width);
        Signal op = in("op", 3);
        Signal a = inSigned("a", width);
        Signal b = inSigned("b", width);
        Signal result = outSigned("result", width);
        Signal product = outSigned("product", 2 * width);
        Signal less = out("less", 1);
        Signal zero = out("zero", 1);

        Signal comb = wire("comb", a.type());
        switchOn(op)
                .is(0, () -> comb.set(a.add(b)))
                .is(1, () -> comb.set(a.sub(b)))
                .is(2, () -> comb.set(a.and(b)))
                .is(3, () -> comb.set(a.or(b)))
                .is(4, () -> comb.set(a.xor(b)))
                .is(5, () -> comb.set(a.shr(1)))
                .is(6, () -> comb.set(a.shl(b.slice(2, 0))))
                .otherwise(() -> comb.set(a.neg()));
        var r = reg("r", a.type()).init(0);
        r.set(comb);
        result.set(r);
        product.set(regNext("p", a.mul(b)));
        less.set(a.lt(b));
        zero.set(r.orR().not());
    }
}
