package dev.nvmekit.waveforms;

import java.io.IOException;
import java.io.Reader;

/** Splits VCD text into whitespace-separated tokens, remembering the line of each. */
final class VcdTokenizer {
    private final Reader in;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder token = new StringBuilder();
    private int pos;
    private int limit;
    private int line = 1;
    private int tokenLine = 1;

    VcdTokenizer(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next token, or null at end of input. */
    String next() throws IOException {
        int c = read();
        while (c != -1 && Character.isWhitespace(c)) {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        tokenLine = line;
        token.setLength(0);
        while (c != -1 && !Character.isWhitespace(c)) {
            token.append((char) c);
            c = read();
        }
        return token.toString();
    }

    /** The next token; end of input is an error that names what was expected. */
    String require(String expected) throws IOException {
        String t = next();
        if (t == null) {
            throw error("unexpected end of file, expected " + expected);
        }
        return t;
    }

    /** Line of the token last returned. */
    int line() {
        return tokenLine;
    }

    String source() {
        return source;
    }

    VcdFormatException error(String detail) {
        return new VcdFormatException(source, tokenLine, detail);
    }

    private int read() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        char c = buffer[pos++];
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
