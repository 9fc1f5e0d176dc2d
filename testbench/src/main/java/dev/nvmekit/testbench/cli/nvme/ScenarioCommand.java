package dev.nvmekit.testbench.cli.nvme;

import dev.nvmekit.testbench.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nvme scenario FILE}: runs a script of {@code nvme} command lines, one per line, on one
 * running device, so data written by one line is read by the next and the controller's state
 * (features, logs, a running sanitize) carries over. {@code #} starts a comment; a line may begin
 * with {@code nvme}. Besides nvme commands a line may be {@code sleep 300us} (or {@code ms}, at most
 * 100 ms): simulated time passes with the host idle, so background work such as a sanitize can
 * finish. Each line is echoed with a {@code $ } prompt before its output. The scenario
 * stops at the first line that fails, with that line's exit code, unless {@code --keep-going}.
 * Paths in the lines are relative to the working directory, as in a shell script.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Run a script of nvme command lines in one session of the simulated device.")
final class ScenarioCommand implements Callable<Integer> {
    @ParentCommand
    NvmeCommand nvme;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the script: one nvme command line per line, # comments")
    Path file;

    @Option(names = "--media", paramLabel = "FILE", description = "load the media from FILE (if it exists) and save it afterwards")
    Path media;

    @Option(names = {"-k", "--keep-going"}, description = "run every line even after one fails; exit with the worst code")
    boolean keepGoing;

    /** One command line of the script. */
    record Line(int number, String text, List<String> args) {
    }

    @Override
    public Integer call() {
        if (nvme.inScenario()) throw new Main.UsageError("a scenario cannot run another scenario");
        List<Line> lines = parse(file);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = 0;
        try (DeviceSession session = DeviceSession.boot(media)) {
            try {
                for (Line line : lines) {
                    out.println("$ nvme " + line.text());
                    out.flush();
                    int code = execute(session, line.args(), out, err, nvme.raw());
                    out.flush();
                    err.flush();
                    worst = Math.max(worst, code);
                    if (code != 0 && !keepGoing) {
                        err.printf("nvmekit: scenario stopped at %s:%d (exit %d)%n", file, line.number(), code);
                        return code;
                    }
                }
            } finally {
                if (media != null) session.saveMedia(media);
            }
        }
        return worst;
    }

    /** Runs one line's arguments as {@code nvme} subcommand on the shared session; returns its exit code. */
    static int execute(DeviceSession session, List<String> args, PrintWriter out, PrintWriter err, OutputStream raw) {
        if (args.getFirst().equals("sleep")) {
            try {
                session.idle(sleepNanoseconds(args));
                return 0;
            } catch (Main.UsageError e) {
                err.println("nvmekit: " + e.getMessage());
                return Main.USAGE;
            }
        }
        CommandLine cli = new CommandLine(new NvmeCommand(session, raw));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("nvmekit: " + ex.getMessage());
            return Main.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof Main.UsageError u) {
                err.println("nvmekit: " + u.getMessage());
                return Main.USAGE;
            }
            if (ex instanceof NvmeStatusError s) {
                err.println(s.getMessage());
                return Main.FAILED;
            }
            throw ex;
        });
        return cli.execute(args.toArray(String[]::new));
    }

    /** The duration of a {@code sleep} line: a whole number with {@code ns}, {@code us} or {@code ms}, at most 100 ms. */
    static long sleepNanoseconds(List<String> args) {
        java.util.regex.Matcher m = args.size() == 2 ? java.util.regex.Pattern.compile("(\\d{1,9})(ns|us|ms)").matcher(args.get(1)) : null;
        if (m == null || !m.matches()) {
            throw new Main.UsageError("sleep takes one duration such as 300us or 2ms (simulated time)");
        }
        long n = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            default -> 1_000_000L;
        };
        if (n > 100_000_000L) throw new Main.UsageError("sleep of more than 100ms would take too long to simulate");
        return n;
    }

    /** Reads and splits the script; a line that cannot be split is a usage error naming it. */
    static List<Line> parse(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (IOException e) {
            throw new Main.UsageError("cannot read scenario " + file + ": " + e.getMessage());
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            List<String> args = split(text.get(i), file, i + 1);
            if (args.isEmpty()) continue;
            if (args.getFirst().equals("nvmekit") && args.size() > 1 && args.get(1).equals("nvme")) args = args.subList(2, args.size());
            else if (args.getFirst().equals("nvme")) args = args.subList(1, args.size());
            if (args.isEmpty()) continue;
            if (args.getFirst().equals("sleep")) {
                try {
                    sleepNanoseconds(args);
                } catch (Main.UsageError e) {
                    throw new Main.UsageError(file + ":" + (i + 1) + ": " + e.getMessage());
                }
            }
            if (args.getFirst().equals("scenario")) {
                throw new Main.UsageError(file + ":" + (i + 1) + ": a scenario cannot run another scenario");
            }
            lines.add(new Line(i + 1, String.join(" ", args), List.copyOf(args)));
        }
        if (lines.isEmpty()) throw new Main.UsageError("scenario " + file + " has no commands");
        return lines;
    }

    /** Shell-like words: blanks separate, single and double quotes group, an unquoted # starts a comment. */
    static List<String> split(String line, Path file, int number) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) word = new StringBuilder();
            } else if (c == '#' && word == null) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (quote != 0) throw new Main.UsageError(file + ":" + number + ": unterminated " + quote + " quote");
        if (word != null) words.add(word.toString());
        return words;
    }
}
