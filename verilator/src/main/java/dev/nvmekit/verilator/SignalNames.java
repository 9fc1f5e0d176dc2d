package dev.nvmekit.verilator;

import dev.nvmekit.sim.engine.NameSuggestion;

import java.util.Collection;

/**
 * Messages for a path that names nothing, worded as the embedded backend words them (the same
 * test code gets the same message on every backend), with the closest existing name as a hint.
 */
final class SignalNames {
    private SignalNames() {
    }

    static String unknown(String what, String path, String top, Collection<String> known) {
        return "no " + what + " '" + path + "' in design " + top + NameSuggestion.hint(path, known)
                + (what.equals("signal") ? "; inside an instance use 'instance.signal'" : "");
    }
}
