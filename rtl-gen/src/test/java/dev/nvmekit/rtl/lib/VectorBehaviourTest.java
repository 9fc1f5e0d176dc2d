package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Elaborator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vec.set writes only the indexed element (none past the end); Vec.read reads it (0 past the end). */
class VectorBehaviourTest {
    @TempDir
    Path dir;

    @Test
    void indexedWritesAndReadsMatchAnArray() throws Exception {
        Random random = new Random(3);
        List<Map<String, Long>> stimulus = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            stimulus.add(Map.of("write", (long) random.nextInt(2), "write_index", (long) random.nextInt(4),
                    "read_index", (long) random.nextInt(4), "data", (long) random.nextInt(256)));
        }
        var trace = IcarusTrace.run(Elaborator.elaborate(new VectorRegisterFile()).design(), dir, stimulus, List.of());
        long[] cells = new long[3];
        for (int c = 0; c < trace.size(); c++) {
            Map<String, Long> t = trace.get(c);
            int r = t.get("read_index").intValue();
            assertEquals(r < 3 ? cells[r] : 0L, t.get("read_data"), "cycle " + c + " " + t);
            assertEquals(cells[2] << 16 | cells[1] << 8 | cells[0], t.get("all"), "cycle " + c);
            int w = t.get("write_index").intValue();
            if (t.get("write") == 1 && w < 3) cells[w] = t.get("data");
        }
    }
}
