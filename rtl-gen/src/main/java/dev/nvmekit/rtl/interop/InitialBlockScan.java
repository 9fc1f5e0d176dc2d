package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code initial} blocks that wait ({@code #delay}, {@code @(event)}, {@code wait}):
 * testbench code, not hardware. Yosys drops the timing silently and keeps the assignments as
 * power-up values, which would import a different circuit, so these are refused up front at
 * their line. Plain {@code initial} assignments (register and memory initial values) pass.
 */
final class InitialBlockScan {
    private static final Pattern INITIAL = Pattern.compile("\\binitial\\b");
    private static final Pattern TIMING = Pattern.compile("#\\s*[0-9A-Za-z_`(]|@\\s*[(*A-Za-z_]|\\bwait\\b|\\bforever\\b");
    private static final Pattern TOKEN = Pattern.compile("\\bbegin\\b|\\bend\\b|;");

    private InitialBlockScan() {
    }

    /** One error per waiting {@code initial} block of {@code file}. */
    static List<Diagnostic> scan(Path file, String module) {
        String text;
        try {
            text = blankComments(Files.readString(file));
        } catch (IOException e) {
            return List.of(Diagnostic.error(SourceLocation.UNKNOWN, module, "", "cannot read " + file + ": " + e.getMessage()));
        }
        List<Diagnostic> out = new ArrayList<>();
        Matcher m = INITIAL.matcher(text);
        while (m.find()) {
            int end = statementEnd(text, m.end());
            Matcher t = TIMING.matcher(text.substring(m.end(), end));
            if (t.find()) {
                int at = m.end() + t.start();
                out.add(Diagnostic.error(new SourceLocation(file.getFileName().toString(), line(text, at)), module, "",
                        "initial block waits ('" + text.substring(at, Math.min(text.length(), at + 12)).split("\\R")[0].trim()
                                + "...'); delays and event controls are testbench code and cannot be imported as hardware"));
            }
        }
        return out;
    }

    /** Where the statement after {@code from} ends: its matching {@code end}, or its {@code ;}. */
    private static int statementEnd(String text, int from) {
        Matcher t = TOKEN.matcher(text);
        int depth = 0;
        int pos = from;
        while (t.find(pos)) {
            String tok = t.group();
            pos = t.end();
            if (tok.equals("begin")) depth++;
            else if (tok.equals("end")) depth--;
            if (depth <= 0 && (tok.equals(";") && depth == 0 || tok.equals("end"))) return pos;
        }
        return text.length();
    }

    /** The text with comments replaced by spaces (newlines kept, so offsets and lines stay). */
    private static String blankComments(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        while (i < b.length() - 1) {
            if (b.charAt(i) == '/' && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') b.setCharAt(i++, ' ');
            } else if (b.charAt(i) == '/' && b.charAt(i + 1) == '*') {
                while (i < b.length() - 1 && !(b.charAt(i) == '*' && b.charAt(i + 1) == '/')) {
                    if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
                    i++;
                }
                if (i < b.length() - 1) {
                    b.setCharAt(i, ' ');
                    b.setCharAt(i + 1, ' ');
                }
            } else if (b.charAt(i) == '"') {
                i++;
                while (i < b.length() && b.charAt(i) != '"' && b.charAt(i) != '\n') b.setCharAt(i++, ' ');
            }
            i++;
        }
        return b.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
