package dev.nvmekit.verilator;

import dev.nvmekit.sim.engine.NameSuggestion;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Messages for a path that names nothing: the closest existing names, so a typo is easy to fix. */
final class SignalNames {
    private static final int SHOWN = 8;

    private SignalNames() {
    }

    static String unknown(String what, String path, String top, Collection<String> known) {
        if (known.isEmpty()) return "no " + what + " " + path + " in " + top + " (it has none)";
        List<String> closest = known.stream()
                .sorted(Comparator.comparingInt((String k) -> NameSuggestion.distance(path.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(SHOWN).toList();
        return "no " + what + " " + path + " in " + top + "; closest: " + String.join(", ", closest)
                + " (paths are instance names joined by '.', e.g. fifo.count)";
    }
}
