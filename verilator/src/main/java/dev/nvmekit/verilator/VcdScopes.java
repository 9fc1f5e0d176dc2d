package dev.nvmekit.verilator;

import java.util.Set;
import java.util.TreeSet;

/**
 * Translates the waveform scope filter of {@code SimulationOptions} into Verilator's
 * {@code $dumpvars}-style selections ({@code "<levels> <hierarchy>"} per line).
 *
 * <p>Verilator traces the model's ports as {@code TOP.<port>} and the design as
 * {@code TOP.<top>.<instance>...<signal>}; a selection's level counts the hierarchy steps below
 * the matched scope, the signal's own name included. Every selection lies under
 * {@code TOP.<top>}: the port copies directly under {@code TOP} are never dumped, so a
 * waveform holds the design's hierarchy and names as the embedded backend writes them (the
 * VCD writer of the C++ wrapper also drops the outer {@code TOP} scope itself).
 */
final class VcdScopes {
    /** Stands for "every level below". */
    private static final int ALL_LEVELS = 1 << 20;

    private VcdScopes() {
    }

    /**
     * @param scopes instance paths ({@code ""} = the top), empty for all
     * @param depth  levels of hierarchy to dump counted from the top (1 = the top only), 0 for all
     */
    static String dumpvars(String top, Set<String> scopes, int depth) {
        Set<String> selected = scopes.isEmpty() ? Set.of("") : new TreeSet<>(scopes);
        StringBuilder b = new StringBuilder();
        for (String s : selected) {
            // A signal of the top is one level below TOP.<top>; one of instance a.b is one level
            // below TOP.<top>.a.b but at depth 3 counted from the top.
            int below = s.isEmpty() ? 0 : s.split("\\.").length;
            int levels = depth == 0 ? ALL_LEVELS : depth - below;
            if (levels <= 0) continue;
            b.append(levels).append(" TOP.").append(top);
            if (!s.isEmpty()) b.append('.').append(s);
            b.append('\n');
        }
        // Nothing left to dump (every scope is below the depth): a selection that matches no signal.
        if (b.isEmpty()) b.append("1 TOP.").append(top).append(".\n");
        return b.toString();
    }
}
