package dev.nvmekit.rtl.verilog;

import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.Wire;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which bits of each signal of a module the module reads, so the emitter can tell Verilator
 * that unread bits (an address's low bits, an unused input) are deliberate rather than let
 * {@code -Wall} warn about them.
 */
final class BitUsage {
    private final Map<String, BitSet> read = new HashMap<>();
    private final Map<String, Integer> widths = new HashMap<>();
    private final java.util.Set<String> memoriesRead = new java.util.HashSet<>();

    private BitUsage() {
    }

    static BitUsage of(ModuleDef m) {
        BitUsage u = new BitUsage();
        for (Port p : m.ports()) {
            u.widths.put(p.name(), p.type().width());
            if (p.direction() == Direction.OUT) u.all(p.name());
        }
        for (Wire w : m.wires()) u.widths.put(w.name(), w.type().width());
        for (Register r : m.registers()) u.widths.put(r.name(), r.type().width());
        for (Memory mem : m.memories()) mem.syncReads().forEach(r -> u.widths.put(r.name(), mem.wordType().width()));
        for (Assign a : m.assigns()) u.scan(a.value());
        for (Register r : m.registers()) u.scan(r.next());
        for (Memory mem : m.memories()) {
            for (Memory.Write w : mem.writes()) {
                u.scan(w.address());
                u.scan(w.data());
                u.scan(w.enable());
                w.byteEnable().ifPresent(u::scan);
            }
            for (Memory.SyncRead r : mem.syncReads()) {
                // As the emitter prints it: a port never enabled only holds; one past the depth reads 0.
                if (r.enable() instanceof Expr.Literal en && en.value().signum() == 0) continue;
                u.scan(r.enable());
                boolean beyond = r.address() instanceof Expr.Literal a && a.value().compareTo(java.math.BigInteger.valueOf(mem.depth())) >= 0;
                if (beyond) continue;
                u.memoriesRead.add(mem.name());
                u.scan(r.address());
            }
        }
        for (Instance i : m.instances()) {
            for (Instance.Binding b : i.bindings()) if (b instanceof Instance.Input in) u.scan(in.value());
        }
        for (ClockDomain d : m.clockDomains()) {
            boolean clocked = m.registers().stream().anyMatch(r -> r.clockDomain().equals(d.name()))
                    || m.memories().stream().anyMatch(x -> x.writes().stream().anyMatch(w -> w.clockDomain().equals(d.name()))
                        || x.syncReads().stream().anyMatch(r -> r.clockDomain().equals(d.name())));
            if (clocked) u.all(d.clock());
            boolean resets = m.registers().stream().anyMatch(r -> r.clockDomain().equals(d.name()) && r.resetValue().isPresent());
            if (resets) d.reset().ifPresent(u::all);
        }
        return u;
    }

    /** Whether every bit of {@code name} is read somewhere. */
    boolean fullyRead(String name) {
        Integer w = widths.get(name);
        if (w == null) return true;
        BitSet b = read.get(name);
        return b != null && b.cardinality() == w;
    }

    /** Whether memory {@code name} is read anywhere (a memory only written is deliberate: the checks warned). */
    boolean memoryRead(String name) {
        return memoriesRead.contains(name);
    }

    private void all(String name) {
        Integer w = widths.get(name);
        if (w != null) read.computeIfAbsent(name, k -> new BitSet()).set(0, w);
    }

    private void scan(Expr e) {
        switch (e) {
            case Expr.Ref r -> all(r.name());
            case Expr.Slice s when s.operand() instanceof Expr.Ref r ->
                    read.computeIfAbsent(r.name(), k -> new BitSet()).set(s.lo(), s.hi() + 1);
            case Expr.Slice s -> scan(s.operand());
            case Expr.Literal l -> {
            }
            case Expr.Unary x -> scan(x.operand());
            case Expr.Binary b -> {
                scan(b.left());
                scan(b.right());
            }
            case Expr.Mux x -> {
                scan(x.select());
                scan(x.whenTrue());
                scan(x.whenFalse());
            }
            case Expr.Concat c -> c.parts().forEach(this::scan);
            case Expr.Extend x -> scan(x.operand());
            case Expr.Cast c -> scan(c.operand());
            case Expr.MemRead mr -> {
                memoriesRead.add(mr.memory());
                scan(mr.address());
            }
        }
    }
}
