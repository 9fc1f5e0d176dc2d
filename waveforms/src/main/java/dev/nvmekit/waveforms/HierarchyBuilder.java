package dev.nvmekit.waveforms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Collects scopes and signals while the header is parsed, then freezes them into {@link Scope}s. */
final class HierarchyBuilder {
    private final Node root = new Node("", "root", "");
    private final Deque<Node> open = new ArrayDeque<>();
    private final List<Signal> signals = new ArrayList<>();

    HierarchyBuilder() {
        open.push(root);
    }

    void push(String kind, String name) {
        Node parent = open.peek();
        // Tools re-open a scope to add more variables (e.g. after a $dumpvars in a task); merge them.
        Node existing = parent.children.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
        Node node = existing != null ? existing
                : new Node(name, kind, parent.path.isEmpty() ? name : parent.path + "." + name);
        if (existing == null) {
            parent.children.add(node);
        }
        open.push(node);
    }

    /** False when there is no scope to close. */
    boolean pop() {
        if (open.size() == 1) {
            return false;
        }
        open.pop();
        return true;
    }

    int depth() {
        return open.size() - 1;
    }

    Signal add(String name, String varType, int width, String code, SignalTrace trace) {
        Node scope = open.peek();
        String path = scope.path.isEmpty() ? name : scope.path + "." + name;
        Signal signal = new Signal(path, scope.path, name, varType, width, code, trace);
        scope.signals.add(signal);
        signals.add(signal);
        return signal;
    }

    List<Signal> signals() {
        return signals;
    }

    Scope build() {
        return freeze(root);
    }

    private static Scope freeze(Node node) {
        List<Scope> children = new ArrayList<>();
        for (Node child : node.children) {
            children.add(freeze(child));
        }
        return new Scope(node.name, node.kind, node.path, children, node.signals);
    }

    private static final class Node {
        final String name;
        final String kind;
        final String path;
        final List<Node> children = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();

        Node(String name, String kind, String path) {
            this.name = name;
            this.kind = kind;
            this.path = path;
        }
    }
}
