package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.nvme.ControllerVersion;
import dev.nvmekit.testbench.nvme.LbaFormat;
import dev.nvmekit.testbench.nvme.NvmIdentifyController;
import dev.nvmekit.testbench.nvme.PowerStateDescriptor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a simulated SSD's firmware is: its identity strings, namespaces and LBA formats, limits it
 * advertises in Identify Controller, and how fast it and its media are. Build one with
 * {@link #builder()}; every value is checked here so a bad configuration fails at construction
 * with a message naming the field.
 *
 * @param vid                      PCI vendor ID reported in Identify Controller
 * @param serialNumber             SN, at most 20 ASCII characters
 * @param modelNumber              MN, at most 40 ASCII characters
 * @param firmwareRevision         FR, at most 8 ASCII characters (also firmware slot 1)
 * @param version                  VER in Identify Controller; should match the front end's VS
 * @param controllerId             CNTLID
 * @param lbaFormats               LBA formats every namespace offers (e.g. 512 B and 4 KiB)
 * @param namespaces               namespaces of a fresh drive (ignored when the media already holds some)
 * @param maxNamespaces            NN and MNAN: the largest NSID
 * @param capacityBytes            TNVMCAP: bytes that namespaces may take in total
 * @param mdts                     MDTS, transfers up to 4096 × 2^mdts bytes (0: no limit)
 * @param sglSupported             whether SGLs are accepted for I/O (Identify SGLS bits 1:0 = 01b)
 * @param powerStates              PSD0..PSDn
 * @param maxIoQueues              I/O queue pairs granted by Set Features Number of Queues
 * @param commandSlots             commands the firmware holds at once before it stops taking SQEs
 * @param commandCycles            cycles the firmware spends on each command before its media work
 * @param aerLimit                 outstanding Asynchronous Event Requests allowed (AERL + 1)
 * @param abortLimit               concurrent Aborts allowed (ACL + 1)
 * @param errorLogEntries          Error Information log entries kept (ELPE + 1)
 * @param temperatureKelvin        composite temperature at power on
 * @param warningTemperatureKelvin WCTEMP, also the default over-temperature threshold
 * @param criticalTemperatureKelvin CCTEMP
 * @param clockHz                  simulated clock frequency, for SMART power-on hours
 * @param media                    media timing
 * @param nvmIdentify              the answer to Identify CNS 06h for the NVM Command Set (VSL, WZSL,
 *                                 DMRL, ...); empty for a controller that rejects that CNS as an
 *                                 Invalid Field, as one built before NVMe 2.0 may
 */
public record FirmwareConfig(int vid, String serialNumber, String modelNumber, String firmwareRevision,
                             ControllerVersion version, int controllerId, List<LbaFormat> lbaFormats,
                             List<NamespaceSpec> namespaces, int maxNamespaces, long capacityBytes, int mdts,
                             boolean sglSupported, List<PowerStateDescriptor> powerStates, int maxIoQueues,
                             int commandSlots, int commandCycles, int aerLimit, int abortLimit,
                             int errorLogEntries, int temperatureKelvin, int warningTemperatureKelvin,
                             int criticalTemperatureKelvin, long clockHz, MediaConfig media,
                             Optional<NvmIdentifyController> nvmIdentify) {

    public FirmwareConfig {
        requireAscii("serialNumber", serialNumber, 20);
        requireAscii("modelNumber", modelNumber, 40);
        requireAscii("firmwareRevision", firmwareRevision, 8);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(nvmIdentify, "nvmIdentify");
        range("vid", vid, 0, 0xFFFF);
        range("controllerId", controllerId, 0, 0xFFEF);
        lbaFormats = List.copyOf(lbaFormats);
        range("number of LBA formats", lbaFormats.size(), 1, 16);
        for (LbaFormat f : lbaFormats) {
            if (f.lbads() < 9 || f.lbads() > 16 || f.ms() != 0) {
                throw new IllegalArgumentException("LBA formats must be 512 B..64 KiB without metadata: " + f);
            }
        }
        range("maxNamespaces", maxNamespaces, 1, 1024);
        namespaces = List.copyOf(namespaces);
        Set<Integer> seen = new HashSet<>();
        long bytes = 0;
        for (NamespaceSpec ns : namespaces) {
            if (Integer.toUnsignedLong(ns.nsid()) > maxNamespaces) {
                throw new IllegalArgumentException("namespace " + ns.nsid() + " is above maxNamespaces " + maxNamespaces);
            }
            if (!seen.add(ns.nsid())) {
                throw new IllegalArgumentException("namespace " + ns.nsid() + " is configured twice");
            }
            if (ns.lbaFormatIndex() >= lbaFormats.size()) {
                throw new IllegalArgumentException("namespace " + ns.nsid() + " uses LBA format " + ns.lbaFormatIndex()
                        + " but only " + lbaFormats.size() + " are configured");
            }
            bytes += ns.blocks() * lbaFormats.get(ns.lbaFormatIndex()).blockSize();
        }
        if (bytes > capacityBytes) {
            throw new IllegalArgumentException("namespaces take " + bytes + " bytes, more than capacityBytes " + capacityBytes);
        }
        range("mdts", mdts, 0, 20);
        powerStates = List.copyOf(powerStates);
        range("number of power states", powerStates.size(), 1, 32);
        range("maxIoQueues", maxIoQueues, 1, 65535);
        range("commandSlots", commandSlots, 1, 65536);
        range("commandCycles", commandCycles, 1, 1_000_000);
        range("aerLimit", aerLimit, 1, 256);
        range("abortLimit", abortLimit, 1, 256);
        range("errorLogEntries", errorLogEntries, 1, 256);
        range("temperatureKelvin", temperatureKelvin, 0, 0xFFFF);
        range("warningTemperatureKelvin", warningTemperatureKelvin, 0, 0xFFFF);
        range("criticalTemperatureKelvin", criticalTemperatureKelvin, 0, 0xFFFF);
        if (clockHz < 1) {
            throw new IllegalArgumentException("clockHz must be positive, got " + clockHz);
        }
    }

    private static void range(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " = " + v + " is outside " + min + ".." + max);
        }
    }

    private static void requireAscii(String name, String s, int max) {
        Objects.requireNonNull(s, name);
        if (s.length() > max || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(name + " must be at most " + max + " printable ASCII characters: '" + s + "'");
        }
    }

    /** Largest data transfer in bytes, or {@code Long.MAX_VALUE} without a limit. */
    public long maxTransferBytes() {
        return mdts == 0 ? Long.MAX_VALUE : 4096L << mdts;
    }

    /** Five power states: PS0..PS2 operational at 25, 18 and 12 W, PS3 and PS4 non-operational. */
    public static List<PowerStateDescriptor> defaultPowerStates() {
        return List.of(
                PowerStateDescriptor.active(2500),
                new PowerStateDescriptor(1800, false, false, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0),
                new PowerStateDescriptor(1200, false, false, 0, 0, 2, 2, 2, 2, 0, 0, 0, 0, 0),
                new PowerStateDescriptor(500, true, true, 5_000, 10_000, 3, 3, 3, 3, 0, 0, 0, 0, 0),
                new PowerStateDescriptor(50, true, true, 10_000, 50_000, 4, 4, 4, 4, 0, 0, 0, 0, 0));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.vid = vid; b.serialNumber = serialNumber; b.modelNumber = modelNumber;
        b.firmwareRevision = firmwareRevision; b.version = version; b.controllerId = controllerId;
        b.lbaFormats = lbaFormats; b.namespaces = namespaces; b.maxNamespaces = maxNamespaces;
        b.capacityBytes = capacityBytes; b.mdts = mdts; b.sglSupported = sglSupported;
        b.powerStates = powerStates; b.maxIoQueues = maxIoQueues; b.commandSlots = commandSlots;
        b.commandCycles = commandCycles; b.aerLimit = aerLimit; b.abortLimit = abortLimit;
        b.errorLogEntries = errorLogEntries; b.temperatureKelvin = temperatureKelvin;
        b.warningTemperatureKelvin = warningTemperatureKelvin;
        b.criticalTemperatureKelvin = criticalTemperatureKelvin; b.clockHz = clockHz; b.media = media;
        b.nvmIdentify = nvmIdentify;
        return b;
    }

    /**
     * Defaults: one 64 MiB namespace of 512-byte blocks (formats 512 B and 4 KiB), four namespaces
     * at most in 256 MiB, MDTS 5 (128 KiB), SGLs supported, PS0..PS4, 16 I/O queues, 64 command
     * slots, 4 AERs, 40 °C, 250 MHz, {@link MediaConfig#DEFAULT} media, and Identify CNS 06h
     * answered with no limits (this firmware has none on Write Zeroes or Dataset Management).
     */
    public static final class Builder {
        private int vid = 0x1D1D;
        private String serialNumber = "NVMEKIT0001";
        private String modelNumber = "nvmekit simulated SSD";
        private String firmwareRevision = "1.0";
        private ControllerVersion version = ControllerVersion.NVME_1_4;
        private int controllerId = 1;
        private List<LbaFormat> lbaFormats = List.of(LbaFormat.ofBlockSize(512), LbaFormat.ofBlockSize(4096));
        private List<NamespaceSpec> namespaces = List.of(new NamespaceSpec(1, 131072, 0));
        private int maxNamespaces = 4;
        private long capacityBytes = 256L << 20;
        private int mdts = 5;
        private boolean sglSupported = true;
        private List<PowerStateDescriptor> powerStates = defaultPowerStates();
        private int maxIoQueues = 16;
        private int commandSlots = 64;
        private int commandCycles = 4;
        private int aerLimit = 4;
        private int abortLimit = 4;
        private int errorLogEntries = 64;
        private int temperatureKelvin = 313;
        private int warningTemperatureKelvin = 343;
        private int criticalTemperatureKelvin = 358;
        private long clockHz = 250_000_000L;
        private MediaConfig media = MediaConfig.DEFAULT;
        private Optional<NvmIdentifyController> nvmIdentify = Optional.of(NvmIdentifyController.NO_LIMITS);

        private Builder() {
        }

        public Builder vid(int v) { vid = v; return this; }
        public Builder serialNumber(String v) { serialNumber = v; return this; }
        public Builder modelNumber(String v) { modelNumber = v; return this; }
        public Builder firmwareRevision(String v) { firmwareRevision = v; return this; }
        public Builder version(ControllerVersion v) { version = v; return this; }
        public Builder controllerId(int v) { controllerId = v; return this; }
        public Builder lbaFormats(List<LbaFormat> v) { lbaFormats = v; return this; }
        public Builder namespaces(List<NamespaceSpec> v) { namespaces = v; return this; }
        public Builder maxNamespaces(int v) { maxNamespaces = v; return this; }
        public Builder capacityBytes(long v) { capacityBytes = v; return this; }
        public Builder mdts(int v) { mdts = v; return this; }
        public Builder sglSupported(boolean v) { sglSupported = v; return this; }
        public Builder powerStates(List<PowerStateDescriptor> v) { powerStates = v; return this; }
        public Builder maxIoQueues(int v) { maxIoQueues = v; return this; }
        public Builder commandSlots(int v) { commandSlots = v; return this; }
        public Builder commandCycles(int v) { commandCycles = v; return this; }
        public Builder aerLimit(int v) { aerLimit = v; return this; }
        public Builder abortLimit(int v) { abortLimit = v; return this; }
        public Builder errorLogEntries(int v) { errorLogEntries = v; return this; }
        public Builder temperatureKelvin(int v) { temperatureKelvin = v; return this; }
        public Builder warningTemperatureKelvin(int v) { warningTemperatureKelvin = v; return this; }
        public Builder criticalTemperatureKelvin(int v) { criticalTemperatureKelvin = v; return this; }
        public Builder clockHz(long v) { clockHz = v; return this; }
        public Builder media(MediaConfig v) { media = v; return this; }
        public Builder nvmIdentify(Optional<NvmIdentifyController> v) { nvmIdentify = v; return this; }

        public FirmwareConfig build() {
            return new FirmwareConfig(vid, serialNumber, modelNumber, firmwareRevision, version, controllerId,
                    lbaFormats, namespaces, maxNamespaces, capacityBytes, mdts, sglSupported, powerStates,
                    maxIoQueues, commandSlots, commandCycles, aerLimit, abortLimit, errorLogEntries,
                    temperatureKelvin, warningTemperatureKelvin, criticalTemperatureKelvin, clockHz, media, nvmIdentify);
        }
    }
}
