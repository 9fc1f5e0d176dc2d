package dev.nvmekit.testbench.port;

import java.util.Random;

/**
 * How many cycles host memory takes to answer a burst, from its address handshake to the first
 * response beat: a fixed value, uniform in a range, or long-tailed (mostly near a base value, now
 * and then far beyond it — the shape of a root complex under contention).
 */
public sealed interface Latency {

    /** A latency in cycles, at least 0. */
    long sample(Random random);

    static Latency fixed(long cycles) {
        return new Fixed(cycles);
    }

    static Latency uniform(long min, long max) {
        return new Uniform(min, max);
    }

    /** {@code base} plus, with probability {@code tailProbability}, an exponential tail of mean {@code tailMean}. */
    static Latency longTailed(long base, double tailProbability, long tailMean) {
        return new LongTailed(base, tailProbability, tailMean);
    }

    record Fixed(long cycles) implements Latency {
        public Fixed {
            if (cycles < 0) throw new IllegalArgumentException("latency must be >= 0 cycles, got " + cycles);
        }

        @Override
        public long sample(Random random) {
            return cycles;
        }
    }

    record Uniform(long min, long max) implements Latency {
        public Uniform {
            if (min < 0 || max < min) throw new IllegalArgumentException("uniform latency needs 0 <= min <= max, got " + min + ".." + max);
        }

        @Override
        public long sample(Random random) {
            return min + (long) (random.nextDouble() * (max - min + 1));
        }
    }

    record LongTailed(long base, double tailProbability, long tailMean) implements Latency {
        public LongTailed {
            if (base < 0 || tailMean < 0) throw new IllegalArgumentException("long-tailed latency needs base, tailMean >= 0");
            if (!(tailProbability >= 0 && tailProbability <= 1)) {
                throw new IllegalArgumentException("tail probability must be in [0, 1], got " + tailProbability);
            }
        }

        @Override
        public long sample(Random random) {
            if (random.nextDouble() >= tailProbability) return base;
            return base + (long) (-Math.log(1 - random.nextDouble()) * tailMean);
        }
    }
}
