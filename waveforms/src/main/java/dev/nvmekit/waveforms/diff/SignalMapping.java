package dev.nvmekit.waveforms.diff;

import java.util.Map;
import java.util.Optional;

/**
 * Maps a signal path of one dump to the name under which it is compared, so that dumps with
 * different hierarchies line up: e.g. Verilator's {@code TOP.tb.dut.q} and Icarus's
 * {@code tb.dut.q}. An empty result leaves the signal out of the comparison.
 */
@FunctionalInterface
public interface SignalMapping {

    /** The compared name of {@code path}, or empty to ignore the signal. */
    Optional<String> canonical(String path);

    /** Compares signals under their own paths. */
    static SignalMapping identity() {
        return Optional::of;
    }

    /**
     * Removes a leading scope prefix such as {@code "TOP."}, or {@code "tb."} to compare a
     * testbench dump against a dump of the bare design. Paths without the prefix are unchanged.
     */
    static SignalMapping stripPrefix(String prefix) {
        return path -> Optional.of(path.startsWith(prefix) ? path.substring(prefix.length()) : path);
    }

    /** Renames the listed paths; other paths are unchanged. */
    static SignalMapping explicit(Map<String, String> renames) {
        Map<String, String> copy = Map.copyOf(renames);
        return path -> Optional.of(copy.getOrDefault(path, path));
    }

    /** Keeps only paths under the given dotted scope (the scope prefix itself is kept in the name). */
    static SignalMapping under(String scopePath) {
        String prefix = scopePath.endsWith(".") ? scopePath : scopePath + ".";
        return path -> path.startsWith(prefix) ? Optional.of(path) : Optional.empty();
    }

    /** This mapping followed by {@code next}. */
    default SignalMapping andThen(SignalMapping next) {
        return path -> canonical(path).flatMap(next::canonical);
    }
}
