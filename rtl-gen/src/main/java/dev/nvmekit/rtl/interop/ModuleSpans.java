package dev.nvmekit.rtl.interop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The modules of a Verilog text, where each starts and ends, and which modules each one
 * instantiates ({@code name [#(...)] inst (...)}), so that checks run before Yosys can look at
 * the modules an import uses and leave alone a testbench module kept in the same file.
 */
final class ModuleSpans {
    /** Module {@code name} from text offset {@code start} to {@code end}, naming {@code children} as instance types. */
    record Span(String name, int start, int end, Set<String> children) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private ModuleSpans() {
    }

    /** The modules of one file's tokens. */
    static List<Span> of(List<VerilogTokens.Token> tokens) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i).is("module") || tokens.get(i).is("macromodule")) || i + 1 >= tokens.size()) continue;
            String name = tokens.get(i + 1).text();
            int start = tokens.get(i).offset();
            Set<String> children = new LinkedHashSet<>();
            int j = i + 2;
            for (; j < tokens.size() && !tokens.get(j).is("endmodule"); j++) {
                if (j + 2 < tokens.size() && isName(tokens.get(j)) && (tokens.get(j + 1).is("#")
                        || isName(tokens.get(j + 1)) && (tokens.get(j + 2).is("(") || tokens.get(j + 2).is("[")))) {
                    children.add(tokens.get(j).text());
                }
            }
            int end = j < tokens.size() ? tokens.get(j).end() : Integer.MAX_VALUE;
            out.add(new Span(name, start, end, children));
            i = j;
        }
        return out;
    }

    /** The names of {@code top} and every module it instantiates, directly or not; empty when {@code top} is not among {@code spans}. */
    static Set<String> reachable(Collection<Span> spans, String top) {
        Map<String, Span> byName = new HashMap<>();
        spans.forEach(s -> byName.putIfAbsent(s.name(), s));
        Set<String> seen = new HashSet<>();
        if (!byName.containsKey(top)) return seen;
        Deque<String> todo = new ArrayDeque<>(List.of(top));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (!seen.add(m)) continue;
            for (String c : byName.get(m).children()) if (byName.containsKey(c)) todo.push(c);
        }
        return seen;
    }

    private static boolean isName(VerilogTokens.Token t) {
        char c = t.text().charAt(0);
        return Character.isLetter(c) || c == '_' || c == '\\';
    }
}
