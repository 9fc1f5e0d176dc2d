package dev.nvmekit.rtl.ir;

import java.util.Objects;

/**
 * Where in the user's Java source a piece of hardware was constructed. Every declaration and
 * assignment of the IR carries one, so that diagnostics can point at the user's line.
 *
 * @param file the Java source file name, e.g. {@code Counter.java}
 * @param line the 1-based line number, or 0 when unknown
 */
public record SourceLocation(String file, int line) {
    /** A location for IR built by tools rather than by user code. */
    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) throw new IllegalArgumentException("line must be >= 0, got " + line);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
