package dev.nvmekit.verilator;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.Wire;
import dev.nvmekit.sim.Simulator.SignalInfo.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every signal and memory of a design by hierarchical path ({@code "count"}, {@code "fifo.count"}),
 * with the Verilator scope and variable that hold it. Top-level ports live in scope
 * {@code TOP.TOP} (the model's real inputs and outputs); everything of the top module in
 * {@code TOP.<top>}, of instance {@code fifo} in {@code TOP.<top>.fifo}. Blackbox instances
 * contribute their ports only.
 */
record ModelSignals(List<Entry> signals, List<MemoryEntry> memories) {
    /** Verilator's scope of the model's own ports: the model is named TOP and so is its root scope. */
    static final String PORT_SCOPE = "TOP.TOP";

    /** One signal: its path, type, kind, and where Verilator keeps it. */
    record Entry(String path, SignalType type, Kind kind, String scope, String variable) {
    }

    /** One memory: its path, word type, depth, and where Verilator keeps it. */
    record MemoryEntry(String path, SignalType wordType, int depth, String scope, String variable) {
    }

    static ModelSignals of(Design design) {
        Map<String, Entry> signals = new LinkedHashMap<>();
        List<MemoryEntry> memories = new ArrayList<>();
        ModuleDef top = design.topModule();
        for (Port p : top.ports()) {
            signals.put(p.name(), new Entry(p.name(), p.type(), p.direction() == Direction.IN ? Kind.INPUT : Kind.OUTPUT, PORT_SCOPE, p.name()));
        }
        walk(design, top, "", "TOP." + top.name(), false, signals, memories);
        return new ModelSignals(List.copyOf(signals.values()), List.copyOf(memories));
    }

    private static void walk(Design design, ModuleDef m, String prefix, String scope, boolean withPorts,
                             Map<String, Entry> signals, List<MemoryEntry> memories) {
        if (withPorts) for (Port p : m.ports()) add(signals, prefix, p.name(), p.type(), scope);
        if (m.isBlackBox()) return;
        for (Wire w : m.wires()) add(signals, prefix, w.name(), w.type(), scope);
        for (Register r : m.registers()) add(signals, prefix, r.name(), r.type(), scope);
        for (Memory mem : m.memories()) {
            memories.add(new MemoryEntry(prefix + mem.name(), mem.wordType(), mem.depth(), scope, mem.name()));
            for (Memory.SyncRead r : mem.syncReads()) add(signals, prefix, r.name(), mem.wordType(), scope);
        }
        for (Instance i : m.instances()) {
            walk(design, design.module(i.module()), prefix + i.name() + ".", scope + "." + i.name(), true, signals, memories);
        }
    }

    private static void add(Map<String, Entry> signals, String prefix, String name, SignalType type, String scope) {
        signals.putIfAbsent(prefix + name, new Entry(prefix + name, type, Kind.INTERNAL, scope, name));
    }
}
