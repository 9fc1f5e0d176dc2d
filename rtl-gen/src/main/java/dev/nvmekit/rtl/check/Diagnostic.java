package dev.nvmekit.rtl.check;

import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.Objects;

/**
 * One finding about a design: an error (the design is not emitted) or a warning, with the
 * user's Java source line and the signal it concerns, worded to say what to do.
 *
 * @param module the module (component) the finding is in
 * @param signal the signal concerned, or empty when none applies
 */
public record Diagnostic(Severity severity, SourceLocation location, String module, String signal, String message) {
    /** How serious a finding is. */
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(message, "message");
    }

    /** An error. */
    public static Diagnostic error(SourceLocation at, String module, String signal, String message) {
        return new Diagnostic(Severity.ERROR, at, module, signal, message);
    }

    /** A warning. */
    public static Diagnostic warning(SourceLocation at, String module, String signal, String message) {
        return new Diagnostic(Severity.WARNING, at, module, signal, message);
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line as compilers print it: {@code File.java:12: error: [module.signal] message}. */
    @Override
    public String toString() {
        String where = signal.isEmpty() ? module : module + "." + signal;
        return location + ": " + severity.name().toLowerCase() + ": [" + where + "] " + message;
    }
}
