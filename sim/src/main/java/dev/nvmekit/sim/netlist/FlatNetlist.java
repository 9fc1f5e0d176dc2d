package dev.nvmekit.sim.netlist;

import dev.nvmekit.rtl.ir.Design;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A design with its hierarchy flattened: every signal of every instance under its hierarchical
 * path, the combinational assignments in dependency (levelised) order, the registers and the
 * memories with the top-level clock each is clocked by. Both embedded backends (interpreter
 * and compiled) run this form; {@link Flattener} builds it.
 *
 * @param signals  every signal; a signal's index is its id
 * @param assigns  combinational drivers, each after everything it reads
 * @param clocks   top-level input ports that clock something, in order of first use
 * @param scopes   every instance path, the top ({@code ""}) first, parents before children
 */
public record FlatNetlist(Design design, List<FlatSignal> signals, List<FlatAssign> assigns,
                          List<FlatRegister> registers, List<FlatMemory> memories, List<String> clocks,
                          List<String> scopes, Map<String, Integer> signalIndex, Map<String, Integer> memoryIndex) {

    public FlatNetlist {
        signals = List.copyOf(signals);
        assigns = List.copyOf(assigns);
        registers = List.copyOf(registers);
        memories = List.copyOf(memories);
        clocks = List.copyOf(clocks);
        scopes = List.copyOf(scopes);
        signalIndex = Map.copyOf(signalIndex);
        memoryIndex = Map.copyOf(memoryIndex);
    }

    /** Builds the indexes from the lists. */
    static FlatNetlist of(Design design, List<FlatSignal> signals, List<FlatAssign> assigns, List<FlatRegister> registers,
                          List<FlatMemory> memories, List<String> clocks, List<String> scopes) {
        Map<String, Integer> si = new HashMap<>();
        for (int i = 0; i < signals.size(); i++) si.put(signals.get(i).path(), i);
        Map<String, Integer> mi = new HashMap<>();
        for (int i = 0; i < memories.size(); i++) mi.put(memories.get(i).path(), i);
        return new FlatNetlist(design, signals, assigns, registers, memories, clocks, scopes, si, mi);
    }

    /** The id of the signal at {@code path}, or -1. */
    public int signalId(String path) {
        return signalIndex.getOrDefault(path, -1);
    }

    /** The index of the memory at {@code path}, or -1. */
    public int memoryId(String path) {
        return memoryIndex.getOrDefault(path, -1);
    }

    /** The number of IR expression nodes in every assignment, register and write port (a size measure). */
    public int exprNodes() {
        int n = 0;
        for (FlatAssign a : assigns) n += ExprSize.of(a.value());
        for (FlatRegister r : registers) n += ExprSize.of(r.next());
        for (FlatMemory m : memories) {
            for (FlatMemory.Write w : m.writes()) {
                n += ExprSize.of(w.address()) + ExprSize.of(w.data()) + ExprSize.of(w.enable())
                        + w.byteEnable().map(ExprSize::of).orElse(0);
            }
        }
        return n;
    }
}
