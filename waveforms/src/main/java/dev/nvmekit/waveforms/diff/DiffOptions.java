package dev.nvmekit.waveforms.diff;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link WaveformDiff} lines up and compares two dumps. Start from {@link #defaults()}:
 * identity names, every common signal, every change time, exact 4-state comparison.
 *
 * @param leftNames maps left-dump paths to compared names
 * @param rightNames maps right-dump paths to compared names
 * @param clock compared name of a clock: when present, values are compared only at its rising
 *     edges, the k-th edge of one dump against the k-th of the other
 * @param sampling which value counts at an edge
 * @param xz how x and z bits compare
 * @param only compared names to restrict to; empty means all signals present in both dumps
 * @param maxReported how many differences the report lists (all are counted)
 */
public record DiffOptions(SignalMapping leftNames, SignalMapping rightNames, Optional<String> clock,
        EdgeSampling sampling, XzPolicy xz, Set<String> only, int maxReported) {

    public DiffOptions {
        Objects.requireNonNull(leftNames, "leftNames");
        Objects.requireNonNull(rightNames, "rightNames");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(xz, "xz");
        only = Set.copyOf(only);
        if (maxReported < 1) {
            throw new IllegalArgumentException("maxReported must be positive");
        }
    }

    /** Identity names, all common signals, every change time, exact comparison, 100 reported. */
    public static DiffOptions defaults() {
        return new DiffOptions(SignalMapping.identity(), SignalMapping.identity(), Optional.empty(),
                EdgeSampling.BEFORE_EDGE, XzPolicy.EXACT, Set.of(), 100);
    }

    /** With this mapping for the left dump. */
    public DiffOptions mapLeft(SignalMapping mapping) {
        return new DiffOptions(mapping, rightNames, clock, sampling, xz, only, maxReported);
    }

    /** With this mapping for the right dump. */
    public DiffOptions mapRight(SignalMapping mapping) {
        return new DiffOptions(leftNames, mapping, clock, sampling, xz, only, maxReported);
    }

    /** Compares at the rising edges of the clock with this compared name. */
    public DiffOptions atRisingEdges(String clockName) {
        return new DiffOptions(leftNames, rightNames, Optional.of(clockName), sampling, xz, only, maxReported);
    }

    /** With this edge sampling. */
    public DiffOptions sampling(EdgeSampling edgeSampling) {
        return new DiffOptions(leftNames, rightNames, clock, edgeSampling, xz, only, maxReported);
    }

    /** With this x/z policy. */
    public DiffOptions xz(XzPolicy policy) {
        return new DiffOptions(leftNames, rightNames, clock, sampling, policy, only, maxReported);
    }

    /** Compares only these compared names. */
    public DiffOptions only(Set<String> names) {
        return new DiffOptions(leftNames, rightNames, clock, sampling, xz, names, maxReported);
    }

    /** Lists at most this many differences. */
    public DiffOptions maxReported(int n) {
        return new DiffOptions(leftNames, rightNames, clock, sampling, xz, only, n);
    }
}
