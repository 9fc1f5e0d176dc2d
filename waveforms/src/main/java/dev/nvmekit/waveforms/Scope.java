package dev.nvmekit.waveforms;

import java.util.List;

/**
 * A node of a dump's hierarchy: a module instance, task, function, named block or fork. The root
 * of a {@link Waveform} has an empty name and kind {@code root}.
 *
 * @param name the scope's own name
 * @param kind the VCD scope type as written: module, task, function, begin, fork, or a
 *     GTKWave extension
 * @param path full dotted path, empty for the root
 * @param children nested scopes in declaration order
 * @param signals signals declared directly in this scope, in declaration order
 */
public record Scope(String name, String kind, String path, List<Scope> children, List<Signal> signals) {

    public Scope {
        children = List.copyOf(children);
        signals = List.copyOf(signals);
    }

    /** The child scope with this name, if any. */
    public java.util.Optional<Scope> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }
}
