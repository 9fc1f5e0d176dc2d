package dev.nvmekit.testbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nvmekit simulate} end to end on a small front end: its four outputs, and one-line usage errors. */
class SimulateCommandTest {
    /** {@code simulate} on a front end small enough to compile and simulate in a second or two. */
    static final String[] SMALL = {"simulate", "--param", "ioQueues=2", "--param", "maxQueueEntries=16", "--param", "msixVectors=3"};

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The number after {@code "key":} in the first match after {@code from} in {@code json}. */
    static double number(String json, String from, String key) {
        int at = json.indexOf(from);
        assertTrue(at >= 0, "no " + from + " in " + json);
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(-?[0-9.]+)").matcher(json);
        assertTrue(m.find(at), "no " + key + " after " + from);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void writesVerilogVcdResultsAndReportForASmallVerifiedWorkload() throws Exception {
        Path out = dir.resolve("out");
        Run r = run(concat(SMALL, "--out", out.toString(), "--rw", "randrw", "--rwmixread", "50", "--bs", "4k",
                "--iodepth", "4", "--numjobs", "2", "--size", "32k", "--verify", "--seed", "7"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("total:") && r.out().contains("IOPS=") && r.out().contains("checker: PASS"), r.out());
        assertTrue(r.out().contains("verify: OK"), r.out());

        assertTrue(Files.exists(out.resolve("verilog/nvme_frontend.v")), "top Verilog");
        assertTrue(Files.exists(out.resolve("verilog/nvme_frontend.json")), "ports JSON");
        String vcd = Files.readString(out.resolve("trace.vcd"));
        assertTrue(vcd.contains("$enddefinitions") && vcd.contains("cmd_valid"), "a VCD with the back-end ports");

        String json = Files.readString(out.resolve("results.json"));
        assertEquals(2 * 8, number(json, "\"total\"", "reads") + number(json, "\"total\"", "writes"), json);
        assertTrue(number(json, "\"total\"", "iops") > 0, json);
        double p50 = number(json, "\"total\"", "p50");
        double p99 = number(json, "\"total\"", "p99");
        assertTrue(p50 > 0 && p99 >= p50 && number(json, "\"total\"", "max") >= p99, json);
        assertTrue(json.contains("\"checker\": {\"passed\": true"), json);
        assertTrue(number(json, "\"verify\"", "bytes_compared") > 0, json);
        assertTrue(json.contains("\"passed\": true\n}"), json);
        assertTrue(json.contains("\"name\": \"SQ 1 (job 0)\"") && json.contains("\"name\": \"SQ 2 (job 1)\""), json);

        String html = Files.readString(out.resolve("report.html"));
        for (String section : new String[] {"Workload and parameters", "Results", "Latency histogram", "IOPS over time",
                "Queue occupancy over time", "/proc/interrupts", "/sys/block/nvme0nN/stat", "Kernel log (dmesg)",
                "Trace checker", "Data verification", "The first command"}) {
            assertTrue(html.contains(section), "report lacks section " + section);
        }
        assertTrue(html.contains("PCI-MSIX nvme0q1"), "interrupts per vector");
        assertTrue(html.contains("nvme nvme0: 2/0/0 default/read/poll queues"), "driver log");
        assertTrue(html.contains("nvme_frontend.cmd_valid") || html.contains("cmd_valid</text>"), "waveform of the first command");
        assertFalse(html.contains("http://") && html.contains("<script src"), "self-contained");
    }

    @Test
    void runtimeBoundSequentialWritesOverSglWithoutVcd() throws Exception {
        Path out = dir.resolve("seq");
        Run r = run(concat(SMALL, "--out", out.toString(), "--rw", "write", "--bs", "8k", "--iodepth", "2",
                "--numjobs", "1", "--runtime", "20us", "--pointers", "sgl", "--no-vcd", "--verify", "0"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertFalse(Files.exists(out.resolve("trace.vcd")));
        String json = Files.readString(out.resolve("results.json"));
        assertEquals(0, number(json, "\"total\"", "reads"), json);
        assertTrue(number(json, "\"total\"", "writes") > 0, json);
        assertTrue(json.contains("\"pointers\": \"sgl\"") && json.contains("\"runtime_us\": \"20\""), json);
        // The run stops issuing at 20 µs; what is in flight then still completes.
        assertTrue(number(json, "{", "simulated_us") > 20, json);
        assertTrue(Files.readString(out.resolve("report.html")).contains("No VCD was written"));
    }

    @Test
    void aJobFileIsReadAndOptionsOverrideIt() throws Exception {
        Path job = dir.resolve("job.fio");
        Files.writeString(job, "[global]\n; a comment\nrw=randread\nbs=512\niodepth=3\nnumjobs=1\nsize=8k\n");
        Path out = dir.resolve("job");
        Run r = run(concat(SMALL, "--out", out.toString(), "--job", job.toString(), "--bs", "1k", "--no-vcd"));
        assertEquals(0, r.code(), r.err() + r.out());
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"rw\": \"randread\"") && json.contains("\"bs\": \"1024\"") && json.contains("\"iodepth\": \"3\""), json);
        assertEquals(8, number(json, "\"total\"", "reads"), json);
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        String out = dir.resolve("bad").toString();
        String[][] cases = {
                {"simulate", "--out", out, "--rw", "sideways"},
                {"simulate", "--out", out, "--bs", "1000"},
                {"simulate", "--out", out, "--iodepth", "0"},
                {"simulate", "--out", out, "--backend", "quantum"},
                {"simulate", "--out", out, "--param", "bogus=1"},
                {"simulate", "--out", out, "--param", "ioQueues=many"},
                {"simulate", "--out", out, "--job", dir.resolve("missing.fio").toString()},
                {"simulate", "--out", out, "--vcd-window", "5"},
                {"simulate", "--out", out, "--vcd-window", "1:2", "--no-vcd"},
                {"simulate", "--out", out, "--size", "4k", "--runtime", "1ms"},
                {"simulate", "--out", out, "--param", "ioQueues=2", "--numjobs", "3"},
                {"simulate", "--out", out, "--param", "maxQueueEntries=16", "--iodepth", "16"},
                {"simulate", "--out", out, "--size", "1g", "--numjobs", "4"},
                {"simulate", "--out", out, "--frobnicate"},
        };
        for (String[] c : cases) {
            Run r = run(c);
            assertEquals(Main.USAGE, r.code(), String.join(" ", c) + " -> " + r.err() + r.out());
            String err = r.err().strip();
            assertTrue(err.startsWith("nvmekit: ") && !err.contains("\n") && !err.contains("Exception"),
                    String.join(" ", c) + " -> " + r.err());
        }
    }

    @Test
    void theVerilatorBackendRunsTheSameWorkloadOrSaysInOneLineWhyNot() throws Exception {
        Path out = dir.resolve("vl");
        Run r = run(concat(SMALL, "--backend", "verilator", "--out", out.toString(), "--numjobs", "2", "--iodepth", "2", "--size", "8k"));
        if (!new dev.nvmekit.verilator.VerilatorBackend().available()) {
            assertEquals(Main.USAGE, r.code(), r.err());
            assertTrue(r.err().startsWith("nvmekit: the verilator backend is not available") && r.err().strip().lines().count() == 1, r.err());
            return;
        }
        assertEquals(0, r.code(), r.err() + r.out());
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"simulator\": \"verilator\"") && json.contains("\"checker\": {\"passed\": true"), json);
        assertEquals(2 * 2, number(json, "\"total\"", "reads") + number(json, "\"total\"", "writes"), json);
        assertTrue(Files.readString(out.resolve("report.html")).contains("The first command: a "), "waveform drawn from Verilator's VCD");
    }
}
