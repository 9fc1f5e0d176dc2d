package dev.nvmekit.verilator.bench;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

// Not in VerilatorBenchmark.java: the emitter's "// <File>.java:<line>" comments would start with
// "Verilator", which Verilator reads as a metacomment and rejects.
/**
 * The workload of the simulator benchmark (the same generator as the sim module's): a mesh of LFSRs, adders, comparators and a small
 * memory, {@code seed} in and {@code digest} out; {@code cells} scales it.
 */
public final class LfsrMesh extends Component {
    public LfsrMesh(int cells) {
        parameter("cells", cells);
        Signal seed = in("seed", 32);
        Signal digest = out("digest", 32);
        List<Reg> lfsrs = new ArrayList<>();
        for (int i = 0; i < cells; i++) lfsrs.add(reg("lfsr" + i, 32).init(0x1234567L + i));
        Mem lookup = mem("lookup", 32, 16);
        Value acc = seed;
        for (int i = 0; i < cells; i++) {
            Reg r = lfsrs.get(i);
            Reg neighbour = lfsrs.get((i * 7 + 3) % cells);
            Value feedback = r.bit(31).xor(r.bit(21)).xor(r.bit(1)).xor(r.bit(0));
            Value mixed = r.slice(30, 0).cat(feedback).add(neighbour.shr(3)).xor(acc);
            r.set(mux(mixed.lt(neighbour), mixed, mixed.sub(neighbour)));
            acc = named("acc" + i, acc.add(r).xor(lookup.read(r.slice(3, 0))));
        }
        lookup.write(acc.slice(3, 0), acc);
        digest.set(acc);
    }
}
