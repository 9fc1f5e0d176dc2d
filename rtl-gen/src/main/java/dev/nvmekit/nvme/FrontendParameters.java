package dev.nvmekit.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The generator parameters of the NVMe front end, as listed in §2 of the integration contract
 * (shared/spec/nvme-frontend-ports.md), with the quantities derived from them. A record may hold
 * out-of-range values: {@link #problems()} names each one with its allowed range, and
 * {@link NvmeFrontend} reports them as elaboration errors at the caller's line.
 *
 * @param ioQueues        I/O SQ/CQ pairs (queue IDs 1..ioQueues; 0 is the admin pair), 1..1024
 * @param maxQueueEntries largest queue size, a power of two in 2..65536 (CAP.MQES = this − 1)
 * @param dmaDataBits     AXI4 master data width: 64, 128, 256 or 512
 * @param axiIdBits       AXI4 master ID width, 1..8
 * @param doorbellStride  CAP.DSTRD, 0..4
 * @param fetchBurst      most SQEs fetched by one AXI read burst, 1..16
 * @param msixVectors     MSI-X vectors, 1..2048
 * @param ticksPer100us   clock cycles in 100 µs (the unit of the coalescing time), at least 1
 */
public record FrontendParameters(int ioQueues, int maxQueueEntries, int dmaDataBits, int axiIdBits,
                                 int doorbellStride, int fetchBurst, int msixVectors, int ticksPer100us) {

    /** The contract's defaults. */
    public static final FrontendParameters DEFAULT = new FrontendParameters(16, 1024, 128, 4, 0, 4, 17, 25000);

    /** A copy with another {@code ioQueues}. */
    public FrontendParameters withIoQueues(int v) {
        return new FrontendParameters(v, maxQueueEntries, dmaDataBits, axiIdBits, doorbellStride, fetchBurst, msixVectors, ticksPer100us);
    }

    /** A copy with another {@code maxQueueEntries}. */
    public FrontendParameters withMaxQueueEntries(int v) {
        return new FrontendParameters(ioQueues, v, dmaDataBits, axiIdBits, doorbellStride, fetchBurst, msixVectors, ticksPer100us);
    }

    /** A copy with another {@code dmaDataBits}. */
    public FrontendParameters withDmaDataBits(int v) {
        return new FrontendParameters(ioQueues, maxQueueEntries, v, axiIdBits, doorbellStride, fetchBurst, msixVectors, ticksPer100us);
    }

    /** A copy with another {@code axiIdBits}. */
    public FrontendParameters withAxiIdBits(int v) {
        return new FrontendParameters(ioQueues, maxQueueEntries, dmaDataBits, v, doorbellStride, fetchBurst, msixVectors, ticksPer100us);
    }

    /** A copy with another {@code doorbellStride}. */
    public FrontendParameters withDoorbellStride(int v) {
        return new FrontendParameters(ioQueues, maxQueueEntries, dmaDataBits, axiIdBits, v, fetchBurst, msixVectors, ticksPer100us);
    }

    /** A copy with another {@code fetchBurst}. */
    public FrontendParameters withFetchBurst(int v) {
        return new FrontendParameters(ioQueues, maxQueueEntries, dmaDataBits, axiIdBits, doorbellStride, v, msixVectors, ticksPer100us);
    }

    /** A copy with another {@code msixVectors}. */
    public FrontendParameters withMsixVectors(int v) {
        return new FrontendParameters(ioQueues, maxQueueEntries, dmaDataBits, axiIdBits, doorbellStride, fetchBurst, v, ticksPer100us);
    }

    /** A copy with another {@code ticksPer100us}. */
    public FrontendParameters withTicksPer100us(int v) {
        return new FrontendParameters(ioQueues, maxQueueEntries, dmaDataBits, axiIdBits, doorbellStride, fetchBurst, msixVectors, v);
    }

    /** One message per out-of-range parameter, naming it, its value and its range; empty when all fit. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (ioQueues < 1 || ioQueues > 1024) p.add(range("ioQueues", ioQueues, "1..1024"));
        if (maxQueueEntries < 2 || maxQueueEntries > 65536 || Integer.bitCount(maxQueueEntries) != 1) {
            p.add(range("maxQueueEntries", maxQueueEntries, "a power of two in 2..65536"));
        }
        if (dmaDataBits != 64 && dmaDataBits != 128 && dmaDataBits != 256 && dmaDataBits != 512) {
            p.add(range("dmaDataBits", dmaDataBits, "one of 64, 128, 256, 512"));
        }
        if (axiIdBits < 1 || axiIdBits > 8) p.add(range("axiIdBits", axiIdBits, "1..8"));
        if (doorbellStride < 0 || doorbellStride > 4) p.add(range("doorbellStride", doorbellStride, "0..4"));
        if (fetchBurst < 1 || fetchBurst > 16) p.add(range("fetchBurst", fetchBurst, "1..16"));
        if (msixVectors < 1 || msixVectors > 2048) p.add(range("msixVectors", msixVectors, "1..2048"));
        if (ticksPer100us < 1) p.add(range("ticksPer100us", ticksPer100us, ">= 1"));
        return p;
    }

    /** This record with every out-of-range parameter replaced by its default (to keep elaborating and report all errors). */
    public FrontendParameters sanitized() {
        FrontendParameters d = DEFAULT;
        return new FrontendParameters(
                ioQueues >= 1 && ioQueues <= 1024 ? ioQueues : d.ioQueues,
                maxQueueEntries >= 2 && maxQueueEntries <= 65536 && Integer.bitCount(maxQueueEntries) == 1 ? maxQueueEntries : d.maxQueueEntries,
                dmaDataBits == 64 || dmaDataBits == 128 || dmaDataBits == 256 || dmaDataBits == 512 ? dmaDataBits : d.dmaDataBits,
                axiIdBits >= 1 && axiIdBits <= 8 ? axiIdBits : d.axiIdBits,
                doorbellStride >= 0 && doorbellStride <= 4 ? doorbellStride : d.doorbellStride,
                fetchBurst >= 1 && fetchBurst <= 16 ? fetchBurst : d.fetchBurst,
                msixVectors >= 1 && msixVectors <= 2048 ? msixVectors : d.msixVectors,
                ticksPer100us >= 1 ? ticksPer100us : d.ticksPer100us);
    }

    private static String range(String name, long value, String allowed) {
        return "parameter " + name + " = " + value + " is out of range: allowed " + allowed;
    }

    // ---- derived quantities --------------------------------------------------------------------

    /** Queue slots including the admin pair. */
    public int queueSlots() {
        return ioQueues + 1;
    }

    /** Address bits of a memory with one word per queue slot. */
    public int queueIndexBits() {
        return bitsToIndex(queueSlots());
    }

    /** Bytes per AXI4 data beat. */
    public int busBytes() {
        return dmaDataBits / 8;
    }

    /** AXI data beats per 64-byte SQE. */
    public int beatsPerSqe() {
        return 64 / busBytes();
    }

    /** AXI data beats per 16-byte CQE (2 on a 64-bit bus, else 1). */
    public int beatsPerCqe() {
        return Math.max(1, 16 / busBytes());
    }

    /** AxSIZE for full-width beats. */
    public int axiSize() {
        return Integer.numberOfTrailingZeros(busBytes());
    }

    /** Read bursts in flight at once: one reorder slot per AXI ID, at most four. */
    public int fetchSlots() {
        return Math.min(1 << axiIdBits, 4);
    }

    /** BAR0 offset bits decoded: the smallest power of two holding every doorbell. */
    public int barBits() {
        long end = 0x1000L + 2L * queueSlots() * (4L << doorbellStride);
        return Math.max(13, 64 - Long.numberOfLeadingZeros(end - 1));
    }

    /** Bits of the coalescing clock: enough for 255 × 100 µs, plus one so that differences never wrap early. */
    public int coalescingTimerBits() {
        long max = 255L * ticksPer100us;
        return 64 - Long.numberOfLeadingZeros(max) + 1;
    }

    /** Address bits of a memory of {@code depth} words. */
    static int bitsToIndex(int depth) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
    }
}
