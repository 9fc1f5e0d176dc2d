package dev.nvmekit.rtl.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * Verilog source text as tokens, enough to follow statement structure: identifiers and
 * keywords (with {@code $} system names, {@code `} macros and escaped names), numbers as one
 * token each ({@code 8'hff}, {@code 1.5}, {@code 10ns}), and every other character on its own.
 * Comments, strings and compiler directives' line ends are skipped.
 */
final class VerilogTokens {
    /** A token and where it is in the text. */
    record Token(String text, int offset, int end) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private VerilogTokens() {
    }

    static List<Token> of(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"' && s.charAt(i) != '\n') i += s.charAt(i) == '\\' ? 2 : 1;
                i++;
            } else if (c == '\\') {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                out.add(new Token(s.substring(start, i), start, i));
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '`') {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) i++;
                out.add(new Token(s.substring(start, i), start, i));
            } else if (Character.isDigit(c) || c == '\'' && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || "_'.?".indexOf(s.charAt(i)) >= 0)) i++;
                out.add(new Token(s.substring(start, i), start, i));
            } else {
                out.add(new Token(String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** The 1-based line of {@code offset}. */
    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
