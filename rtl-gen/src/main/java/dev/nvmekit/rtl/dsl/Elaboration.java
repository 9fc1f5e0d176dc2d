package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Design;

import java.util.List;

/**
 * The result of elaborating a top component without errors: the IR and the warnings.
 *
 * @param warnings findings that do not stop emission (unused signals, registers without reset)
 */
public record Elaboration(Design design, List<Diagnostic> warnings) {
    public Elaboration {
        warnings = List.copyOf(warnings);
    }
}
