package dev.nvmekit.sim.vcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds the writer's output to GTKWave's own converter, the strictest VCD consumer at hand. */
class VcdWriterGtkwaveTest {

    @TempDir
    Path dir;

    @Test
    void vcd2fstAcceptsTheOutput() throws Exception {
        assumeTrue(onPath("vcd2fst"), () -> skip("vcd2fst is not on PATH"));
        assumeTrue(onPath("fst2vcd"), () -> skip("fst2vcd is not on PATH"));
        Path vcd = dir.resolve("wave.vcd");
        try (VcdWriter w = new VcdWriter(vcd, "1ns")) {
            w.comment("written by VcdWriterGtkwaveTest");
            w.pushScope("tb");
            VcdSignal clk = w.declare("clk", 1, VcdVarType.REG);
            w.pushScope(VcdScopeKind.MODULE, "dut");
            VcdSignal count = w.declare("count", 16);
            VcdSignal wide = w.declare("wide", 4096);
            VcdSignal bus = w.declare("bus", 8);
            w.popScope();
            w.popScope();
            for (int t = 0; t < 100; t++) {
                w.time(t * 5L);
                w.change(clk, t & 1);
                w.change(count, t / 2);
                w.change(wide, BigInteger.valueOf(t).shiftLeft(4000));
                w.change(bus, t % 7 == 0 ? "zzzzzzzz" : t % 5 == 0 ? "x1" : Integer.toBinaryString(t));
            }
        }
        Path fst = dir.resolve("wave.fst");
        Process p = new ProcessBuilder("vcd2fst", vcd.toString(), fst.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertTrue(Files.size(fst) > 0, "empty FST; vcd2fst said: " + log);

        // The round trip back to VCD proves GTKWave understood the values, not just the syntax.
        Process back = new ProcessBuilder("fst2vcd", fst.toString()).redirectErrorStream(true).start();
        String vcdAgain = new String(back.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(back.waitFor(60, TimeUnit.SECONDS));
        assertTrue(vcdAgain.contains("count"), vcdAgain);
        assertTrue(vcdAgain.contains("bzzzzzzzz"), "z value survives");
        assertTrue(vcdAgain.contains("$var wire 4096"), "wide vector survives");
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String skip(String why) {
        String message = "SKIPPED GTKWave check: " + why;
        System.out.println(message);
        return message;
    }

}
