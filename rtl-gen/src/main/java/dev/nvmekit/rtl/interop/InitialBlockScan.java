package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@code initial} blocks that wait: a delay ({@code #10}, {@code #(10)}, {@code #1.5},
 * {@code #`DLY}, {@code q = #5 d}), an event control ({@code @(posedge clk)}, {@code @clk}), a
 * {@code wait}, a {@code forever} loop, or a call of a task of the same file that does one of
 * these. That is testbench code, not hardware: Yosys drops the timing and keeps the assignments
 * as power-up values (or fails without naming the cause), which would import a different
 * circuit, so such blocks are refused up front, at the file and line of the timing control.
 * Plain {@code initial} assignments (register and memory initial values) pass.
 *
 * <p>Findings in modules the imported top does not use (a testbench kept in the same file) are
 * kept apart: they explain a Yosys failure but do not stop an import by themselves. The scan reads the statement structure of each {@code initial} block (begin/end,
 * fork/join, if/else, case, loops), so the whole block is checked, not just up to its first
 * semicolon; comments and strings are ignored.
 */
final class InitialBlockScan {
    private static final Set<String> BLOCK_ENDS = Set.of("end", "join", "join_any", "join_none", "endcase", "endmodule", "endtask", "endfunction");

    private final String text;
    private final List<VerilogTokens.Token> tokens;
    private final List<ModuleSpans.Span> modules;
    private final Map<String, VerilogTokens.Token> waitingTasks = new HashMap<>();
    private int pos;
    private VerilogTokens.Token firstWait;
    private String firstWaitKind;

    private InitialBlockScan(String text) {
        this.text = text;
        this.tokens = VerilogTokens.of(text);
        this.modules = ModuleSpans.of(tokens);
    }

    /**
     * What the scan found: errors for the modules {@code top} uses, directly or through
     * instances (all modules when {@code top} is not found in the files, e.g. it comes from an
     * include), and the same for the other modules of the files, such as a testbench kept beside
     * the design, which matter only if Yosys then fails to read them.
     */
    record Findings(List<Diagnostic> used, List<Diagnostic> unused) {
    }

    static Findings scan(List<Path> files, String top) {
        Map<Path, InitialBlockScan> scans = new java.util.LinkedHashMap<>();
        List<Diagnostic> used = new ArrayList<>();
        List<Diagnostic> unused = new ArrayList<>();
        List<ModuleSpans.Span> spans = new ArrayList<>();
        for (Path f : files) {
            try {
                InitialBlockScan s = new InitialBlockScan(Files.readString(f));
                scans.put(f, s);
                spans.addAll(s.modules);
            } catch (IOException e) {
                used.add(Diagnostic.error(SourceLocation.UNKNOWN, top, "", "cannot read " + f + ": " + e.getMessage()));
            }
        }
        Set<String> reachable = ModuleSpans.reachable(spans, top);
        scans.forEach((f, s) -> {
            for (Diagnostic d : s.findings(f, top)) (reachable.isEmpty() || reachable.contains(d.module()) ? used : unused).add(d);
        });
        return new Findings(used, unused);
    }

    /** One error per waiting {@code initial} block of {@code file}, in any of its modules. */
    static List<Diagnostic> scan(Path file, String top) {
        Findings f = scan(List.of(file), top);
        List<Diagnostic> all = new ArrayList<>(f.used());
        all.addAll(f.unused());
        return all;
    }

    private List<Diagnostic> findings(Path file, String top) {
        findWaitingTasks();
        List<Diagnostic> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).is("initial")) continue;
            int at = tokens.get(i).offset();
            String module = modules.stream().filter(m -> m.contains(at)).map(ModuleSpans.Span::name).findFirst().orElse(top);
            pos = i + 1;
            firstWait = null;
            statement();
            if (firstWait != null) {
                int line = VerilogTokens.line(text, firstWait.offset());
                out.add(Diagnostic.error(new SourceLocation(file.getFileName().toString(), line), module, "",
                        "initial block waits (" + firstWaitKind + ", " + file + " line " + line + "); delays, event controls and wait are "
                                + "testbench code that Yosys would drop, so it cannot be imported as hardware; move stimulus to a "
                                + "testbench and keep only plain initial values"));
            }
            i = Math.max(i, pos - 1);
        }
        return out;
    }

    /** Tasks whose body waits: calling one from an {@code initial} block waits too. */
    private void findWaitingTasks() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).is("task")) continue;
            int j = i + 1;
            if (j < tokens.size() && tokens.get(j).is("automatic")) j++;
            if (j >= tokens.size()) return;
            String name = tokens.get(j).text();
            for (int k = j + 1; k < tokens.size() && !tokens.get(k).is("endtask"); k++) {
                VerilogTokens.Token t = tokens.get(k);
                if (t.is("#") || t.is("@") || t.is("wait") || t.is("forever")) {
                    waitingTasks.putIfAbsent(name, t);
                    break;
                }
            }
        }
    }

    /** Reads one statement from {@code pos}, noting the first timing control in it. */
    private void statement() {
        if (pos >= tokens.size()) return;
        VerilogTokens.Token t = tokens.get(pos);
        switch (t.text()) {
            case "begin", "fork" -> {
                pos++;
                label();
                while (pos < tokens.size() && !BLOCK_ENDS.contains(tokens.get(pos).text())) {
                    int before = pos;
                    statement();
                    if (pos == before) pos++;
                }
                if (pos < tokens.size() && !tokens.get(pos).is("endmodule")) pos++;
            }
            case "if" -> {
                pos++;
                parenthesised();
                statement();
                if (pos < tokens.size() && tokens.get(pos).is("else")) {
                    pos++;
                    statement();
                }
            }
            case "case", "casez", "casex" -> caseStatement();
            case "for", "while", "repeat" -> {
                pos++;
                parenthesised();
                statement();
            }
            case "forever" -> {
                waits(t, "forever loop");
                pos++;
                statement();
            }
            case "wait" -> {
                waits(t, "'wait'");
                pos++;
                parenthesised();
                statement();
            }
            case "#" -> {
                delay();
                statement();
            }
            case "@" -> {
                event();
                statement();
            }
            case ";" -> pos++;
            default -> simpleStatement();
        }
    }

    /** A named block's {@code : name}. */
    private void label() {
        if (pos + 1 < tokens.size() && tokens.get(pos).is(":")) pos += 2;
    }

    private void caseStatement() {
        pos++;
        parenthesised();
        while (pos < tokens.size() && !BLOCK_ENDS.contains(tokens.get(pos).text())) {
            if (tokens.get(pos).is("default")) pos++;
            else skipUntilTopLevel(":");
            if (pos < tokens.size() && tokens.get(pos).is(":")) pos++;
            statement();
        }
        if (pos < tokens.size() && tokens.get(pos).is("endcase")) pos++;
    }

    /** An assignment, a task call or another statement up to its {@code ;}, with intra-assignment timing. */
    private void simpleStatement() {
        VerilogTokens.Token first = tokens.get(pos);
        VerilogTokens.Token task = waitingTasks.get(first.text());
        if (task != null) {
            waits(first, "it calls task '" + first.text() + "', which waits at line " + VerilogTokens.line(text, task.offset()));
        }
        int depth = 0;
        while (pos < tokens.size()) {
            VerilogTokens.Token t = tokens.get(pos);
            if (depth == 0 && BLOCK_ENDS.contains(t.text())) return;
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) depth--;
            else if (t.is("#")) {
                delay();
                continue;
            } else if (t.is("@")) {
                event();
                continue;
            } else if (t.is(";") && depth <= 0) {
                pos++;
                return;
            }
            pos++;
        }
    }

    /** {@code #10}, {@code #1.5}, {@code #(a+b)}, {@code #`DLY}, {@code #1ns}. */
    private void delay() {
        VerilogTokens.Token hash = tokens.get(pos++);
        int from = pos;
        if (pos < tokens.size() && tokens.get(pos).is("(")) parenthesised();
        else if (pos < tokens.size()) pos++;
        waits(hash, "delay '" + shown(hash, from) + "'");
    }

    /** {@code @(posedge clk)}, {@code @*}, {@code @(*)}, {@code @clk}. */
    private void event() {
        VerilogTokens.Token at = tokens.get(pos++);
        int from = pos;
        if (pos < tokens.size() && tokens.get(pos).is("(")) parenthesised();
        else if (pos < tokens.size()) pos++;
        waits(at, "event control '" + shown(at, from) + "'");
    }

    private String shown(VerilogTokens.Token start, int afterFrom) {
        int end = pos > afterFrom ? tokens.get(pos - 1).end() : start.end();
        String s = text.substring(start.offset(), Math.min(end, start.offset() + 40)).replaceAll("\\s+", " ");
        return end > start.offset() + 40 ? s + "..." : s;
    }

    private void waits(VerilogTokens.Token at, String kind) {
        if (firstWait == null) {
            firstWait = at;
            firstWaitKind = kind;
        }
    }

    /** Skips a balanced {@code ( ... )} if one starts at {@code pos}. */
    private void parenthesised() {
        if (pos >= tokens.size() || !tokens.get(pos).is("(")) return;
        int depth = 0;
        while (pos < tokens.size()) {
            VerilogTokens.Token t = tokens.get(pos++);
            if (t.is("(")) depth++;
            else if (t.is(")") && --depth == 0) return;
        }
    }

    /** Moves {@code pos} to the next {@code stop} token outside brackets (a case label's colon, not a part-select's). */
    private void skipUntilTopLevel(String stop) {
        int depth = 0;
        while (pos < tokens.size()) {
            VerilogTokens.Token t = tokens.get(pos);
            if (depth == 0 && (t.is(stop) || BLOCK_ENDS.contains(t.text()))) return;
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) depth--;
            pos++;
        }
    }
}
