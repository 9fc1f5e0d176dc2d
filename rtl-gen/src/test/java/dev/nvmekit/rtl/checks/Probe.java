package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.dsl.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component written inline in a test ({@code new Probe("top") {{ ... }}}) that remembers the
 * Java lines of interesting constructs: {@code mark("key"); o.set(a);} on one line records that
 * line, so a test asserts the diagnostic's file:line without hard-coding numbers.
 */
abstract class Probe extends Component {
    final Map<String, String> lines = new LinkedHashMap<>();

    Probe(String moduleName) {
        super(moduleName);
    }

    /** Records the caller's {@code File.java:line} under {@code key}. */
    final void mark(String key) {
        lines.put(key, Findings.callerLine(1));
    }

    /** The location recorded under {@code key}. */
    final String at(String key) {
        String l = lines.get(key);
        if (l == null) throw new AssertionError("no mark '" + key + "' in " + lines);
        return l;
    }
}
