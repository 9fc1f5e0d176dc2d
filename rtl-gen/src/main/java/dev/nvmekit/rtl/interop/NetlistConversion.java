package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;
import dev.nvmekit.rtl.ir.Wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts one flattened Yosys module into an IR {@link ModuleDef}. Every cell output becomes a
 * named signal: the Verilog name of the net when one covers exactly its bits, a made-up
 * {@code _<cell>_<n>} otherwise; the other Verilog names become wires over those signals. Flip
 * flops become registers of the clock domain of their clock port ({@link ClockPlan}); memories
 * are converted by {@link MemoryConversion}. Every problem is collected with the Verilog file
 * and line Yosys recorded, and reported at once.
 */
final class NetlistConversion {
    static final Set<String> FLIP_FLOPS = Set.of("$dff", "$dffe", "$sdff", "$sdffe", "$sdffce", "$adff", "$adffe");
    private static final Set<String> UNSUPPORTED_STATE = Set.of("$aldff", "$aldffe", "$dffsr", "$dffsre", "$sr", "$ff",
            "$dlatch", "$adlatch", "$dlatchsr", "$_DLATCH_P_", "$_DLATCH_N_");

    final YosysNetlist netlist;
    final String moduleName;
    final NameTable names = new NameTable();
    final BitVectors bits = new BitVectors();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Wire> wires = new ArrayList<>();
    final List<Assign> assigns = new ArrayList<>();
    final List<Register> registers = new ArrayList<>();
    final List<Memory> memories = new ArrayList<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, List<YosysNetlist.NetName>> byBits = new HashMap<>();
    private final Map<YosysNetlist.Cell, String> outputNames = new LinkedHashMap<>();
    private final Map<YosysNetlist.Cell, List<String>> readPortNames = new HashMap<>();
    private final Map<Integer, Boolean> initBits = new HashMap<>();
    private final java.util.Set<String> drivenPorts = new java.util.HashSet<>();
    private ClockPlan clocks;

    final PowerUp powerUp;

    NetlistConversion(YosysNetlist netlist, String moduleName, PowerUp powerUp) {
        this.netlist = netlist;
        this.moduleName = moduleName;
        this.powerUp = powerUp;
    }

    /** The module, or a {@link DesignException} listing every construct that cannot be imported. */
    ModuleDef convert() {
        declarePorts();
        for (YosysNetlist.NetName n : netlist.netNames()) {
            if (!n.hidden()) byBits.computeIfAbsent(Arrays.toString(n.bits()), k -> new ArrayList<>()).add(n);
            if (n.init() != null) recordInit(n);
        }
        for (YosysNetlist.Cell c : netlist.cells()) classify(c);
        clocks = new ClockPlan(this);
        for (YosysNetlist.Cell c : netlist.cells()) {
            if (FLIP_FLOPS.contains(c.type()) || c.type().equals("$mem_v2")) clocks.note(c);
        }
        clocks.decide();
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) throw new DesignException(diagnostics);
        outputNames.forEach((cell, name) -> {
            try {
                if (FLIP_FLOPS.contains(cell.type())) {
                    registers.add(clocks.register(cell, name, initValue(cell.port("Q"))));
                } else {
                    drive(name, CellExpressions.of(cell, bits), cell.source());
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                error(cell.source(), name, "cannot import " + cell.type() + " cell: " + e.getMessage());
            }
        });
        for (YosysNetlist.Cell c : netlist.cells()) {
            if (c.type().equals("$mem_v2")) new MemoryConversion(this, clocks).convert(c, readPortNames.get(c));
        }
        keepVerilogNames();
        for (Port p : ports.values()) {
            if (p.direction() == Direction.OUT && drivenPorts.add(p.name())) {
                YosysNetlist.NetPort np = netlist.ports().stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
                assigns.add(new Assign(p.name(), BitVectors.as(bits.vector(np.bits()), p.type()), p.location()));
            }
        }
        for (int b : bits.undriven()) {
            warning(SourceLocation.UNKNOWN, "", "net bit " + b + " (" + describeBit(b) + ") has no driver; it reads as 0");
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) throw new DesignException(diagnostics);
        return new ModuleDef(moduleName, List.copyOf(ports.values()), clocks.domains(), wires, assigns, registers, memories,
                List.of(), Optional.empty(), location(netlist.ports().isEmpty() ? null : netlist.ports().getFirst().name()));
    }

