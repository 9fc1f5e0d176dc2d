package dev.nvmekit.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.sim.vcd.VcdFilter;
import dev.nvmekit.sim.vcd.VcdScopeKind;
import dev.nvmekit.sim.vcd.VcdSignal;
import dev.nvmekit.sim.vcd.VcdWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sim module's writer produces, this module's reader must give back exactly. */
class WriterRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void randomValuesSurviveTheRoundTrip() throws IOException {
        Random random = new Random(42);
        int[] widths = {1, 7, 64, 65, 300, 4096};
        LogicValue[][] expected = new LogicValue[100][widths.length];
        Path file = dir.resolve("random.vcd");
        try (VcdWriter w = new VcdWriter(file, "1ps")) {
            w.pushScope("top");
            w.pushScope(VcdScopeKind.BEGIN, "blk");
            VcdSignal[] signals = new VcdSignal[widths.length];
            for (int i = 0; i < widths.length; i++) {
                signals[i] = w.declare("s" + i, widths[i]);
            }
            w.popScope();
            w.popScope();
            for (int t = 0; t < 100; t++) {
                w.time(t * 3L);
                for (int i = 0; i < widths.length; i++) {
                    if (random.nextInt(4) == 0 && t > 0) {
                        expected[t][i] = expected[t - 1][i];
                        continue;
                    }
                    LogicValue v = random.nextInt(10) == 0 ? LogicValue.parse("x1z0", Math.max(4, widths[i])) : null;
                    if (v != null && v.width() == widths[i]) {
                        w.change(signals[i], v.toBinaryString());
                    } else {
                        v = LogicValue.of(new BigInteger(widths[i], random), widths[i]);
                        w.change(signals[i], v.toBigInteger());
                    }
                    expected[t][i] = v;
                }
            }
        }
        Waveform read = VcdReader.read(file);
        assertEquals(new Timescale(1, "ps"), read.timescale());
        assertEquals("begin", read.root().child("top").orElseThrow().child("blk").orElseThrow().kind());
        for (int t = 0; t < 100; t++) {
            for (int i = 0; i < widths.length; i++) {
                assertEquals(expected[t][i], read.require("top.blk.s" + i).valueAt(t * 3L), "s" + i + " at " + t * 3);
            }
        }
    }

    @Test
    void filteredDumpHoldsOnlyTheWindowAndScope() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter w = new VcdWriter(text, "1ns", VcdFilter.all().cycles(10, 19, 10).scopes("tb.dut"))) {
            w.pushScope("tb");
            VcdSignal clk = w.declare("clk", 1);
            w.pushScope("dut");
            VcdSignal count = w.declare("count", 16);
            w.popScope();
            w.popScope();
            for (int cycle = 0; cycle < 50; cycle++) {
                w.time(cycle * 10L);
                w.change(clk, 1);
                w.change(count, cycle);
                w.time(cycle * 10L + 5);
                w.change(clk, 0);
            }
        }
        Waveform read = VcdReader.read(new StringReader(text.toString()), "filtered");
        assertFalse(read.signal("tb.clk").isPresent());
        SignalTrace count = read.require("tb.dut.count").trace();
        assertEquals(100, count.time(0));
        assertEquals(LogicValue.of(10, 16), count.value(0));
        assertEquals(190, count.time(count.size() - 1));
        assertEquals(199, read.endTime());
        assertTrue(count.size() == 10);
    }
}
