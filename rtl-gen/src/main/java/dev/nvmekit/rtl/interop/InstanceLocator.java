package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignException;
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
 * Places Yosys's elaboration errors about an instance ("Module `scaler' referenced in module
 * `top' in cell `u' has only 3 parameters, requested parameter 4"), which Yosys reports without
 * a source line, at the line of that instance in the Verilog files, and explains positional
 * parameter overrides when they are the cause.
 */
final class InstanceLocator {
    private static final Pattern CELL = Pattern.compile("referenced in module `\\\\?([^']+)' in cell `\\\\?([^']+)'");
    private static final Pattern TOO_MANY = Pattern.compile("Module `\\\\?([^']+)'.*has only (\\d+) parameters, requested parameter (\\d+)");

    private InstanceLocator() {
    }

    /** {@code e} with each location-less instance error placed at its instance. */
    static DesignException place(DesignException e, List<Path> files) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : e.diagnostics()) {
            Matcher m = CELL.matcher(d.message());
            SourceLocation at = d.location().equals(SourceLocation.UNKNOWN) && m.find() ? find(files, m.group(1), m.group(2)) : null;
            if (at == null) {
                out.add(d);
                continue;
            }
            String message = d.message();
            Matcher tooMany = TOO_MANY.matcher(message);
            if (tooMany.find()) {
                message += " (a positional override '#(v1, v2, ...)' gives values to " + tooMany.group(1)
                        + "'s parameters in declaration order, and it declares " + tooMany.group(2) + "; give fewer values or override by name)";
            }
            out.add(Diagnostic.error(at, d.module(), d.signal(), message));
        }
        return new DesignException(out);
    }

    /** The line of instance {@code cell} inside module {@code module}, or null. */
    private static SourceLocation find(List<Path> files, String module, String cell) {
        Pattern body = Pattern.compile("\\bmodule\\s+" + Pattern.quote(module) + "\\b(.*?)\\bendmodule\\b", Pattern.DOTALL);
        Pattern instance = Pattern.compile("[)\\w]\\s*\\b" + Pattern.quote(cell) + "\\s*(\\[[^]]*]\\s*)?\\(");
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException ex) {
                continue;
            }
            Matcher b = body.matcher(text);
            if (!b.find()) continue;
            Matcher i = instance.matcher(text).region(b.start(1), b.end(1));
            if (i.find()) return new SourceLocation(f.getFileName().toString(), VerilogTokens.line(text, i.start() + i.group().indexOf(cell)));
        }
        return null;
    }
}
