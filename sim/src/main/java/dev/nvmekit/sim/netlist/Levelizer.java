package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.check.ExprRefs;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.SimulationException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders combinational assignments so that each comes after every assignment it reads
 * (Kahn's algorithm, stable in declaration order), so one pass evaluates the whole netlist.
 * Registers, inputs and memory contents are sources: reading them adds no dependency.
 */
final class Levelizer {
    private Levelizer() {
    }

    static List<FlatAssign> order(Map<String, Expr> drivers, Map<String, Integer> index, List<FlatSignal> signals) {
        List<String> targets = new ArrayList<>(drivers.keySet());
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < targets.size(); i++) position.put(targets.get(i), i);
        int n = targets.size();
        int[] pending = new int[n];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Set<String> refs = new LinkedHashSet<>();
            ExprRefs.collect(drivers.get(targets.get(i)), refs);
            for (String r : refs) {
                Integer dep = position.get(r);
                if (dep == null) continue;
                pending[i]++;
                users.get(dep).add(i);
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (pending[i] == 0) ready.add(i);
        List<FlatAssign> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            String t = targets.get(i);
            out.add(new FlatAssign(index.get(t), drivers.get(t)));
            for (int u : users.get(i)) if (--pending[u] == 0) ready.add(u);
        }
        if (out.size() < n) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < n && stuck.size() < 8; i++) if (pending[i] > 0) stuck.add(targets.get(i));
            throw new SimulationException("combinational loop among " + String.join(", ", stuck)
                    + (out.size() + stuck.size() < n ? ", ..." : "") + "; break it with a register");
        }
        return out;
    }
}
