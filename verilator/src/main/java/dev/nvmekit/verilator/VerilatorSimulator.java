package dev.nvmekit.verilator;

import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.InitPolicy;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Simulator} over a Verilator model in a shared library.
 *
 * <p>Peek and poke read and write the model's variables in place, with no native call; a peek
 * after a poke (or a memory write) first lets the model settle with one native {@code eval}.
 * {@link #step(int)} is one native call however many cycles it runs.
 *
 * <p>Time: every clock starts low at time 0 and rises first at its {@link ClockSpec#firstRisePs()};
 * {@code step} returns right after the primary clock's rising edge, so inputs poked between
 * steps change half a period before the next edge (and appear in the VCD at the falling edge).
 *
 * <p>Not thread-safe: one thread drives a simulation at a time.
 */
final class VerilatorSimulator implements Simulator {
    private final Design design;
    private final NativeModel model;
    private final List<SignalInfo> signals;
    private final SignalInfo[] byId;
    private final MemorySegment[] data;
    private final int[] bytes;
    private final boolean[] isClock;
    private final Map<String, SignalInfo> byPath = new HashMap<>();
    private final Map<String, String> invisible = new LinkedHashMap<>();
    private final Map<String, MemoryInfo> memories = new LinkedHashMap<>();
    private final MemoryInfo[] memoryById;
    private final MemorySegment[] memoryData;
    private final int[] memoryBytes;
    private final boolean hasClock;
    private final SignalInfo resetPort;
    private final boolean resetActiveHigh;
    private final SignalInfo[] asyncLowResets;
    private boolean powerUpPending;
    private long cycle;
    private boolean dirty;
    private boolean closed;

    VerilatorSimulator(Design design, Path library, SimulationOptions options) {
        this.design = design;
        boolean random = options.initPolicy() == InitPolicy.RANDOM;
        // Verilator's seed 0 means "from the clock"; every seed here must be reproducible.
        int seed = (int) (options.seed() ^ (options.seed() >>> 32));
        this.model = NativeModel.load(library, random ? 2 : 0, seed == 0 ? 1 : seed);
        try {
            ModelSignals map = ModelSignals.of(design);
            List<SignalInfo> infos = new ArrayList<>();
            List<MemorySegment> segs = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (ModelSignals.Entry e : map.signals()) {
                NativeModel.Variable v = model.variable(e.scope(), e.variable());
                if (v == null) {
                    invisible.put(e.path(), e.scope() + "." + e.variable());
                    continue;
                }
                if (v.bits() != e.type().width() || v.elements() != 1) {
                    throw new SimulationException("signal " + e.path() + " is " + e.type() + " in the design but " + v.bits()
                            + " bits x " + v.elements() + " in the Verilator model; the emitted Verilog does not match the design");
                }
                SignalInfo info = new SignalInfo(e.path(), e.type().width(), e.type().signed(), e.kind(), infos.size());
                infos.add(info);
                segs.add(v.data());
                sizes.add(v.elementBytes());
                byPath.put(info.path(), info);
            }
            signals = List.copyOf(infos);
            byId = infos.toArray(SignalInfo[]::new);
            data = segs.toArray(MemorySegment[]::new);
            bytes = sizes.stream().mapToInt(Integer::intValue).toArray();
            isClock = new boolean[byId.length];

            List<MemoryInfo> mems = new ArrayList<>();
            List<MemorySegment> memSegs = new ArrayList<>();
            List<Integer> memSizes = new ArrayList<>();
            for (ModelSignals.MemoryEntry e : map.memories()) {
                NativeModel.Variable v = model.variable(e.scope(), e.variable());
                if (v == null || v.elements() != e.depth() || v.bits() != e.wordType().width() || v.lowIndex() != 0) {
                    throw new SimulationException("memory " + e.path() + " (" + e.depth() + " x " + e.wordType()
                            + ") is not found as such in the Verilator model; the emitted Verilog does not match the design");
                }
                MemoryInfo info = new MemoryInfo(e.path(), e.depth(), e.wordType().width(), mems.size());
                mems.add(info);
                memSegs.add(v.data());
                memSizes.add(v.elementBytes());
                memories.put(info.path(), info);
            }
            memoryById = mems.toArray(MemoryInfo[]::new);
            memoryData = memSegs.toArray(MemorySegment[]::new);
            memoryBytes = memSizes.stream().mapToInt(Integer::intValue).toArray();

            List<ClockSpec> clocks = clocks(design, options.clocks());
            for (int i = 0; i < clocks.size(); i++) {
                ClockSpec c = clocks.get(i);
                SignalInfo port = byPath.get(c.port());
                if (port == null || port.kind() != SignalInfo.Kind.INPUT || port.width() != 1 || !model.addClock(c.port(), c.periodPs(), c.firstRisePs(), i == 0)) {
                    throw new SimulationException("clock " + c.port() + " is not a 1-bit input of " + design.top());
                }
                isClock[port.id()] = true;
            }
            hasClock = !clocks.isEmpty();
            ClockDomain primary = hasClock ? primaryDomain(design, clocks.getFirst().port()) : null;
            if (primary != null && primary.kind() != ResetKind.NONE) {
                resetPort = byPath.get(primary.reset().orElseThrow());
                resetActiveHigh = primary.kind().activeHigh();
            } else {
                resetPort = null;
                resetActiveHigh = true;
            }
            // Inputs start at zero on every backend (Verilator's random init would randomise them too).
            for (SignalInfo s : signals) {
                if (s.kind() == SignalInfo.Kind.INPUT) StoredBits.writeLong(data[s.id()], 0, bytes[s.id()], 0);
            }
            asyncLowResets = design.topModule().clockDomains().stream()
                    .filter(d -> d.kind() == ResetKind.ASYNC_LOW && d.reset().isPresent())
                    .map(d -> byPath.get(d.reset().get())).filter(java.util.Objects::nonNull).distinct().toArray(SignalInfo[]::new);
            powerUpPending = asyncLowResets.length > 0;
            if (options.vcd().isPresent()) {
                Path vcd = options.vcd().get().toAbsolutePath();
                java.nio.file.Files.createDirectories(vcd.getParent());
                model.openTrace(vcd, VcdScopes.dumpvars(design.top(), options.vcdScopes(), options.vcdDepth()),
                        options.vcdFromCycle(), options.vcdToCycle());
            }
            model.eval();
        } catch (RuntimeException | java.io.IOException e) {
            model.close();
            if (e instanceof SimulationException s) throw s;
            throw new SimulationException("cannot start the Verilator simulation of " + design.top() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The given clocks, then every other clock of the top's domains at the primary's period and
     * phase (as on the embedded backend); by default the primary is {@code clk}.
     */
    private static List<ClockSpec> clocks(Design design, List<ClockSpec> given) {
        List<ClockSpec> clocks = new ArrayList<>(given);
        if (clocks.isEmpty()) {
            if (design.topModule().port("clk").isPresent()) clocks.add(ClockSpec.of("clk"));
            else design.topModule().clockDomains().stream().findFirst().ifPresent(d -> clocks.add(ClockSpec.of(d.clock())));
        }
        java.util.Set<String> ports = new java.util.HashSet<>();
        for (ClockSpec c : clocks) {
            if (!ports.add(c.port())) throw new SimulationException("clock " + c.port() + " is given twice");
        }
        if (!clocks.isEmpty()) {
            ClockSpec primary = clocks.getFirst();
            for (ClockDomain d : design.topModule().clockDomains()) {
                if (ports.add(d.clock())) clocks.add(new ClockSpec(d.clock(), primary.periodPs(), primary.firstRisePs()));
            }
        }
        return clocks;
    }

    private static ClockDomain primaryDomain(Design design, String clockPort) {
        for (ClockDomain d : design.topModule().clockDomains()) {
            if (d.clock().equals(clockPort)) return d;
        }
        return null;
    }

    @Override
    public Design design() {
        return design;
    }

    @Override
    public List<SignalInfo> signals() {
        return signals;
    }

    @Override
    public SignalInfo signal(String path) {
        open();
        SignalInfo s = byPath.get(path);
        if (s != null) return s;
        if (invisible.containsKey(path)) {
            throw new SimulationException("signal '" + path + "' of " + design.top() + " was optimised out of the Verilator model ("
                    + invisible.get(path) + " is not public); peek a signal that drives it instead");
        }
        throw new SimulationException(SignalNames.unknown("signal", path, design.top(), byPath.keySet()));
    }

    private SignalInfo checked(SignalInfo s) {
        open();
        int id = s.id();
        if (id < 0 || id >= byId.length || (byId[id] != s && !byId[id].equals(s))) {
            throw new SimulationException("signal handle " + s.path() + " does not belong to this simulation of " + design.top()
                    + "; get handles from this simulator's signal(path)");
        }
        return byId[id];
    }

    private SignalInfo pokable(SignalInfo s) {
        SignalInfo c = checked(s);
        if (c.kind() != SignalInfo.Kind.INPUT) {
            throw new SimulationException("cannot poke '" + c.path() + "': it is " + (c.kind() == SignalInfo.Kind.OUTPUT ? "an output" : "an internal signal")
                    + "; only top-level inputs of " + design.top() + " can be driven");
        }
        if (isClock[c.id()]) throw new SimulationException("cannot poke '" + c.path() + "': it is a clock the simulator toggles; use step()");
        return c;
    }

    @Override
    public void poke(SignalInfo input, long value) {
        SignalInfo s = pokable(input);
        int w = s.width();
        long pattern = value;
        if (w < 64) {
            long mask = (1L << w) - 1;
            boolean fits = (value & ~mask) == 0 || (s.signed() && value < 0 && value >= -(1L << (w - 1)));
            if (!fits) throw tooWide(s, "value " + value);
            pattern = value & mask;
        }
        StoredBits.writeLong(data[s.id()], 0, bytes[s.id()], pattern);
        dirty = true;
    }

    @Override
    public void poke(SignalInfo input, BigInteger value) {
        SignalInfo s = pokable(input);
        BigInteger pattern = value;
        if (value.signum() < 0) {
            if (!s.signed() || value.bitLength() >= s.width()) throw tooWide(s, hex(value));
            pattern = value.add(BigInteger.ONE.shiftLeft(s.width()));
        } else if (value.bitLength() > s.width()) {
            throw tooWide(s, hex(value));
        }
        StoredBits.writeBig(data[s.id()], 0, bytes[s.id()], pattern);
        dirty = true;
    }

    private static String hex(BigInteger value) {
        return "value " + value + " (0x" + value.toString(16) + ")";
    }

    private static SimulationException tooWide(SignalInfo s, String value) {
        return new SimulationException(value + " does not fit '" + s.path() + "' of " + s.width()
                + (s.signed() ? " signed" : "") + " bits; mask it or widen the port");
    }

    @Override
    public long peek(SignalInfo signal) {
        SignalInfo s = checked(signal);
        if (s.width() > 64) {
            throw new SimulationException("'" + s.path() + "' is " + s.width() + " bits wide; read it with peekBig");
        }
        settle();
        long v = StoredBits.readLong(data[s.id()], 0, bytes[s.id()]);
        return s.width() == 64 ? v : v & ((1L << s.width()) - 1);
    }

    @Override
    public BigInteger peekBig(SignalInfo signal) {
        SignalInfo s = checked(signal);
        settle();
        BigInteger v = StoredBits.readBig(data[s.id()], 0, bytes[s.id()]);
        return v.bitLength() > s.width() ? v.and(BigInteger.ONE.shiftLeft(s.width()).subtract(BigInteger.ONE)) : v;
    }

    /**
     * An asynchronous active-low reset input starts at 0, that is asserted. The embedded backend
     * resets such a domain when it first settles with the reset still low (as Icarus does, where
     * the input's change from x to 0 at time 0 is an edge); Verilator sees no edge in an input
     * that was always 0. So at the first evaluation, a reset still low is raised and lowered once,
     * before time 0 and outside the waveform.
     */
    private void powerUp() {
        powerUpPending = false;
        List<SignalInfo> low = new ArrayList<>();
        for (SignalInfo r : asyncLowResets) {
            if (StoredBits.readLong(data[r.id()], 0, bytes[r.id()]) == 0) low.add(r);
        }
        if (low.isEmpty()) return;
        for (SignalInfo r : low) StoredBits.writeLong(data[r.id()], 0, bytes[r.id()], 1);
        model.eval();
        for (SignalInfo r : low) StoredBits.writeLong(data[r.id()], 0, bytes[r.id()], 0);
        dirty = true;
    }

    private void settle() {
        if (powerUpPending) powerUp();
        if (dirty) {
            model.eval();
            dirty = false;
        }
    }

    @Override
    public void step(int cycles) {
        open();
        if (cycles < 0) throw new SimulationException("cannot step " + cycles + " cycles; time only goes forward");
        if (!hasClock) {
            throw new SimulationException(design.top() + " has no clock input clk: name its clock with SimulationOptions.withClocks(...)");
        }
        if (cycles == 0) return;
        if (powerUpPending) powerUp();
        model.step(cycles);
        dirty = false;
        cycle += cycles;
    }

    @Override
    public void reset(int cycles) {
        open();
        if (resetPort == null) {
            throw new SimulationException("the primary clock domain of " + design.top() + " has no reset port to assert");
        }
        StoredBits.writeLong(data[resetPort.id()], 0, bytes[resetPort.id()], resetActiveHigh ? 1 : 0);
        dirty = true;
        step(cycles);
        StoredBits.writeLong(data[resetPort.id()], 0, bytes[resetPort.id()], resetActiveHigh ? 0 : 1);
        dirty = true;
    }

    @Override
    public long cycle() {
        return cycle;
    }

    @Override
    public long timePs() {
        open();
        return model.timePs();
    }

    @Override
    public MemoryInfo memory(String path) {
        open();
        MemoryInfo m = memories.get(path);
        if (m == null) throw new SimulationException(SignalNames.unknown("memory", path, design.top(), memories.keySet()));
        return m;
    }

    private MemoryInfo checked(MemoryInfo m, int index) {
        open();
        int id = m.id();
        if (id < 0 || id >= memoryById.length || !memoryById[id].equals(m)) {
            throw new SimulationException("memory handle " + m.path() + " does not belong to this simulation of " + design.top());
        }
        if (index < 0 || index >= m.depth()) {
            throw new SimulationException("index " + index + " is outside memory '" + m.path() + "' of depth " + m.depth());
        }
        return memoryById[id];
    }

    @Override
    public BigInteger readMemory(MemoryInfo memory, int index) {
        MemoryInfo m = checked(memory, index);
        int b = memoryBytes[m.id()];
        return StoredBits.readBig(memoryData[m.id()], (long) index * b, b);
    }

    @Override
    public void writeMemory(MemoryInfo memory, int index, BigInteger value) {
        MemoryInfo m = checked(memory, index);
        if (value.signum() < 0 || value.bitLength() > m.width()) {
            throw new SimulationException("value " + value + " (0x" + value.toString(16) + ") does not fit '" + m.path() + "[" + index + "]' of "
                    + m.width() + " bits; give the word's bit pattern, 0 <= value < 2^" + m.width());
        }
        int b = memoryBytes[m.id()];
        StoredBits.writeBig(memoryData[m.id()], (long) index * b, b, value);
        dirty = true;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        model.close();
    }

    private void open() {
        if (closed) throw new SimulationException("the simulation of " + design.top() + " is closed; open a new one");
    }
}
