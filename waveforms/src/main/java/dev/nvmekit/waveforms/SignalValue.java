package dev.nvmekit.waveforms;

/**
 * One value of a traced signal: a 4-state bit vector for nets and variables, or a real number
 * for {@code real} variables. Switch over it to handle both.
 */
public sealed interface SignalValue permits LogicValue, RealValue {

    /** Short text for a waveform picture: hex for vectors, the bit for scalars, the number for reals. */
    String display();
}