    private void declarePorts() {
        for (YosysNetlist.NetPort p : netlist.ports()) {
            SourceLocation at = location(p.name());
            String name = NameTable.plain(p.name());
            names.take(name);
            if (p.bits().length == 0) {
                error(at, name, "port '" + p.name() + "' has no bits");
                continue;
            }
            Direction dir = switch (p.direction()) {
                case "input" -> Direction.IN;
                case "output" -> Direction.OUT;
                default -> {
                    error(at, name, "inout port '" + p.name() + "' cannot be imported: the IR has no tri-state nets");
                    yield Direction.IN;
                }
            };
            SignalType type = new SignalType(p.bits().length, p.signed());
            ports.put(name, new Port(name, dir, type, at));
            if (dir == Direction.IN && !bits.drive(p.bits(), name, type)) {
                error(at, name, "input port '" + p.name() + "' shares bits with another input");
            }
        }
    }

    /** Names the outputs of a cell (the pre-pass: every driver must be known before expressions are built). */
    private void classify(YosysNetlist.Cell c) {
        String type = c.type();
        if (CellExpressions.TYPES.contains(type)) {
            name(c, c.port("Y"), true, type);
        } else if (FLIP_FLOPS.contains(type)) {
            if (!c.flag("CLK_POLARITY")) {
                error(c.source(), "", "register clocked on the falling edge cannot be imported; every IR clock edge is rising");
            }
            name(c, c.port("Q"), false, "q");
        } else if (type.equals("$mem_v2")) {
            int width = c.integer("WIDTH");
            int[] data = c.port("RD_DATA");
            List<String> readNames = new ArrayList<>();
            for (int i = 0; i < c.integer("RD_PORTS"); i++) {
                int[] word = Arrays.copyOfRange(data, i * width, (i + 1) * width);
                boolean sync = c.bit("RD_CLK_ENABLE", i);
                String n = choose(word, !sync, NameTable.plain(c.parameters().getOrDefault("MEMID", "mem")) + "_rdata");
                SignalType t = SignalType.unsigned(width);
                if (!bits.drive(word, n, t)) error(c.source(), n, "memory read data is also driven elsewhere (multiply driven)");
                readNames.add(n);
            }
            readPortNames.put(c, readNames);
        } else if (type.equals("$mem")) {
            error(c.source(), "", "memory cell $mem (version 1) is not supported; run Yosys 0.10 or later (it writes $mem_v2)");
        } else if (UNSUPPORTED_STATE.contains(type)) {
            error(c.source(), "", "cannot import " + type + ": latches, asynchronous loads and set/reset flip-flops have no IR "
                    + "equivalent; describe the state with a clocked always block (and at most an asynchronous reset)");
        } else {
            error(c.source(), "", "cannot import Yosys cell " + type + " (" + c.name() + "): not supported by the importer"
                    + (Set.of("$div", "$mod", "$divfloor", "$modfloor", "$pow").contains(type) ? "; division, modulo and power "
                    + "by a non-constant have no IR operator" : ""));
        }
    }

    private void name(YosysNetlist.Cell c, int[] out, boolean portOk, String fallback) {
        String base = c.type().substring(1);
        String n = choose(out, portOk, "_" + (fallback.equals("q") ? "q" : base));
        outputNames.put(c, n);
        Port p = ports.get(n);
        SignalType t = p != null ? p.type() : SignalType.unsigned(out.length);
        if (!bits.drive(out, n, t)) error(c.source(), n, "a net is driven by more than one cell (multiply driven)");
    }

