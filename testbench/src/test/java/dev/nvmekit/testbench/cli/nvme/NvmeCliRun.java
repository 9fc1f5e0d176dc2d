package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of an nvme command line: its exit code, what it printed, and the raw bytes {@code -b} wrote. */
record NvmeCliRun(int code, String out, String err, byte[] raw) {
    /** {@code nvmekit nvme args...} as a standalone invocation (boots its own device). */
    static NvmeCliRun standalone(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "nvme";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true), raw);
        return new NvmeCliRun(code, out.toString(), err.toString(), raw.toByteArray());
    }

    /** {@code args} as a scenario line on an already booted device. */
    static NvmeCliRun on(DeviceSession session, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = ScenarioCommand.execute(session, List.of(args), o, e, raw);
        o.flush();
        e.flush();
        return new NvmeCliRun(code, out.toString(), err.toString(), raw.toByteArray());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
