package dev.nvmekit.sim;

/**
 * What registers and memories without an initial value hold before reset: zero (the default),
 * or pseudo-random bits from a seed, which catches logic that relies on state it never reset.
 */
public enum InitPolicy { ZERO, RANDOM }
