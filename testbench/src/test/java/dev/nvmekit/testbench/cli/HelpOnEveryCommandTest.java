package dev.nvmekit.testbench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --help} works on every command and subcommand (issue 10): exit 0 and a usage text, walked from the command tree. */
class HelpOnEveryCommandTest {
    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        assertTrue(paths.size() > 35, "the tree has the nvme subcommands too: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                    new ByteArrayOutputStream());
            assertEquals(0, code, path + ": " + err);
            assertTrue(out.toString().startsWith("Usage: nvmekit " + String.join(" ", path)), path + ": " + out);
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            into.add(p);
            collect(e.getValue(), p, into);
        }
    }
}
