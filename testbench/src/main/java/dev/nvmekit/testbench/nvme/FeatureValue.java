package dev.nvmekit.testbench.nvme;

/**
 * The dword 11 encodings of the features a test bench sets and reads (NVMe Base Specification
 * 2.0, section 5.27.1). The same layout is what Get Features returns in completion dword 0;
 * for Number of Queues the completion carries the allocated counts (NSQA/NCQA) in it.
 */
public sealed interface FeatureValue {

    FeatureIdentifier fid();

    /** Command dword 11 for Set Features (or completion dword 0 of Get Features). */
    int dword11();

    /** Decodes dword 11 of a feature this interface models, or throws for one it does not. */
    static FeatureValue decode(FeatureIdentifier fid, int dw11) {
        return switch (fid) {
            case ARBITRATION -> Arbitration.decode(dw11);
            case POWER_MANAGEMENT -> PowerManagement.decode(dw11);
            case TEMPERATURE_THRESHOLD -> TemperatureThreshold.decode(dw11);
            case NUMBER_OF_QUEUES -> NumberOfQueues.decode(dw11);
            case INTERRUPT_COALESCING -> InterruptCoalescing.decode(dw11);
            case INTERRUPT_VECTOR_CONFIGURATION -> InterruptVectorConfiguration.decode(dw11);
            case ASYNCHRONOUS_EVENT_CONFIGURATION -> new AsyncEventConfiguration(dw11);
            case AUTONOMOUS_POWER_STATE_TRANSITION -> new AutonomousPowerStateTransition((dw11 & 1) != 0);
            default -> throw new IllegalArgumentException(fid.title() + " has no dword 11 model here");
        };
    }

    /**
     * 01h Arbitration: AB bits 2:0 (burst 2^AB, 111b no limit), LPW 15:8, MPW 23:16, HPW 31:24
     * (weights, 0's based, used only with weighted round robin).
     */
    record Arbitration(int ab, int lpw, int mpw, int hpw) implements FeatureValue {
        public static final int NO_LIMIT = 0b111;

        public Arbitration {
            Bits.checkRange("AB", ab, 0, 7);
            Bits.checkRange("LPW", lpw, 0, 0xFF);
            Bits.checkRange("MPW", mpw, 0, 0xFF);
            Bits.checkRange("HPW", hpw, 0, 0xFF);
        }

        static Arbitration decode(int d) {
            return new Arbitration(Bits.field(d, 2, 0), Bits.field(d, 15, 8), Bits.field(d, 23, 16),
                    Bits.field(d, 31, 24));
        }

        public FeatureIdentifier fid() {
            return FeatureIdentifier.ARBITRATION;
        }

        public int dword11() {
            return ab | lpw << 8 | mpw << 16 | hpw << 24;
        }

        /** Commands taken from one SQ per turn, or {@code Integer.MAX_VALUE} for no limit. */
        public int burst() {
            return ab == NO_LIMIT ? Integer.MAX_VALUE : 1 << ab;
        }
    }

    /** 02h Power Management: PS bits 4:0 power state, WH bits 7:5 workload hint. */
    record PowerManagement(int ps, int wh) implements FeatureValue {
        public PowerManagement {
            Bits.checkRange("PS", ps, 0, 31);
            Bits.checkRange("WH", wh, 0, 7);
        }

        static PowerManagement decode(int d) {
            return new PowerManagement(Bits.field(d, 4, 0), Bits.field(d, 7, 5));
        }

        public FeatureIdentifier fid() {
            return FeatureIdentifier.POWER_MANAGEMENT;
        }

        public int dword11() {
            return ps | wh << 5;
        }
    }

    /**
     * 04h Temperature Threshold: TMPTH bits 15:0 in Kelvin, TMPSEL 19:16 (0 composite, 1..8 sensor,
     * Fh all), THSEL 21:20 (00b over temperature, 01b under temperature).
     */
    record TemperatureThreshold(int kelvin, int tmpsel, int thsel) implements FeatureValue {
        public static final int OVER = 0;
        public static final int UNDER = 1;

        public TemperatureThreshold {
            Bits.checkRange("TMPTH", kelvin, 0, 0xFFFF);
            Bits.checkRange("TMPSEL", tmpsel, 0, 15);
            Bits.checkRange("THSEL", thsel, 0, 3);
        }

        static TemperatureThreshold decode(int d) {
            return new TemperatureThreshold(Bits.field(d, 15, 0), Bits.field(d, 19, 16), Bits.field(d, 21, 20));
        }

        public FeatureIdentifier fid() {
            return FeatureIdentifier.TEMPERATURE_THRESHOLD;
        }