    /**
     * A name for the signal made of {@code bits}: an output port with exactly those bits (when
     * {@code portOk}), else the shallowest Verilog net name with exactly those bits, else a
     * fresh name from {@code fallback}.
     */
    String choose(int[] bitList, boolean portOk, String fallback) {
        List<YosysNetlist.NetName> candidates = new ArrayList<>(byBits.getOrDefault(Arrays.toString(bitList), List.of()));
        candidates.sort(Comparator.<YosysNetlist.NetName>comparingInt(n -> ports.containsKey(n.name()) ? 0 : 1)
                .thenComparingInt(n -> (int) n.name().chars().filter(ch -> ch == '.').count())
                .thenComparingInt(n -> n.name().length()).thenComparing(YosysNetlist.NetName::name));
        String portFallback = null;
        for (YosysNetlist.NetName cand : candidates) {
            Port p = ports.get(cand.name());
            if (p != null) {
                if (portOk && p.direction() == Direction.OUT && drivenPorts.add(p.name())) return p.name();
                if (portFallback == null) portFallback = p.name() + "_reg";
                continue;
            }
            String plain = NameTable.plain(cand.name());
            if (names.take(plain)) return plain;
        }
        return names.unique(portFallback != null ? portFallback : fallback);
    }

    /** Declares (unless it is an output port) and assigns the combinational signal {@code name}. */
    void drive(String name, Expr value, SourceLocation at) {
        Port p = ports.get(name);
        if (p == null) wires.add(new Wire(name, SignalType.unsigned(value.width()), at));
        assigns.add(new Assign(name, p == null ? BitVectors.unsigned(value) : BitVectors.as(value, p.type()), at));
    }

    /** Verilog names that no cell output took become wires, so they stay visible in waveforms and simulators. */
    private void keepVerilogNames() {
        for (YosysNetlist.NetName n : netlist.netNames()) {
            if (n.hidden() || ports.containsKey(n.name())) continue;
            String plain = NameTable.plain(n.name());
            if (!names.free(plain)) continue;
            boolean allDriven = Arrays.stream(n.bits()).allMatch(b -> b < 0 || bits.driver(b) != null);
            boolean constant = Arrays.stream(n.bits()).allMatch(b -> b < 0);
            if (!allDriven || constant || (n.name().contains(".") && bits.wholeSignal(n.bits()) != null)) continue;
            names.take(plain);
            drive(plain, bits.vector(n.bits()), n.source());
        }
    }

    private void recordInit(YosysNetlist.NetName n) {
        String v = n.init();
        for (int i = 0; i < n.bits().length && i < v.length(); i++) {
            char ch = v.charAt(v.length() - 1 - i);
            if (n.bits()[i] >= 0 && (ch == '0' || ch == '1')) initBits.put(n.bits()[i], ch == '1');
        }
    }

    /** The power-up value of a register from the nets' {@code init} attributes, if any bit has one. */
    private Optional<BigInteger> initValue(int[] q) {
        BigInteger v = BigInteger.ZERO;
        boolean any = false;
        for (int i = 0; i < q.length; i++) {
            Boolean b = initBits.get(q[i]);
            if (b != null) any = true;
            if (Boolean.TRUE.equals(b)) v = v.setBit(i);
        }
        return any ? Optional.of(v) : Optional.empty();
    }

    /** The port called {@code name} in the IR, if any. */
    Port port(String name) {
        return ports.get(name);
    }

    /** The input port whose only bit is {@code bit}, or null. */
    String singleBitInput(int bit) {
        BitVectors.Source s = bit < 0 ? null : bits.driver(bit);
        if (s == null) return null;
        Port p = ports.get(s.name());
        return p != null && p.direction() == Direction.IN && p.type().width() == 1 ? p.name() : null;
    }

    String describeBit(int bit) {
        for (YosysNetlist.NetName n : netlist.netNames()) {
            for (int i = 0; i < n.bits().length; i++) if (n.bits()[i] == bit) return n.name() + "[" + i + "]";
        }
        return "unnamed";
    }

    private SourceLocation location(String netName) {
        if (netName == null) return SourceLocation.UNKNOWN;
        return netlist.netNames().stream().filter(n -> n.name().equals(netName)).map(YosysNetlist.NetName::source)
                .findFirst().orElse(SourceLocation.UNKNOWN);
    }

    void error(SourceLocation at, String signal, String message) {
        diagnostics.add(Diagnostic.error(at, moduleName, signal, message));
    }

    void warning(SourceLocation at, String signal, String message) {
        diagnostics.add(Diagnostic.warning(at, moduleName, signal, message));
    }
}
