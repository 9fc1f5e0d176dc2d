package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.check.ExprRefs;
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

import static dev.nvmekit.rtl.random.RandomExpressions.fit;

/**
 * One randomly generated module: inputs, registers with and without reset, a memory with
 * asynchronous and synchronous reads and byte-enabled writes, wires driven through
 * {@code when}/{@code elseWhen}/{@code otherwise} and {@code switchOn}, a random child (one
 * level down), and outputs. Only values computed earlier feed later ones, and child outputs join
 * the pool after the child's inputs are connected, so the design has no combinational loops.
 */
final class RandomModule extends Component {
    private final Random random;
    private final RandomDesigns.Shape shape;
    private final RandomExpressions exprs;
    private final List<Value> pool = new ArrayList<>();
    private final List<Signal> inputPorts = new ArrayList<>();
    private final List<Signal> outputPorts = new ArrayList<>();
    private int serial;

    RandomModule(String moduleName, long seed, RandomDesigns.Shape shape, int levelsBelow) {
        super(moduleName);
        parameter("seed", seed);
        this.random = new Random(seed);
        this.shape = shape;
        this.exprs = new RandomExpressions(random, shape.maxWidth(), this::constant);

        int inputs = 1 + random.nextInt(shape.inputs());
        for (int i = 0; i < inputs; i++) {
            SignalType t = exprs.type(random.nextInt(3) == 0);
            Signal p = t.signed() ? inSigned("in" + i, t.width()) : in("in" + i, t.width());
            inputPorts.add(p);
            pool.add(p);
        }
        List<Reg> regs = declareRegisters();
        Mem mem = random.nextInt(3) == 0 || shape.memories() == 0 ? null : declareMemory();
        grow(shape.expressions() / 2);
        if (levelsBelow > 0) placeChildren(levelsBelow);
        if (mem != null) useMemory(mem);
        grow(shape.expressions() / 2);
        for (int i = 0; i < shape.conditionalWires(); i++) conditionalWire();
        for (Reg r : regs) driveRegister(r);
        int outputs = 1 + random.nextInt(shape.outputs());
        for (int i = 0; i < outputs; i++) {
            Value v = exprs.any(pool);
            Signal o = v.isSigned() ? outSigned("out" + i, v.width()) : out("out" + i, v.width());
            o.set(v);
            outputPorts.add(o);
        }
        // Everything stateful reaches an output, so synthesis keeps it and every tool sees it.
        Value all = regs.isEmpty() ? exprs.bit(pool) : cat(regs).xorR();
        Signal parity = out("state_parity", 1);
        parity.set(all);
        outputPorts.add(parity);
    }

    private Value constant(BigInteger v, SignalType t) {
        BigInteger pattern = v.signum() < 0 ? v.add(BigInteger.ONE.shiftLeft(t.width())) : v;
        Value c = lit(pattern, t.width());
        return t.signed() ? c.asSigned() : c;
    }

    private String name(String prefix) {
        return prefix + (serial++);
    }

    private void grow(int count) {
        for (int i = 0; i < count; i++) {
            Value v = exprs.next(pool);
            pool.add(random.nextInt(4) == 0 ? named(name("n"), v) : v);
        }
    }

    private List<Reg> declareRegisters() {
        List<Reg> regs = new ArrayList<>();
        int count = random.nextInt(shape.registers() + 1);
        for (int i = 0; i < count; i++) {
            SignalType t = exprs.type(random.nextInt(3) == 0);
            Reg r = reg(name("r"), t);
            switch (random.nextInt(3)) {
                case 0 -> r.init(new BigInteger(t.width(), random));
                case 1 -> r.noReset();
                default -> r.init(0);
            }
            regs.add(r);
            pool.add(r);
        }
        return regs;
    }

