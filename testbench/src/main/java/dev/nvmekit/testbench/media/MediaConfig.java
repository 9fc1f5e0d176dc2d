package dev.nvmekit.testbench.media;

/**
 * Timing of the flash behind the firmware model, in clock cycles of the simulation: a page
 * ({@code unitBytes}) takes {@code readCycles} to read and {@code programCycles} to program on
 * one channel, an erase block ({@code eraseBlockUnits} pages) {@code eraseCycles} to erase, and
 * {@code channels} channels work in parallel. Consecutive pages of a namespace are striped over
 * the channels, so a queue of commands finishes sooner than the same commands one at a time —
 * which is what makes queue depth matter in a simulated SSD.
 *
 * @param channels        independent channels, at least 1
 * @param unitBytes       page size in bytes, a power of two of at least 512
 * @param readCycles      cycles to read one page on a channel (0: instant)
 * @param programCycles   cycles to program one page
 * @param eraseCycles     cycles to erase one erase block
 * @param eraseBlockUnits pages per erase block, at least 1
 */
public record MediaConfig(int channels, int unitBytes, long readCycles, long programCycles, long eraseCycles,
                          int eraseBlockUnits) {
    /** Four channels, 4 KiB pages, read 50, program 200, erase 1000 cycles, 64-page erase blocks. */
    public static final MediaConfig DEFAULT = new MediaConfig(4, 4096, 50, 200, 1000, 64);
    /** Infinitely fast media, for tests about commands rather than timing. */
    public static final MediaConfig INSTANT = new MediaConfig(1, 4096, 0, 0, 0, 64);

    public MediaConfig {
        if (channels < 1) {
            throw new IllegalArgumentException("media needs at least one channel, got " + channels);
        }
        if (unitBytes < 512 || Integer.bitCount(unitBytes) != 1) {
            throw new IllegalArgumentException("media page size must be a power of two >= 512, got " + unitBytes);
        }
        if (readCycles < 0 || programCycles < 0 || eraseCycles < 0) {
            throw new IllegalArgumentException("media latencies must not be negative: read " + readCycles
                    + ", program " + programCycles + ", erase " + eraseCycles);
        }
        if (eraseBlockUnits < 1) {
            throw new IllegalArgumentException("an erase block holds at least one page, got " + eraseBlockUnits);
        }
    }
}
