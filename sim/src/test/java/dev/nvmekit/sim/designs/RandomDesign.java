package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random design for differential testing, built from a seed: inputs of assorted widths (some
 * signed, some over 64 bits), a chain of random operators named as wires, registers with reset
 * values and conditional updates, a fully initialised memory with async and sync reads and a
 * conditional write, and (when {@code depth > 0}) a random child instance.
 */
public final class RandomDesign extends Component {
    private static final int[] WIDTHS = {1, 1, 2, 3, 5, 8, 13, 16, 31, 32, 33, 63, 64, 65, 100, 128, 130};
    public final List<Signal> inputs = new ArrayList<>();
    public final List<Signal> outputs = new ArrayList<>();
    private final Random r;
    private final List<Value> pool = new ArrayList<>();

    public RandomDesign(long seed, int ops, int depth) {
        parameter("seed", seed);
        r = new Random(seed);
        int nIn = 2 + r.nextInt(3);
        for (int i = 0; i < nIn; i++) {
            int w = width();
            Signal s = r.nextInt(4) == 0 ? inSigned("i" + i, w) : in("i" + i, w);
            inputs.add(s);
            pool.add(s);
        }
        List<Reg> regs = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            int w = width();
            Reg reg = reg("r" + i, w).init(new BigInteger(w, r));
            regs.add(reg);
            pool.add(reg);
        }
        Mem mem = null;
        if (r.nextBoolean()) {
            int mw = width();
            int mdepth = 1 << (1 + r.nextInt(4));
            mem = mem("m", mw, mdepth);
            List<BigInteger> words = new ArrayList<>();
            for (int i = 0; i < mdepth; i++) words.add(new BigInteger(mw, r));
            mem.init(words);
            pool.add(mem.readSync("m_q", fit(pick(), SignalType.unsigned(mem.addressWidth()))));
        }
        if (depth > 0 && r.nextBoolean()) {
            RandomDesign child = instance("u", new RandomDesign(r.nextLong(), Math.max(4, ops / 2), depth - 1));
            for (Signal in : child.inputs) in.set(fit(pick(), in.type()));
            for (int i = 0; i < child.outputs.size(); i++) pool.add(named("u_o" + i + "_n", child.outputs.get(i)));
        }
        for (int i = 0; i < ops; i++) {
            Value v = op(mem);
            if (v.width() > 300) v = v.truncate(1 + r.nextInt(200));
            pool.add(r.nextInt(5) == 0 ? v : named("n" + i, v));
        }
        for (Reg reg : regs) {
            Value next = fit(pick(), reg.type());
            if (r.nextBoolean()) when(bit(), () -> reg.set(next));
            else reg.set(next);
        }
        if (mem != null) {
            Mem m = mem;
            Value addr = fit(pick(), SignalType.unsigned(m.addressWidth()));
            Value data = fit(pick(), m.wordType());
            when(bit(), () -> m.write(addr, data));
        }
        for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
            Value v = pick();
            Signal o = v.isSigned() ? outSigned("o" + i, v.width()) : out("o" + i, v.width());
            o.set(v);
            outputs.add(o);
        }
    }

    private int width() {
        return WIDTHS[r.nextInt(WIDTHS.length)];
    }

    private Value pick() {
        // favour recent values so that operators chain
        int n = pool.size();
        return r.nextInt(3) == 0 ? pool.get(r.nextInt(n)) : pool.get(Math.max(0, n - 1 - r.nextInt(Math.min(n, 6))));
    }

    private Value bit() {
        Value v = pick();
        return switch (r.nextInt(3)) {
            case 0 -> v.orR();
            case 1 -> v.bit(r.nextInt(v.width()));
            default -> v.xorR();
        };
    }

    private static Value fit(Value v, SignalType t) {
        Value u = v.asUnsigned().resize(t.width());
        return t.signed() ? u.asSigned() : u;
    }

    private static Value same(Value a, Value b) {
        if (a.isSigned() == b.isSigned()) return b;
        return a.isSigned() ? b.asSigned() : b.asUnsigned();
    }

    private Value op(Mem mem) {
        Value a = pick();
        Value b = same(a, pick());
        return switch (r.nextInt(mem == null ? 21 : 22)) {
            case 0 -> a.add(b);
            case 1 -> a.sub(b);
            case 2 -> a.width() + b.width() <= 140 ? a.mul(b) : a.xor(b);
            case 3 -> a.and(b);
            case 4 -> a.or(b);
            case 5 -> a.xor(b);
            case 6 -> a.not();
            case 7 -> a.neg();
            case 8 -> switch (r.nextInt(3)) {
                case 0 -> a.andR();
                case 1 -> a.orR();
                default -> a.xorR();
            };
            case 9 -> switch (r.nextInt(6)) {
                case 0 -> a.eq(b);
                case 1 -> a.ne(b);
                case 2 -> a.lt(b);
                case 3 -> a.le(b);
                case 4 -> a.gt(b);
                default -> a.ge(b);
            };
            case 10 -> a.shl(r.nextInt(a.width() + 3));
            case 11 -> a.shr(r.nextInt(a.width() + 3));
            case 12 -> a.shl(b.asUnsigned().truncate(Math.min(b.width(), 1 + r.nextInt(8))));
            case 13 -> a.shr(b.asUnsigned().truncate(Math.min(b.width(), 1 + r.nextInt(8))));
            case 14 -> {
                int lo = r.nextInt(a.width());
                yield a.slice(lo + r.nextInt(a.width() - lo), lo);
            }
            case 15 -> a.cat(pick());
            case 16 -> bit().select(a, b.resize(a.width()));
            case 17 -> a.resize(1 + r.nextInt(150));
            case 18 -> a.isSigned() ? a.asUnsigned() : a.asSigned();
            case 19 -> a.addExpand(b);
            case 20 -> a.subExpand(b);
            default -> mem.read(fit(a, SignalType.unsigned(mem.addressWidth())));
        };
    }
}
