package dev.nvmekit.testbench.cli;

import dev.nvmekit.sim.vcd.VcdSignal;
import dev.nvmekit.sim.vcd.VcdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's exit codes and one-line messages on bad input. */
class MainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path counterVcd(String name, int glitchAt) throws Exception {
        Path f = dir.resolve(name);
        try (VcdWriter w = new VcdWriter(f, "1ns")) {
            w.pushScope("top");
            VcdSignal clk = w.declare("clk", 1);
            VcdSignal count = w.declare("count", 8);
            w.popScope();
            for (int t = 0; t < 40; t++) {
                w.time(t * 5L);
                w.change(clk, t % 2 == 0 ? 0 : 1);
                w.change(count, t == glitchAt ? 99 : t / 2);
            }
        }
        return f;
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("nvmekit: "), r.err());
    }

    @Test
    void unknownDesignIsAUsageErrorWithoutStackTrace() {
        Run r = run("generate", "--design", "no_such_design", "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown design 'no_such_design'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void generatesTheFrontEndWithParameters() throws Exception {
        Run r = run("generate", "--param", "ioQueues=2", "--param", "msixVectors=3", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String top = Files.readString(dir.resolve("nvme_frontend.v"));
        assertTrue(top.contains("module nvme_frontend ("), top);
        assertEquals(0, run("generate", "--param", "ioQueues=2", "--spinal-package", "com.acme.ssd", "--out", dir.toString()).code());
        String scala = Files.readString(dir.resolve("NvmeFrontend.scala"));
        assertTrue(scala.contains("class NvmeFrontend extends BlackBox {") && scala.contains("val ioQueues = 2"), scala);
        String json = Files.readString(dir.resolve("nvme_frontend.json"));
        assertTrue(json.contains("\"name\": \"cmd_sqe\", \"direction\": \"out\", \"width\": 512"), json);
    }

    @Test
    void outOfRangeParameterIsAUsageError() {
        Run r = run("generate", "--param", "ioQueues=0", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ioQueues"), r.err());
        Run unknown = run("generate", "--param", "queues=4", "--out", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown parameter 'queues'"), unknown.err());
    }

    @Test
    void missingVcdIsAUsageError() {
        Run r = run("wave", dir.resolve("nope.vcd").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void malformedVcdIsAUsageErrorNamingTheLine() throws Exception {
        Path bad = dir.resolve("bad.vcd");
        Files.writeString(bad, "$timescale 1ns $end\n$scope module t $end\n$var wire 1 ! a $end\n$upscope $end\n$enddefinitions $end\n#0\n1%\n");
        Run r = run("wave", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.vcd:7"), r.err());
    }

    @Test
    void waveWritesSvgAndHtml() throws Exception {
        Path vcd = counterVcd("a.vcd", -1);
        Run r = run("wave", vcd.toString(), "--clock", "top.clk", "--cycles", "2:6");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("a.svg")).contains("top.count"));
        assertTrue(Files.readString(dir.resolve("a.html")).contains("<svg"));
    }

    @Test
    void waveWritesAPngThroughChromium() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is not installed");
        Path vcd = counterVcd("p.vcd", -1);
        Path png = dir.resolve("p.png");
        Run r = run("wave", vcd.toString(), "--clock", "top.clk", "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "not a PNG: " + bytes.length + " bytes");
    }

    @Test
    void diffReportsTheFirstDifference() throws Exception {
        Path a = counterVcd("a.vcd", -1);
        Path b = counterVcd("b.vcd", 17);
        assertEquals(0, run("diff", a.toString(), a.toString()).code());
        Run r = run("diff", a.toString(), b.toString(), "--svg", dir.resolve("d.svg").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("top.count"), r.err());
        assertTrue(Files.exists(dir.resolve("d.svg")));
    }
}
