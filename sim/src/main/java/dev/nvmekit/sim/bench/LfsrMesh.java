package dev.nvmekit.sim.bench;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * A large generated design for the benchmark and tests (a mesh of LFSRs, adders, comparators and small memories) for the
 * method-splitting test and the benchmark; {@code cells} scales it (about 40 IR nodes a cell).
 */
public final class LfsrMesh extends Component {
    public LfsrMesh(int cells) {
        parameter("cells", cells);
        Signal seed = in("seed", 32);
        Signal digest = out("digest", 32);
        List<Reg> lfsrs = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            Reg r = reg("lfsr" + i, 32).init(0x1234567L + i);
            lfsrs.add(r);
        }
        Mem lookup = mem("lookup", 32, 16);
        Value acc = seed;
        for (int i = 0; i < cells; i++) {
            Reg r = lfsrs.get(i);
            Reg neighbour = lfsrs.get((i * 7 + 3) % cells);
            Value feedback = r.bit(31).xor(r.bit(21)).xor(r.bit(1)).xor(r.bit(0));
            Value shifted = r.slice(30, 0).cat(feedback);
            Value mixed = shifted.add(neighbour.shr(3)).xor(acc);
            r.set(mux(mixed.lt(neighbour), mixed, mixed.sub(neighbour)));
            acc = named("acc" + i, acc.add(r).xor(lookup.read(r.slice(3, 0))));
        }
        lookup.write(acc.slice(3, 0), acc);
        digest.set(acc);
    }
}
