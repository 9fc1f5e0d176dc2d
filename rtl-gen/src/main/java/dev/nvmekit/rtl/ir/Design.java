package dev.nvmekit.rtl.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An elaborated design: every distinct module, children before parents, and the top's name.
 * This is the one IR that the checks, the Verilog emitter and every simulator read.
 */
public record Design(String top, List<ModuleDef> modules) {
    public Design {
        Objects.requireNonNull(top, "top");
        modules = List.copyOf(modules);
        Map<String, ModuleDef> seen = new LinkedHashMap<>();
        for (ModuleDef m : modules) {
            if (seen.put(m.name(), m) != null) throw new IllegalArgumentException("two modules are named " + m.name());
            for (Instance i : m.instances()) {
                if (!seen.containsKey(i.module())) {
                    throw new IllegalArgumentException("module " + m.name() + " instantiates " + i.module() + ", which is not defined before it");
                }
            }
        }
        if (!seen.containsKey(top)) throw new IllegalArgumentException("top module " + top + " is not in the design");
    }

    /** The module called {@code name}. */
    public ModuleDef module(String name) {
        for (ModuleDef m : modules) {
            if (m.name().equals(name)) return m;
        }
        throw new NoSuchElementException("no module " + name + " in design " + top);
    }

    /** The top module. */
    public ModuleDef topModule() {
        return module(top);
    }
}
