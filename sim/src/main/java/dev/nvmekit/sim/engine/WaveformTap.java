package dev.nvmekit.sim.engine;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.netlist.FlatAssign;
import dev.nvmekit.sim.netlist.FlatNetlist;
import dev.nvmekit.sim.netlist.FlatSignal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Samples a simulation into a {@link WaveOutput}: one scope per instance (named as in the
 * source), the signals the options' scope filter selects, values written only when they
 * change and only for cycles inside the options' window. Clock inputs are drawn as square
 * waves from the schedule (high from each rising edge for half a period).
 *
 * <p>Sampling points: just before each clock edge the settled state is recorded at the time of
 * the previous edge (so pokes made after an edge show at that edge's time, like inputs a
 * testbench drives right after the clock), and the clocks' own transitions are placed at their
 * exact times.
 */
final class WaveformTap {
    private final NetlistSimulator sim;
    private final WaveOutput out;
    private final SimulationOptions options;
    private final ClockSchedule schedule;
    private final int[] ids;
    private final int[] handles;
    private final boolean[] wide;
    private final long[] last;
    private final BigInteger[] lastBig;
    /** Per clock, the handles of the waveform variables that show it: its port and every net wired to it. */
    private final int[][] clockHandles;
    private boolean started;

    private WaveformTap(NetlistSimulator sim, WaveOutput out, FlatNetlist net, SimulationOptions options, ClockSchedule schedule) {
        this.sim = sim;
        this.out = out;
        this.options = options;
        this.schedule = schedule;
        List<Integer> chosen = new ArrayList<>();
        List<Integer> chosenHandles = new ArrayList<>();
        Map<String, Integer> clockOf = clockNets(net, schedule);
        List<List<Integer>> clockVars = new ArrayList<>();
        for (int c = 0; c < schedule.clocks.size(); c++) clockVars.add(new ArrayList<>());
        List<String> open = new ArrayList<>();
        out.pushScope(net.design().top());
        for (String scope : net.scopes()) {
            if (!selected(scope, options)) continue;
            List<String> parts = scope.isEmpty() ? List.of() : List.of(scope.split("\\."));
            int common = 0;
            while (common < open.size() && common < parts.size() && open.get(common).equals(parts.get(common))) common++;
            while (open.size() > common) {
                out.popScope();
                open.removeLast();
            }
            for (int i = common; i < parts.size(); i++) {
                out.pushScope(parts.get(i));
                open.add(parts.get(i));
            }
            for (int id = 0; id < net.signals().size(); id++) {
                FlatSignal s = net.signals().get(id);
                if (!s.scope().equals(scope)) continue;
                int h = out.declare(s.local(), s.width());
                Integer clock = clockOf.get(s.path());
                if (clock != null) {
                    clockVars.get(clock).add(h);
                } else if (s.role() != FlatSignal.Role.CLOCK) {
                    chosen.add(id);
                    chosenHandles.add(h);
                }
            }
        }
        while (!open.isEmpty()) {
            out.popScope();
            open.removeLast();
        }
        out.popScope();
        clockHandles = clockVars.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        ids = chosen.stream().mapToInt(Integer::intValue).toArray();
        handles = chosenHandles.stream().mapToInt(Integer::intValue).toArray();
        wide = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) wide[i] = net.signals().get(ids[i]).width() > 64;
        last = new long[ids.length];
        lastBig = new BigInteger[ids.length];
    }

    /**
     * Which clock each clock net carries: the clock ports themselves and the nets that are plain
     * copies of them (an instance's clock input). Logic reads a clock as 0, so without this an
     * instance's {@code clk} would be drawn flat while other simulators show its edges.
     */
    private static Map<String, Integer> clockNets(FlatNetlist net, ClockSchedule schedule) {
        Map<String, Integer> clockOf = new HashMap<>();
        for (int c = 0; c < schedule.clocks.size(); c++) clockOf.put(schedule.clocks.get(c).port, c);
        for (FlatAssign a : net.assigns()) { // levelised: a copy comes after what it copies
            if (a.value() instanceof Expr.Ref r && clockOf.containsKey(r.name())) {
                clockOf.put(net.signals().get(a.target()).path(), clockOf.get(r.name()));
            }
        }
        return clockOf;
    }

    static WaveformTap open(NetlistSimulator sim, FlatNetlist net, SimulationOptions options, ClockSchedule schedule) {
        Path file = options.vcd().orElseThrow();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fst")) {
            throw new SimulationException("cannot write " + file + ": the embedded simulator writes VCD only;"
                    + " name the file .vcd, or run on the Verilator backend, which writes FST");
        }
        try {
            return new WaveformTap(sim, VcdWriterOutput.create(file), net, options, schedule);
        } catch (IOException e) {
            throw new SimulationException("cannot write waveform " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether instance path {@code scope} passes the scope and depth filter. */
    static boolean selected(String scope, SimulationOptions options) {
        int depth = scope.isEmpty() ? 1 : scope.split("\\.").length + 1;
        if (options.vcdDepth() > 0 && depth > options.vcdDepth()) return false;
        Set<String> scopes = options.vcdScopes();
        if (scopes.isEmpty()) return true;
        for (String s : scopes) {
            if (s.isEmpty() ? scope.isEmpty() : scope.equals(s) || scope.startsWith(s + ".")) return true;
        }
        return false;
    }

    private boolean inWindow(long cycle) {
        return cycle >= options.vcdFromCycle() && cycle <= options.vcdToCycle();
    }

    /** Records the state at {@code now} and the clock transitions up to the edge at {@code edge}. */
    void beforeEdge(long now, long edge, long cycle) {
        if (!inWindow(cycle)) return;
        sample(now);
        List<long[]> events = new ArrayList<>(); // {time, clock, level}
        for (int c = 0; c < schedule.clocks.size(); c++) {
            if (clockHandles[c].length == 0) continue;
            ClockSchedule.Clock k = schedule.clocks.get(c);
            boolean rises = k.nextRise - k.period == edge;
            long previousRise = k.nextRise - (rises ? 2 : 1) * k.period;
            long fall = previousRise + k.period / 2;
            if (previousRise >= 0 && fall > now && fall <= edge) events.add(new long[] {fall, c, 0});
            if (rises) events.add(new long[] {edge, c, 1});
        }
        events.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] e : events) {
            out.time(e[0]);
            for (int h : clockHandles[(int) e[1]]) out.change(h, e[2]);
        }
    }

    private void sample(long now) {
        out.time(now);
        if (!started) {
            for (int[] clock : clockHandles) for (int h : clock) out.change(h, 0L);
        }
        for (int i = 0; i < ids.length; i++) {
            if (wide[i]) {
                BigInteger v = sim.valueForWave(ids[i]);
                if (!started || !v.equals(lastBig[i])) {
                    out.change(handles[i], v);
                    lastBig[i] = v;
                }
            } else {
                long v = sim.narrowValueForWave(ids[i]);
                if (!started || v != last[i]) {
                    out.change(handles[i], v);
                    last[i] = v;
                }
            }
        }
        started = true;
    }

    /** Records the final state and closes the file. */
    void finish(long now, long cycle) {
        try {
            if (inWindow(cycle)) sample(now);
            out.close();
        } catch (IOException e) {
            throw new SimulationException("cannot finish waveform " + options.vcd().orElseThrow() + ": " + e.getMessage(), e);
        }
    }
}
