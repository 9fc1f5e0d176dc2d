package dev.nvmekit.verilator;

import java.util.Set;
import java.util.TreeSet;

/**
 * Translates the VCD scope filter of {@code SimulationOptions} into Verilator's
 * {@code $dumpvars}-style selections ({@code "<levels> <hierarchy>"} per line).
 *
 * <p>Verilator names traced signals {@code TOP.<port>} for the model's ports and
 * {@code TOP.<top>.<instance>...<signal>} inside; a selection's level counts the hierarchy
 * steps below the matched scope, the signal's own name included.
 */
final class VcdScopes {
    /** Stands for "every level below". */
    private static final int ALL_LEVELS = 1 << 20;

    private VcdScopes() {
    }

    /**
     * @param scopes instance paths ({@code ""} = the top), empty for all
     * @param depth  levels of hierarchy below the top to dump (1 = the top only), 0 for all
     */
    static String dumpvars(String top, Set<String> scopes, int depth) {
        if (scopes.isEmpty() && depth == 0) return "";
        Set<String> selected = scopes.isEmpty() ? Set.of("") : new TreeSet<>(scopes);
        StringBuilder b = new StringBuilder();
        for (String s : selected) {
            if (s.isEmpty()) {
                // "TOP clk" is one level below TOP, "TOP top count" two: the top module's own signals.
                b.append(depth == 0 ? ALL_LEVELS : depth + 1).append(" TOP\n");
            } else {
                b.append(depth == 0 ? ALL_LEVELS : depth).append(" TOP.").append(top).append('.').append(s).append('\n');
            }
        }
        return b.toString();
    }
}
