package dev.nvmekit.sim.interp;

import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.engine.Bits;
import dev.nvmekit.sim.engine.NetlistSimulator;
import dev.nvmekit.sim.netlist.FlatAssign;
import dev.nvmekit.sim.netlist.FlatMemory;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatRegister;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference simulator: walks the flat netlist's expression trees with {@link ExprEvaluator}
 * on {@link BigInteger} values. Slow and simple; the compiled backend must agree with it.
 */
final class InterpretedSimulator extends NetlistSimulator {
    private final BigInteger[] values;
    private final BigInteger[][] memories;
    private final ExprEvaluator.Env env;

    InterpretedSimulator(FlatNetlist net, SimulationOptions options) {
        super(net, options);
        values = new BigInteger[net.signals().size()];
        Arrays.fill(values, BigInteger.ZERO);
        memories = new BigInteger[net.memories().size()][];
        for (int m = 0; m < memories.length; m++) {
            memories[m] = new BigInteger[net.memories().get(m).depth()];
            Arrays.fill(memories[m], BigInteger.ZERO);
        }
        env = new ExprEvaluator.Env() {
            @Override
            public BigInteger signal(String path) {
                return values[net.signalId(path)];
            }

            @Override
            public BigInteger word(String path, int index) {
                return memories[net.memoryId(path)][index];
            }

            @Override
            public int depth(String path) {
                return memories[net.memoryId(path)].length;
            }
        };
        start();
    }

    @Override
    protected long load(int id) {
        return values[id].longValue();
    }

    @Override
    protected BigInteger loadBig(int id) {
        return values[id];
    }

    @Override
    protected void store(int id, BigInteger pattern) {
        values[id] = pattern;
    }

    @Override
    protected void store(int id, long pattern) {
        values[id] = new BigInteger(Long.toUnsignedString(pattern));
    }

    @Override
    protected void evaluate() {
        for (FlatAssign a : net.assigns()) values[a.target()] = ExprEvaluator.eval(a.value(), env);
    }

    private record PendingWrite(int memory, BigInteger address, BigInteger data, BigInteger byteEnable) {
    }

    @Override
    protected void edge(long clockMask) {
        List<FlatRegister> firing = new ArrayList<>();
        List<BigInteger> next = new ArrayList<>();
        for (FlatRegister r : net.registers()) {
            if ((clockMask >>> r.clock() & 1) == 0) continue;
            firing.add(r);
            next.add(ExprEvaluator.eval(r.next(), env));
        }
        List<PendingWrite> writes = new ArrayList<>();
        for (int m = 0; m < memories.length; m++) {
            for (FlatMemory.Write w : net.memories().get(m).writes()) {
                if ((clockMask >>> w.clock() & 1) == 0 || ExprEvaluator.eval(w.enable(), env).signum() == 0) continue;
                BigInteger be = w.byteEnable().map(e -> ExprEvaluator.eval(e, env)).orElse(null);
                writes.add(new PendingWrite(m, ExprEvaluator.eval(w.address(), env), ExprEvaluator.eval(w.data(), env), be));
            }
        }
        for (int i = 0; i < firing.size(); i++) values[firing.get(i).target()] = next.get(i);
        for (PendingWrite w : writes) {
            BigInteger[] mem = memories[w.memory()];
            if (w.address().compareTo(BigInteger.valueOf(mem.length)) >= 0) continue; // beyond the depth: ignored
            int a = w.address().intValueExact();
            mem[a] = w.byteEnable() == null ? w.data() : mergeBytes(mem[a], w.data(), w.byteEnable(), net.memories().get(w.memory()).wordType().width());
        }
    }

    private static BigInteger mergeBytes(BigInteger old, BigInteger data, BigInteger enables, int width) {
        BigInteger keep = Bits.mask(width);
        for (int b = 0; b < width / 8; b++) if (enables.testBit(b)) keep = keep.andNot(Bits.mask(8).shiftLeft(8 * b));
        return old.and(keep).or(data.andNot(keep));
    }

    @Override
    protected BigInteger loadWord(int memory, int index) {
        return memories[memory][index];
    }

    @Override
    protected void storeWord(int memory, int index, BigInteger pattern) {
        memories[memory][index] = pattern;
    }
}
