package dev.nvmekit.rtl.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a design has errors: carries every finding at once (errors and warnings), so
 * that the user fixes them all in one round. Its message lists them one per line, each with
 * the Java source line; command-line tools print the message, not the stack trace.
 */
public final class DesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DesignException(List<Diagnostic> diagnostics) {
        super(format(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every finding, errors first, then in source order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The errors only. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    private static String format(List<Diagnostic> ds) {
        long errors = ds.stream().filter(Diagnostic::isError).count();
        return "design has " + errors + (errors == 1 ? " error" : " errors") + ":\n"
                + ds.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
