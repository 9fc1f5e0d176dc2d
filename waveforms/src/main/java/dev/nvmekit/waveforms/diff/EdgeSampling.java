package dev.nvmekit.waveforms.diff;

/** Which value of a signal counts at a clock edge. */
public enum EdgeSampling {
    /** The value just before the edge: what the flip-flops clocked by it capture. */
    BEFORE_EDGE,
    /** The value once everything at the edge's time has settled: what the flip-flops now hold. */
    AFTER_EDGE
}
