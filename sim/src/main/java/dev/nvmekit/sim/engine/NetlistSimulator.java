package dev.nvmekit.sim.engine;

import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.sim.InitPolicy;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.netlist.FlatMemory;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatRegister;
import dev.nvmekit.sim.netlist.FlatSignal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the interpreter and the compiled simulator share: names and handles, checking what a
 * test pokes, lazy settling of combinational logic (evaluated only when an input or the state
 * changed since the last evaluation), the clock schedule, resets, initial state, backdoor memory
 * access and waveform dumping. A backend supplies the state storage and the two evaluation steps.
 *
 * <p>Uninitialised state: registers without an initial value and memory words without initial
 * contents start at zero, or at pseudo-random bits drawn from {@link SimulationOptions#seed()}
 * in netlist order with {@link InitPolicy#RANDOM}, identically on both embedded backends.
 * Clock inputs read as 0 inside the logic (they only mark edges).
 */
public abstract class NetlistSimulator implements Simulator {
    protected final FlatNetlist net;
    protected final SimulationOptions options;
    private final List<SignalInfo> infos = new ArrayList<>();
    private final Map<String, SignalInfo> byPath = new HashMap<>();
    private final ClockSchedule schedule;
    private final List<FlatRegister> asyncRegisters;
    private final int[] asyncTarget;
    private final long[] asyncActive;
    private boolean dirty = true;
    private boolean closed;
    private long cycle;
    private long time;
    private WaveformTap wave;

    protected NetlistSimulator(FlatNetlist net, SimulationOptions options) {
        this.net = net;
        this.options = options;
        for (int i = 0; i < net.signals().size(); i++) {
            FlatSignal s = net.signals().get(i);
            SignalInfo info = new SignalInfo(s.path(), s.width(), s.type().signed(), s.kind(), i);
            infos.add(info);
            byPath.put(s.path(), info);
        }
        if (net.clocks().size() > 64) throw new SimulationException("the design uses " + net.clocks().size() + " clocks; at most 64 are supported");
        this.schedule = new ClockSchedule(net, options.clocks());
        this.asyncRegisters = net.registers().stream().filter(r -> r.asyncReset() >= 0).toList();
        this.asyncTarget = asyncRegisters.stream().mapToInt(FlatRegister::target).toArray();
        this.asyncActive = asyncRegisters.stream().mapToLong(r -> r.asyncActiveHigh() ? 1 : 0).toArray();
    }

    // ---- what a backend provides -------------------------------------------------------------

    /** The value of signal {@code id} of at most 64 bits (bit pattern). */
    protected abstract long load(int id);

    /** The value of signal {@code id} as a non-negative bit pattern. */
    protected abstract BigInteger loadBig(int id);

    /** Sets signal {@code id} (an input or state) to a bit pattern already masked to its width. */
    protected abstract void store(int id, BigInteger pattern);

    /** Sets a signal of at most 64 bits to a bit pattern already masked to its width. */
    protected abstract void store(int id, long pattern);

    /** Evaluates every combinational assignment, in levelised order, from inputs and state. */
    protected abstract void evaluate();

    /** Performs rising edges of the netlist clocks in {@code clockMask} together; logic is settled before. */
    protected abstract void edge(long clockMask);

    /** One memory word. */
    protected abstract BigInteger loadWord(int memory, int index);

    /** Sets one memory word (pattern masked to the word width). */
    protected abstract void storeWord(int memory, int index, BigInteger pattern);

    /** Frees backend resources; called once by {@link #close()}. */
    protected void release() {
    }

    // ---- set-up -----------------------------------------------------------------------------

    /** Loads the initial state and opens the waveform; a backend calls this at the end of its constructor. */
    protected final void start() {
        SplittableRandom random = new SplittableRandom(options.seed());
        boolean randomInit = options.initPolicy() == InitPolicy.RANDOM;
        for (FlatRegister r : net.registers()) {
            int w = net.signals().get(r.target()).width();
            BigInteger v = r.initValue().orElseGet(() -> randomInit ? randomBits(random, w) : BigInteger.ZERO);
            store(r.target(), v);
        }
        for (int m = 0; m < net.memories().size(); m++) {
            FlatMemory mem = net.memories().get(m);
            int w = mem.wordType().width();
            for (int i = 0; i < mem.depth(); i++) {
                BigInteger v = i < mem.init().size() ? mem.init().get(i)
                        : randomInit && mem.init().isEmpty() ? randomBits(random, w) : BigInteger.ZERO;
                if (v.signum() != 0) storeWord(m, i, v);
            }
        }
        dirty = true;
        if (options.vcd().isPresent()) wave = WaveformTap.open(this, net, options, schedule);
    }

    private static BigInteger randomBits(SplittableRandom random, int width) {
        BigInteger v = BigInteger.ZERO;
        for (int done = 0; done < width; done += 64) v = v.or(BigInteger.valueOf(random.nextLong()).and(Bits.mask(64)).shiftLeft(done));
        return v.and(Bits.mask(width));
    }

    // ---- Simulator ----------------------------------------------------------------------------

    @Override
    public Design design() {
        return net.design();
    }

    @Override
    public List<SignalInfo> signals() {
        return List.copyOf(infos);
    }

    @Override
    public SignalInfo signal(String path) {
        checkOpen();
        SignalInfo s = byPath.get(path);
        if (s == null) {
            throw new SimulationException("no signal '" + path + "' in design " + net.design().top()
                    + NameSuggestion.hint(path, byPath.keySet()) + "; inside an instance use 'instance.signal'");
        }
        return s;
    }

    private SignalInfo own(SignalInfo s) {
        if (s.id() < 0 || s.id() >= infos.size() || !infos.get(s.id()).equals(s)) {
            throw new SimulationException("signal handle " + s.path() + " does not belong to this simulation; get it from signal(path)");
        }
        return s;
    }

    private SignalInfo pokable(SignalInfo s) {
        checkOpen();
        own(s);
        if (s.kind() != SignalInfo.Kind.INPUT) {
            throw new SimulationException("cannot poke '" + s.path() + "': it is " + (s.kind() == SignalInfo.Kind.OUTPUT ? "an output" : "an internal signal")
                    + "; only top-level inputs of " + net.design().top() + " can be driven");
        }
        if (net.signals().get(s.id()).role() == FlatSignal.Role.CLOCK) {
            throw new SimulationException("cannot poke '" + s.path() + "': it is a clock the simulator toggles; use step()");
        }
        return s;
    }

    @Override
    public void poke(SignalInfo input, long value) {
        pokable(input);
        int w = input.width();
        if (w < 64) {
            boolean fits = (value >>> w) == 0 || (input.signed() && value >> (w - 1) == -1L);
            if (!fits) throw tooWide(input, BigInteger.valueOf(value));
            value &= (1L << w) - 1;
        }
        if (w > 64) {
            if (value < 0 && !input.signed()) throw tooWide(input, BigInteger.valueOf(value));
            store(input.id(), BigInteger.valueOf(value).and(Bits.mask(w)));
        } else {
            if (load(input.id()) == value) return;
            store(input.id(), value);
        }
        dirty = true;
    }

    @Override
    public void poke(SignalInfo input, BigInteger value) {
        pokable(input);
        BigInteger p = pattern(input.path(), input.width(), input.signed(), value);
        // an unchanged input changes nothing: no evaluation is due (drivers re-poke idle ports every cycle)
        if (input.width() <= 64) {
            long x = p.longValue();
            if (load(input.id()) == x) return;
            store(input.id(), x);
        } else {
            if (loadBig(input.id()).equals(p)) return;
            store(input.id(), p);
        }
        dirty = true;
    }

    private static BigInteger pattern(String path, int w, boolean signed, BigInteger value) {
        boolean fits = value.signum() >= 0 ? value.bitLength() <= w : signed && value.bitLength() <= w - 1;
        if (!fits) {
            throw new SimulationException("value " + value + " (0x" + value.toString(16) + ") does not fit '" + path + "' of "
                    + w + (signed ? " signed" : "") + " bits; mask it or widen the port");
        }
        return value.signum() >= 0 ? value : value.and(Bits.mask(w));
    }

    private static SimulationException tooWide(SignalInfo s, BigInteger value) {
        return new SimulationException("value " + value + " does not fit '" + s.path() + "' of " + s.width()
                + (s.signed() ? " signed" : "") + " bits; mask it or widen the port");
    }

    @Override
    public long peek(SignalInfo signal) {
        checkOpen();
        own(signal);
        if (signal.width() > 64) throw new SimulationException("'" + signal.path() + "' is " + signal.width() + " bits wide; read it with peekBig");
        settle();
        return load(signal.id());
    }

    @Override
    public BigInteger peekBig(SignalInfo signal) {
        checkOpen();
        own(signal);
        settle();
        return loadBig(signal.id());
    }

    /** Evaluates the logic if anything changed since it was last evaluated, and applies asynchronous resets. */
    protected final void settle() {
        if (!dirty) return;
        evaluate();
        if (asyncTarget.length > 0) applyAsyncResets();
        dirty = false;
    }

    /** An asserted asynchronous reset holds its registers at their reset value at once, not only at the edge. */
    private void applyAsyncResets() {
        for (int round = 0; round <= asyncTarget.length; round++) {
            boolean changed = false;
            for (int i = 0; i < asyncTarget.length; i++) {
                FlatRegister r = asyncRegisters.get(i);
                if (load(r.asyncReset()) != asyncActive[i]) continue;
                if (!loadBig(asyncTarget[i]).equals(r.resetValue())) {
                    store(asyncTarget[i], r.resetValue());
                    changed = true;
                }
            }
            if (!changed) return;
            evaluate();
        }
    }

    @Override
    public void step(int cycles) {
        checkOpen();
        if (cycles < 0) throw new SimulationException("cannot step " + cycles + " cycles; time only goes forward");
        ClockSchedule.Clock primary = schedule.primary();
        for (int n = 0; n < cycles; n++) {
            boolean primaryRose;
            do {
                long t = schedule.nextEdgeTime();
                long mask = 0;
                primaryRose = false;
                for (ClockSchedule.Clock c : schedule.clocks) {
                    if (c.nextRise != t) continue;
                    if (c.netClock >= 0) mask |= 1L << c.netClock;
                    if (c == primary) primaryRose = true;
                    c.nextRise += c.period;
                }
                settle();
                if (wave != null) wave.beforeEdge(time, t, cycle);
                if (mask != 0) {
                    edge(mask);
                    dirty = true;
                }
                time = t;
            } while (!primaryRose);
            cycle++;
        }
    }

    @Override
    public void reset(int cycles) {
        checkOpen();
        ModuleDef top = net.design().topModule();
        String clk = schedule.primary().port;
        Optional<ClockDomain> domain = top.clockDomains().stream()
                .filter(d -> d.clock().equals(clk) && d.reset().isPresent()).findFirst();
        if (domain.isEmpty()) {
            throw new SimulationException("design " + top.name() + " has no reset in the domain of clock '" + clk + "'; drive its reset input with poke");
        }
        SignalInfo rst = signal(domain.get().reset().orElseThrow());
        boolean high = domain.get().kind().activeHigh();
        poke(rst, high ? 1 : 0);
        step(cycles);
        poke(rst, high ? 0 : 1);
    }

    @Override
    public long cycle() {
        return cycle;
    }

    @Override
    public long timePs() {
        return time;
    }

    @Override
    public MemoryInfo memory(String path) {
        checkOpen();
        int id = net.memoryId(path);
        if (id < 0) {
            throw new SimulationException("no memory '" + path + "' in design " + net.design().top()
                    + NameSuggestion.hint(path, net.memoryIndex().keySet()));
        }
        FlatMemory m = net.memories().get(id);
        return new MemoryInfo(m.path(), m.depth(), m.wordType().width(), id);
    }

    private FlatMemory ownMemory(MemoryInfo mem, int index) {
        checkOpen();
        if (mem.id() < 0 || mem.id() >= net.memories().size() || !net.memories().get(mem.id()).path().equals(mem.path())) {
            throw new SimulationException("memory handle " + mem.path() + " does not belong to this simulation; get it from memory(path)");
        }
        if (index < 0 || index >= mem.depth()) {
            throw new SimulationException("index " + index + " is outside memory '" + mem.path() + "' of depth " + mem.depth());
        }
        return net.memories().get(mem.id());
    }

    @Override
    public BigInteger readMemory(MemoryInfo memory, int index) {
        ownMemory(memory, index);
        return loadWord(memory.id(), index);
    }

    @Override
    public void writeMemory(MemoryInfo memory, int index, BigInteger value) {
        FlatMemory m = ownMemory(memory, index);
        storeWord(memory.id(), index, pattern(memory.path() + "[" + index + "]", m.wordType().width(), m.wordType().signed(), value));
        dirty = true;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        try {
            if (wave != null) {
                settle();
                wave.finish(time, cycle);
            }
        } finally {
            closed = true;
            release();
        }
    }

    private void checkOpen() {
        if (closed) throw new SimulationException("the simulation of " + net.design().top() + " is closed; open a new one");
    }

    /** The value of signal {@code id} for the waveform (settled). */
    final BigInteger valueForWave(int id) {
        return loadBig(id);
    }

    /** The value of a signal of at most 64 bits for the waveform (settled). */
    final long narrowValueForWave(int id) {
        return load(id);
    }
}
