package dev.nvmekit.rtl.check;

import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The combinational dependencies of one module: which signal is computed from which, without
 * passing through a register or a memory. Child instances contribute their input-to-output
 * paths ({@link #summary}), so loops through the hierarchy are found; blackboxes are assumed to
 * have none. Used to find combinational loops and to order evaluation.
 */
public final class CombinationalGraph {
    private final Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    private final Map<String, SourceLocation> where = new HashMap<>();
    private final ModuleDef module;

    /** Builds the graph of {@code m}; {@code summaries} gives each child module's output-to-input paths. */
    public CombinationalGraph(ModuleDef m, Map<String, Map<String, Set<String>>> summaries) {
        this.module = m;
        Set<String> state = new HashSet<>();
        m.registers().forEach(r -> state.add(r.name()));
        m.memories().forEach(mem -> mem.syncReads().forEach(r -> state.add(r.name())));
        for (Assign a : m.assigns()) {
            Set<String> refs = new LinkedHashSet<>();
            ExprRefs.collect(a.value(), refs);
            refs.removeIf(n -> state.contains(n) || n.startsWith("mem:"));
            dependsOn.computeIfAbsent(a.target(), k -> new LinkedHashSet<>()).addAll(refs);
            where.put(a.target(), a.location());
        }
        for (Instance i : m.instances()) {
            Map<String, Set<String>> paths = summaries.getOrDefault(i.module(), Map.of());
            Map<String, Expr> inputs = new HashMap<>();
            for (Instance.Binding b : i.bindings()) if (b instanceof Instance.Input in) inputs.put(in.port(), in.value());
            for (Instance.Binding b : i.bindings()) {
                if (!(b instanceof Instance.Output out)) continue;
                Set<String> refs = new LinkedHashSet<>();
                for (String inPort : paths.getOrDefault(out.port(), Set.of())) {
                    Expr e = inputs.get(inPort);
                    if (e != null) ExprRefs.collect(e, refs);
                }
                refs.removeIf(n -> state.contains(n) || n.startsWith("mem:"));
                dependsOn.computeIfAbsent(out.wire(), k -> new LinkedHashSet<>()).addAll(refs);
                where.put(out.wire(), i.location());
            }
        }
    }

    /** What {@code signal} is computed from combinationally (direct dependencies). */
    public Set<String> dependencies(String signal) {
        return dependsOn.getOrDefault(signal, Set.of());
    }

    /** Where {@code signal}'s driver was written. */
    public SourceLocation location(String signal) {
        return where.getOrDefault(signal, module.location());
    }

    /** Every combinational loop, each as its signals in order (first repeated at the end). */
    public List<List<String>> loops() {
        List<List<String>> found = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : dependsOn.keySet()) {
            if (!state.containsKey(start)) walk(start, new ArrayList<>(), state, found);
        }
        return found;
    }

    private void walk(String node, List<String> path, Map<String, Integer> state, List<List<String>> found) {
        state.put(node, 1);
        path.add(node);
        for (String dep : dependencies(node)) {
            Integer s = state.get(dep);
            if (s == null) {
                walk(dep, path, state, found);
            } else if (s == 1) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(dep), path.size()));
                java.util.Collections.reverse(loop);
                loop.add(0, loop.getLast());
                found.add(loop);
            }
        }
        path.removeLast();
        state.put(node, 2);
    }

    /** For each output port, the input ports it depends on combinationally. */
    public Map<String, Set<String>> summary() {
        Set<String> inputs = new HashSet<>();
        for (Port p : module.ports()) if (p.direction() == Direction.IN) inputs.add(p.name());
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (Port p : module.ports()) {
            if (p.direction() != Direction.OUT) continue;
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(p.name()));
            Set<String> reached = new LinkedHashSet<>();
            while (!todo.isEmpty()) {
                String n = todo.removeLast();
                if (!seen.add(n)) continue;
                if (inputs.contains(n)) reached.add(n);
                todo.addAll(dependencies(n));
            }
            result.put(p.name(), reached);
        }
        return result;
    }
}
