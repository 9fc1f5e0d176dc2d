package dev.nvmekit.waveforms;

import java.io.IOException;

/**
 * A VCD file that does not follow the format. The message names the source and line, e.g.
 * {@code run.vcd:42: unknown identifier code '%3'}, and is meant to be shown to the user as is.
 */
public final class VcdFormatException extends IOException {
    private final String source;
    private final int line;
    private final String detail;

    /** A problem at {@code line} (1-based) of {@code source}. */
    public VcdFormatException(String source, int line, String detail) {
        super(source + ":" + line + ": " + detail);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    /** The file name or other label of the input. */
    public String source() {
        return source;
    }

    /** 1-based line of the offending token. */
    public int line() {
        return line;
    }

    /** The message without source and line. */
    public String detail() {
        return detail;
    }
}
