package dev.nvmekit.rtl.interop;

import java.util.HashSet;
import java.util.Set;

/**
 * The names taken in one imported module. Verilog names are kept; names Yosys builds while
 * flattening ({@code u.q}) or escaped identifiers become plain identifiers ({@code u_q}), and a
 * clash gets a numeric suffix.
 */
final class NameTable {
    private final Set<String> taken = new HashSet<>();

    /** {@code name} as a plain Verilog identifier. */
    static String plain(String name) {
        String s = name.startsWith("\\") ? name.substring(1) : name;
        s = s.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s = "_" + s;
        return s;
    }

    /** Whether {@code name} is still free. */
    boolean free(String name) {
        return !taken.contains(name);
    }

    /** Takes {@code name} exactly; false if it was taken already. */
    boolean take(String name) {
        return taken.add(name);
    }

    /** Takes {@code base} made plain, or the first free {@code base_N}. */
    String unique(String base) {
        String p = plain(base);
        if (taken.add(p)) return p;
        for (int i = 1; ; i++) {
            if (taken.add(p + "_" + i)) return p + "_" + i;
        }
    }
}
