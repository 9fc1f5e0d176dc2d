package dev.nvmekit.verilator;

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
                .sorted(Comparator.comparingInt((String k) -> distance(path.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(SHOWN).toList();
        return "no " + what + " " + path + " in " + top + "; closest: " + String.join(", ", closest)
                + " (paths are instance names joined by '.', e.g. fifo.count)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
