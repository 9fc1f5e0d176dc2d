package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaboration;
import dev.nvmekit.rtl.dsl.Elaborator;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions about the diagnostics a design gets: severity, file:line, module.signal and wording. */
final class Findings {
    private Findings() {
    }

    /** {@code File.java:line} of the frame {@code skip} levels above the caller of this method. */
    static String callerLine(int skip) {
        return StackWalker.getInstance().walk(frames -> frames.skip(1L + skip).findFirst()
                .map(f -> f.getFileName() + ":" + f.getLineNumber()).orElseThrow());
    }

    /** {@code File.java:line} of the caller. */
    static String here() {
        return callerLine(1);
    }

    /** Elaborates {@code top}, which must fail, and returns every finding. */
    static List<Diagnostic> errorsOf(Component top) {
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(top));
        return e.diagnostics();
    }

    /** Elaborates {@code top}, which must succeed, and returns its warnings. */
    static List<Diagnostic> warningsOf(Component top) {
        try {
            return Elaborator.elaborate(top).warnings();
        } catch (DesignException e) {
            throw new AssertionError("expected no errors but got:\n" + e.getMessage(), e);
        }
    }

    /** Elaborates {@code top}, which must succeed. */
    static Elaboration elaborated(Component top) {
        try {
            return Elaborator.elaborate(top);
        } catch (DesignException e) {
            throw new AssertionError("expected no errors but got:\n" + e.getMessage(), e);
        }
    }

    /**
     * The one finding of {@code severity} at {@code location} about {@code module.signal} whose
     * message contains every fragment; fails listing all findings otherwise.
     */
    static Diagnostic find(List<Diagnostic> all, Diagnostic.Severity severity, String location, String moduleDotSignal,
                           String... fragments) {
        List<Diagnostic> hits = all.stream()
                .filter(d -> d.severity() == severity && d.location().toString().equals(location))
                .filter(d -> where(d).equals(moduleDotSignal))
                .filter(d -> List.of(fragments).stream().allMatch(f -> d.message().contains(f)))
                .toList();
        if (hits.size() != 1) {
            fail("expected one " + severity + " at " + location + " [" + moduleDotSignal + "] containing " + List.of(fragments)
                    + ", found " + hits.size() + " among:\n" + all.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return hits.getFirst();
    }

    static Diagnostic error(List<Diagnostic> all, String location, String moduleDotSignal, String... fragments) {
        return find(all, Diagnostic.Severity.ERROR, location, moduleDotSignal, fragments);
    }

    static Diagnostic warning(List<Diagnostic> all, String location, String moduleDotSignal, String... fragments) {
        return find(all, Diagnostic.Severity.WARNING, location, moduleDotSignal, fragments);
    }

    /** Number of errors among {@code all}. */
    static long errorCount(List<Diagnostic> all) {
        return all.stream().filter(Diagnostic::isError).count();
    }

    private static String where(Diagnostic d) {
        return d.signal().isEmpty() ? d.module() : d.module() + "." + d.signal();
    }
}