        public int dword11() {
            return kelvin | tmpsel << 16 | thsel << 20;
        }
    }

    /**
     * 07h Number of Queues: NSQR bits 15:0, NCQR 31:16, both 0's based (FFFFh is invalid). Linux
     * asks for {@code (n - 1) | (n - 1) << 16} and uses min(NSQA, NCQA) + 1 from completion dword 0.
     */
    record NumberOfQueues(int nsqr, int ncqr) implements FeatureValue {
        public NumberOfQueues {
            Bits.checkRange("NSQR", nsqr, 0, 0xFFFF);
            Bits.checkRange("NCQR", ncqr, 0, 0xFFFF);
        }

        /** From counts of queues, as a host thinks of them. */
        public static NumberOfQueues ofCounts(int submissionQueues, int completionQueues) {
            return new NumberOfQueues(submissionQueues - 1, completionQueues - 1);
        }

        static NumberOfQueues decode(int d) {
            return new NumberOfQueues(Bits.field(d, 15, 0), Bits.field(d, 31, 16));
        }

        public FeatureIdentifier fid() {
            return FeatureIdentifier.NUMBER_OF_QUEUES;
        }

        public int dword11() {
            return nsqr | ncqr << 16;
        }

        /** I/O queue pairs usable when this value is the controller's answer (Linux nvme_set_queue_count). */
        public int usablePairs() {
            return Math.min(nsqr, ncqr) + 1;
        }
    }

    /** 08h Interrupt Coalescing: THR bits 7:0 (aggregation threshold, 0's based), TIME 15:8 in 100 µs. */
    record InterruptCoalescing(int thr, int time) implements FeatureValue {
        public InterruptCoalescing {
            Bits.checkRange("THR", thr, 0, 0xFF);
            Bits.checkRange("TIME", time, 0, 0xFF);
        }

        static InterruptCoalescing decode(int d) {
            return new InterruptCoalescing(Bits.field(d, 7, 0), Bits.field(d, 15, 8));
        }

        public FeatureIdentifier fid() {
            return FeatureIdentifier.INTERRUPT_COALESCING;
        }

        public int dword11() {
            return thr | time << 8;
        }
    }

    /** 09h Interrupt Vector Configuration: IV bits 15:0, CD (Coalescing Disable) bit 16. */
    record InterruptVectorConfiguration(int iv, boolean coalescingDisable) implements FeatureValue {
        public InterruptVectorConfiguration {
            Bits.checkRange("IV", iv, 0, 0xFFFF);
        }

        static InterruptVectorConfiguration decode(int d) {
            return new InterruptVectorConfiguration(Bits.field(d, 15, 0), Bits.bit(d, 16));
        }

        public FeatureIdentifier fid() {
            return FeatureIdentifier.INTERRUPT_VECTOR_CONFIGURATION;
        }

        public int dword11() {
            return iv | (coalescingDisable ? 1 << 16 : 0);
        }
    }

    /**
     * 0Bh Asynchronous Event Configuration: bits 7:0 enable SMART / Health events per Critical
     * Warning bit; bit 8 Namespace Attribute Notices, 9 Firmware Activation Notices, 10 Telemetry
     * Log Notices, 11 ANA Change Notices, 12 Predictable Latency, 13 LBA Status, 14 Endurance Group,
     * 31 Discovery Log Page Change. Kept whole so reserved or newer bits round trip.
     */
    record AsyncEventConfiguration(int value) implements FeatureValue {
        public static final int NAMESPACE_ATTRIBUTE_NOTICES = 1 << 8;
        public static final int FIRMWARE_ACTIVATION_NOTICES = 1 << 9;
        public static final int TELEMETRY_LOG_NOTICES = 1 << 10;
        public static final int ANA_CHANGE_NOTICES = 1 << 11;

        public FeatureIdentifier fid() {
            return FeatureIdentifier.ASYNCHRONOUS_EVENT_CONFIGURATION;
        }

        public int dword11() {
            return value;
        }

        public int smartHealthWarnings() {
            return value & 0xFF;
        }

        public boolean enabled(int noticeBit) {
            return (value & noticeBit) != 0;
        }
    }

    /**
     * 0Ch Autonomous Power State Transition: dword 11 bit 0 APSTE; the transition table is a
     * 256-byte data buffer, see {@link ApstTable}.
     */
    record AutonomousPowerStateTransition(boolean enable) implements FeatureValue {
        public FeatureIdentifier fid() {
            return FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION;
        }

        public int dword11() {
            return enable ? 1 : 0;
        }
    }
}
