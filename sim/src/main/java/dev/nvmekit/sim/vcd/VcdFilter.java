package dev.nvmekit.sim.vcd;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link VcdWriter} keeps: a time window and a set of scopes. Everything outside is
 * dropped at the writer, so long simulations can dump only the interesting part.
 *
 * <p>The window is inclusive, in the writer's time units. When it starts after time 0, the state
 * at {@code fromTime} is written as the {@code $dumpvars} block at that time, so a viewer still
 * sees correct values from the first instant of the window.
 *
 * <p>Scope roots are dotted instance paths ({@code "tb.dut.sq"}); a signal is kept when its scope
 * is a root or lies below one, at most {@code maxDepth} scope levels below it (0 keeps only the
 * signals declared directly in the root). With no roots the root is the top of the hierarchy, so
 * {@code depth(1)} keeps the signals of the top-level scopes only.
 *
 * @param fromTime first time kept
 * @param toTime last time kept
 * @param scopeRoots instance paths kept; empty means the whole hierarchy
 * @param maxDepth scope levels kept below each root
 */
public record VcdFilter(long fromTime, long toTime, List<String> scopeRoots, int maxDepth) {

    /** Keeps everything. */
    public static final VcdFilter ALL = new VcdFilter(0, Long.MAX_VALUE, List.of(), Integer.MAX_VALUE);

    public VcdFilter {
        if (fromTime < 0 || toTime < fromTime) {
            throw new IllegalArgumentException("bad time window [" + fromTime + ", " + toTime + "]");
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("negative depth " + maxDepth);
        }
        scopeRoots = List.copyOf(scopeRoots);
    }

    /** Keeps everything; start here and narrow with the {@code with}-style methods. */
    public static VcdFilter all() {
        return ALL;
    }

    /** This filter restricted to times {@code from..to} inclusive. */
    public VcdFilter window(long from, long to) {
        return new VcdFilter(from, to, scopeRoots, maxDepth);
    }

    /**
     * This filter restricted to clock cycles {@code firstCycle..lastCycle} inclusive, where cycle
     * k spans {@code [k*period, (k+1)*period)}.
     */
    public VcdFilter cycles(long firstCycle, long lastCycle, long period) {
        if (period <= 0) {
            throw new IllegalArgumentException("clock period must be positive, got " + period);
        }
        return window(Math.multiplyExact(firstCycle, period),
                Math.multiplyExact(Math.addExact(lastCycle, 1), period) - 1);
    }

    /** This filter restricted to the given dotted instance paths and what lies below them. */
    public VcdFilter scopes(String... roots) {
        return new VcdFilter(fromTime, toTime, List.of(roots), maxDepth);
    }

    /** This filter restricted to {@code levels} scope levels below each root. */
    public VcdFilter depth(int levels) {
        return new VcdFilter(fromTime, toTime, scopeRoots, levels);
    }

    /** Whether a change at time {@code t} is inside the window. */
    public boolean includesTime(long t) {
        return t >= fromTime && t <= toTime;
    }

    /** Whether signals declared directly in the scope with this path (outermost first) are kept. */
    public boolean includesScope(List<String> scopePath) {
        if (scopeRoots.isEmpty()) {
            return scopePath.size() <= maxDepth;
        }
        for (String root : scopeRoots) {
            List<String> rootPath = root.isEmpty() ? List.of() : Arrays.asList(root.split("\\."));
            if (scopePath.size() >= rootPath.size()
                    && scopePath.subList(0, rootPath.size()).equals(rootPath)
                    && scopePath.size() - rootPath.size() <= maxDepth) {
                return true;
            }
        }
        return false;
    }
}
