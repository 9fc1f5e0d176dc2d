package dev.nvmekit.waveforms.render;

/** Picks round tick times (1, 2 or 5 times a power of ten) so an axis gets about ten labels. */
final class TimeAxis {
    private TimeAxis() {
    }

    static long step(long span, int targetTicks) {
        long raw = Math.max(1, span / Math.max(1, targetTicks));
        long power = 1;
        while (power <= raw / 10) {
            power *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (power * m >= raw) {
                return power * m;
            }
        }
        return power * 10;
    }

    static long firstTick(long from, long step) {
        return (from + step - 1) / step * step;
    }
}
