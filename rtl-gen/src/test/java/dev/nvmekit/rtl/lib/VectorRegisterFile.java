package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Vec;

/** Test design for vectors: three registers written and read at hardware indexes (index 3 is past the end). */
final class VectorRegisterFile extends Component {
    VectorRegisterFile() {
        Signal write = in("write", 1);
        Signal writeIndex = in("write_index", 2);
        Signal readIndex = in("read_index", 2);
        Signal data = in("data", 8);
        Vec<Reg> cells = regVec("cell", 3, 8);
        for (Reg r : cells) r.init(0);
        when(write, () -> cells.set(writeIndex, data));
        out("read_data", 8).set(cells.read(readIndex));
        out("all", 24).set(cells.asBits());
    }
}
