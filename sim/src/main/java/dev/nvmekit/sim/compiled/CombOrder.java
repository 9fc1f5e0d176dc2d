package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.check.ExprRefs;
import dev.nvmekit.sim.netlist.FlatAssign;
import dev.nvmekit.sim.netlist.FlatNetlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A dependency order of the combinational assignments that keeps each instance's logic
 * together. The netlist's levelised order interleaves unrelated blocks level by level; cut into
 * methods, every method would then hold a little of everything and any change would wake them
 * all. Here Kahn's algorithm always takes the ready assignment of the earliest instance (in the
 * netlist's scope order), then the earliest declared, so methods follow the design's hierarchy.
 */
final class CombOrder {
    private CombOrder() {
    }

    static List<FlatAssign> of(FlatNetlist net) {
        List<FlatAssign> assigns = net.assigns();
        int n = assigns.size();
        Map<Integer, Integer> byTarget = new HashMap<>();
        for (int i = 0; i < n; i++) byTarget.put(assigns.get(i).target(), i);
        Map<String, Integer> scopeRank = new HashMap<>();
        for (int i = 0; i < net.scopes().size(); i++) scopeRank.put(net.scopes().get(i), i);
        int[] rank = new int[n];
        int[] pending = new int[n];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            FlatAssign a = assigns.get(i);
            rank[i] = scopeRank.getOrDefault(net.signals().get(a.target()).scope(), 0);
            Set<String> refs = new LinkedHashSet<>();
            ExprRefs.collect(a.value(), refs);
            for (String r : refs) {
                Integer dep = byTarget.get(net.signalId(r));
                if (dep == null) continue;
                pending[i]++;
                users.get(dep).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>((x, y) -> rank[x] != rank[y] ? Integer.compare(rank[x], rank[y]) : Integer.compare(x, y));
        for (int i = 0; i < n; i++) if (pending[i] == 0) ready.add(i);
        List<FlatAssign> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(assigns.get(i));
            for (int u : users.get(i)) if (--pending[u] == 0) ready.add(u);
        }
        // The netlist is already levelised, so nothing can be left over; keep its order if that ever breaks.
        return out.size() == n ? out : assigns;
    }
}
