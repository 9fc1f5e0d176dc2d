package dev.nvmekit.waveforms.diff;

import dev.nvmekit.waveforms.SignalValue;
import dev.nvmekit.waveforms.Timescale;

/**
 * One point where two dumps disagree.
 *
 * @param signal the compared name
 * @param timeFs when, in femtoseconds (the left dump's edge time in clock mode)
 * @param cycle the 0-based rising-edge index in clock mode, else -1
 * @param left the left dump's value
 * @param right the right dump's value
 */
public record Difference(String signal, long timeFs, long cycle, SignalValue left, SignalValue right) {

    @Override
    public String toString() {
        return signal + " at " + Timescale.formatFemtoseconds(timeFs) + (cycle >= 0 ? " (cycle " + cycle + ")" : "")
                + ": " + left.display() + " vs " + right.display();
    }
}