    private void driveRegister(Reg r) {
        Value next = fit(exprs.next(pool), r.type());
        switch (random.nextInt(4)) {
            case 0 -> r.set(next);
            case 1 -> when(exprs.bit(pool), () -> r.set(next));
            case 2 -> when(exprs.bit(pool), () -> r.set(next))
                    .elseWhen(exprs.bit(pool), () -> r.set(fit(r.add(exprs.constant(r.type())), r.type())));
            default -> {
                Value sel = exprs.any(pool).asUnsigned();
                Value small = sel.resize(2);
                switchOn(small)
                        .is(0, () -> r.set(next))
                        .is(1, () -> r.set(fit(exprs.any(pool), r.type())));
            }
        }
    }

    private Mem declareMemory() {
        int width = random.nextBoolean() ? 8 * (1 + random.nextInt(4)) : 1 + random.nextInt(20);
        int depth = 2 + random.nextInt(15);
        Mem m = mem(name("mem"), width, depth);
        if (random.nextBoolean()) {
            List<BigInteger> words = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(depth); i++) words.add(new BigInteger(width, random));
            m.init(words);
        }
        return m;
    }

    private void useMemory(Mem m) {
        SignalType word = m.wordType();
        Value data = fit(exprs.any(pool), word);
        Value writeAddress = address(m);
        boolean bytes = word.width() % 8 == 0 && random.nextBoolean();
        Value enables = bytes ? fit(exprs.any(pool), SignalType.unsigned(word.width() / 8)) : null;
        when(exprs.bit(pool), () -> {
            if (enables != null) m.write(writeAddress, data, enables);
            else m.write(writeAddress, data);
        });
        if (random.nextBoolean()) pool.add(m.read(address(m)));
        Value readAddress = address(m);
        Signal q = random.nextBoolean() ? m.readSync(name("q"), readAddress) : m.readSync(name("q"), readAddress, exprs.bit(pool));
        pool.add(q);
    }

    /** An address for {@code m}: from the pool, or, if that is a constant, a constant inside the memory. */
    private Value address(Mem m) {
        Value a = fit(exprs.any(pool), SignalType.unsigned(m.addressWidth()));
        List<String> reads = new ArrayList<>();
        ExprRefs.collect(a.expr(), reads);
        return reads.isEmpty() ? lit(random.nextInt(m.depth()), m.addressWidth()) : a;
    }

    private void placeChildren(int levelsBelow) {
        long childSeed = random.nextInt(1_000_000);
        int copies = 1 + random.nextInt(2);
        for (int k = 0; k < copies; k++) {
            long seed = random.nextBoolean() ? childSeed : random.nextInt(1_000_000);
            RandomModule child = instance(name("u"), new RandomModule("random_child", seed, shape.smaller(), levelsBelow - 1));
            for (Signal p : child.inputPorts) p.set(fit(exprs.any(pool), p.type()));
            pool.addAll(child.outputPorts);
        }
    }

    private void conditionalWire() {
        SignalType t = exprs.type(random.nextInt(4) == 0);
        Signal w = wire(name("w"), t);
        switch (random.nextInt(4)) {
            case 0 -> {
                w.set(fit(exprs.any(pool), t));
                when(exprs.bit(pool), () -> w.set(fit(exprs.next(pool), t)));
            }
            case 1 -> when(exprs.bit(pool), () -> w.set(fit(exprs.any(pool), t)))
                    .elseWhen(exprs.bit(pool), () -> w.set(fit(exprs.next(pool), t)))
                    .otherwise(() -> w.set(fit(exprs.any(pool), t)));
            case 2 -> {
                w.set(fit(exprs.any(pool), t));
                when(exprs.bit(pool), () -> when(exprs.bit(pool), () -> w.set(fit(exprs.any(pool), t))));
            }
            default -> {
                Value sel = exprs.any(pool).asUnsigned();
                Value small = sel.resize(3);
                switchOn(small)
                        .is(0, () -> w.set(fit(exprs.any(pool), t)))
                        .is(1, 3, () -> w.set(fit(exprs.next(pool), t)))
                        .otherwise(() -> w.set(fit(exprs.any(pool), t)));
            }
        }
        pool.add(w);
    }
}
