package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.waveforms.VcdReader;
import dev.nvmekit.waveforms.Waveform;
import dev.nvmekit.waveforms.diff.DiffOptions;
import dev.nvmekit.waveforms.diff.DiffReport;
import dev.nvmekit.waveforms.diff.SignalMapping;
import dev.nvmekit.waveforms.diff.WaveformDiff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The VCDs of one run on the embedded simulator and on Verilator have the same hierarchy and
 * names, and every common signal has the same value at every time. The design has hierarchy
 * (instance {@code ctr}), a memory, signals over 64 bits (72 and 100), signed ports and a second
 * clock.
 */
class VcdAgreementTest {
    private static final VerilatorBackend VERILATOR = new VerilatorBackend();
    private static final int CYCLES = 60;


    @TempDir
    Path dir;

    @BeforeEach
    void requireVerilator() {
        assumeTrue(VERILATOR.available(), () -> "Verilator tests skipped: " + VERILATOR.unavailableReason());
    }

    /** Random writes, reads, signed samples and rare resets, each poked between edges. */
    static void drive(Simulator sim) {
        Random random = new Random(5);
        sim.reset(1);
        sim.writeMemory(sim.memory("words"), 5, BigInteger.ONE.shiftLeft(71).add(BigInteger.valueOf(0x5A5A)));
        for (int c = 0; c < CYCLES; c++) {
            sim.poke("wr_en", random.nextInt(3) == 0 ? 1 : 0);
            sim.poke("wr_addr", random.nextInt(16));
            sim.poke("wr_data", new BigInteger(72, random));
            sim.poke("rd_addr", random.nextInt(16));
            sim.poke("sample", random.nextInt(256) - 128);
            sim.poke("rst", random.nextInt(25) == 0 ? 1 : 0);
            sim.poke("rst_fast", c == 30 ? 1 : 0);
            sim.step();
        }
    }

    private Path run(SimulatorBackend backend, String file) {
        Path out = dir.resolve(file);
        try (Simulator sim = backend.open(TestDesigns.memoryTop(), SimulationOptions.defaults().withVcd(out))) {
            drive(sim);
        }
        return out;
    }

    @Test
    void sameHierarchyNamesAndValuesAtEveryTime() throws Exception {
        Waveform embedded = VcdReader.read(run(new EmbeddedBackend(), "embedded.vcd"));
        Waveform verilator = VcdReader.read(run(VERILATOR, "verilator.vcd"));
        DiffReport report = WaveformDiff.compare(embedded, verilator,
                DiffOptions.defaults());
        assertEquals(List.of(), report.onlyLeft(), "every signal the embedded backend dumps, Verilator dumps under the same name\n" + report.summary());
        for (String s : List.of("memory_top.clk", "memory_top.clk_fast", "memory_top.rd_data", "memory_top.wr_data", "memory_top.sample",
                "memory_top.negated", "memory_top.ticks", "memory_top.ctr.clk", "memory_top.ctr.acc", "memory_top.ctr.value", "memory_top.ctr_total")) {
            assertTrue(report.compared().contains(s), s + " compared: " + report.compared());
        }
        assertEquals(0, report.differenceCount(), report.summary());
    }

    @Test
    void fstHoldsTheSameValuesAsTheVcd() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/fst2vcd")), "fst2vcd (GTKWave) is not installed: cannot read the FST back");
        Path fst = run(VERILATOR, "verilator.fst");
        byte[] head = Files.readAllBytes(fst);
        assertTrue(head.length > 0 && head[0] == 0, "an FST file (block type 0, header), not VCD text");
        Path converted = dir.resolve("from-fst.vcd");
        Process p = new ProcessBuilder("fst2vcd", "-f", fst.toString(), "-o", converted.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "fst2vcd failed:\n" + out);

        Waveform fromFst = VcdReader.read(converted);
        Waveform vcd = VcdReader.read(run(VERILATOR, "verilator.vcd"));
        // FST keeps Verilator's outer TOP scope (its writer offers no hook to drop it).
        DiffReport report = WaveformDiff.compare(vcd, fromFst, DiffOptions.defaults().mapRight(SignalMapping.stripPrefix("TOP.")));
        assertEquals(List.of(), report.onlyLeft(), report.summary());
        assertTrue(report.compared().containsAll(Set.of("memory_top.ctr.acc", "memory_top.rd_data", "memory_top.negated")), report.summary());
        assertEquals(0, report.differenceCount(), report.summary());
    }
}
