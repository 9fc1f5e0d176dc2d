package dev.nvmekit.testbench.host;

import dev.nvmekit.testbench.nvme.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bring-up steps that Linux takes only when the controller advertises them: from
 * {@code nvme_init_ctrl_finish} the Commands Supported and Effects log (Identify Controller LPA
 * bit 1), Autonomous Power State Transition (APSTA bit 0) and the Timestamp (ONCS bit 6); from
 * {@code nvme_scan_ns} the Namespace Identification Descriptor list (Identify CNS 03h, from NVMe
 * 1.3 on) before Identify Namespace; and at the start of every {@code nvme_scan_work}, from
 * {@code nvme_init_non_mdts_limits}, the NVM Command Set's Identify Controller (CNS 06h). Like Linux
 * it tolerates a controller that answers any of them with an error status; only a failed
 * descriptor list drops the namespace.
 */
public final class ControllerSetup {
    /** {@code default_ps_max_latency_us}: no autonomous transition to a state slower than this to leave. */
    static final long PS_MAX_LATENCY_US = 100_000;
    /** {@code apst_primary_timeout_ms} / {@code apst_primary_latency_tol_us}. */
    static final long APST_PRIMARY_TIMEOUT_MS = 100, APST_PRIMARY_LATENCY_TOL_US = 15_000;
    /** {@code apst_secondary_timeout_ms} / {@code apst_secondary_latency_tol_us}. */
    static final long APST_SECONDARY_TIMEOUT_MS = 2_000, APST_SECONDARY_LATENCY_TOL_US = 100_000;
    /** The host's wall clock at simulated time 0, so the Timestamp a test sees is reproducible. */
    public static final long SIMULATED_EPOCH_MILLIS = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();
    private static final int VS_1_3 = new ControllerVersion(1, 3, 0).encode();
    /** nvme_id_cns_ok: CNS is a full byte (so 06h can be sent) from NVMe 1.2; 1.1 has two bits, 1.0 one. */
    private static final int VS_1_2 = new ControllerVersion(1, 2, 0).encode();
    /** CNTRLTYPE 3h: an administrative controller, which has no I/O command set ({@code nvme_admin_ctrl}). */
    static final int CNTRLTYPE_ADMIN = 3;
    /** ONCS bit 3: Write Zeroes. */
    static final int ONCS_WRITE_ZEROES = 1 << 3;
    /** max_hw_sectors without MDTS, and {@code nvme_mps_to_sectors} on overflow: UINT_MAX. */
    static final long UINT_MAX = 0xFFFF_FFFFL;

    private final HostDriver d;
    private CommandsSupportedAndEffectsLog effects;
    private ApstTable apst;
    private Long timestampSent;
    private int vs;
    private final Map<Integer, NamespaceIdentificationDescriptorList> descriptors = new LinkedHashMap<>();
    private NvmIdentifyController nvmLimits;
    /** NVME_CTRL_SKIP_ID_CNS_CS: the controller answered CNS 06h with an error once; never asked again. */
    private boolean skipNvmIdentify;
    private long maxZeroesSectors;

    ControllerSetup(HostDriver driver) {
        this.d = driver;
    }

    /** The Commands Supported and Effects log as read at the first bring-up, if LPA advertised it. */
    public Optional<CommandsSupportedAndEffectsLog> commandEffects() {
        return Optional.ofNullable(effects);
    }

    /** The APST table set at the last bring-up (APSTE 1), if APSTA advertised the feature. */
    public Optional<ApstTable> apstTable() {
        return Optional.ofNullable(apst);
    }

    /** The Timestamp (ms since the epoch) set at the last bring-up, if ONCS bit 6 advertised it. */
    public Optional<Long> timestampSent() {
        return Optional.ofNullable(timestampSent);
    }

    /** The Namespace Identification Descriptors of {@code nsid} from the last scan (empty before NVMe 1.3). */
    public Optional<NamespaceIdentificationDescriptorList> descriptors(int nsid) {
        return Optional.ofNullable(descriptors.get(nsid));
    }

    /** What Identify CNS 06h (NVM Command Set) answered at the last scan that sent it ({@code ctrl->dmrl}, {@code dmrsl}, ...). */
    public Optional<NvmIdentifyController> nvmLimits() {
        return Optional.ofNullable(nvmLimits);
    }

    /**
     * {@code ctrl->max_zeroes_sectors} after the last scan, in 512-byte sectors: 0 without ONCS
     * Write Zeroes, else WZSL's limit when CNS 06h gave one, else MDTS's (UINT_MAX without MDTS).
     * The PCI transport's own cap on {@code max_hw_sectors} is not modelled.
     */
    public long maxWriteZeroesSectors() {
        return maxZeroesSectors;
    }

    /** {@code nvme_init_identify} after Identify Controller, then {@code nvme_configure_apst} and {@code nvme_configure_timestamp}. */
    void initCtrlFinish(IdentifyController id, int vs) {
        this.vs = vs;
        // nvme_get_effects_log keeps the log in ctrl->cels: a reset does not read it again.
        if ((id.lpa() & IdentifyController.LPA_COMMAND_EFFECTS) != 0 && effects == null) {
            byte[] log = readAdminData(GetLogPageCommand.of(LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS,
                    CommandsSupportedAndEffectsLog.SIZE).applyTo(SubmissionQueueEntry.builder(AdminOpcode.GET_LOG_PAGE)),
                    CommandsSupportedAndEffectsLog.SIZE);
            if (log != null) effects = CommandsSupportedAndEffectsLog.parse(log);
        }
        configureApst(id);
        if ((id.oncs() & IdentifyController.ONCS_TIMESTAMP) != 0) {
            long now = SIMULATED_EPOCH_MILLIS + d.nowNs() / 1_000_000;
            HostRequest r = writeAdminData(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES)
                    .cdw10(FeatureIdentifier.TIMESTAMP.setFeaturesCdw10(false)), Timestamp.ofMillis(now).build());
            if (r.status().isSuccess()) timestampSent = now;
            else d.info("could not set timestamp (" + r.status() + ")");
        }
    }

    /** nvme_configure_apst with its default module parameters: the table built from the power state descriptors. */
    private void configureApst(IdentifyController id) {
        if ((id.apsta() & 1) == 0) return;
        List<ApstTable.Entry> entries = new ArrayList<>(Collections.nCopies(ApstTable.ENTRIES, ApstTable.Entry.NONE));
        ApstTable.Entry target = null;
        int lastToleranceIndex = Integer.MAX_VALUE;
        int maxPs = -1;
        long maxLatency = 0;
        // From the lowest-power state up: each state's entry is the deepest usable state below it.
        for (int state = id.npss(); state >= 0; state--) {
            if (target != null) entries.set(state, target);
            PowerStateDescriptor ps = id.powerStates().get(state);
            if (!ps.nops() || Integer.toUnsignedLong(ps.exlat()) > PS_MAX_LATENCY_US) continue;
            long total = Integer.toUnsignedLong(ps.exlat()) + Integer.toUnsignedLong(ps.enlat());
            long transitionMs;
            // nvme_apst_get_transition_time: each tolerance class is used once, the deepest state first.
            if (total <= APST_PRIMARY_LATENCY_TOL_US) {
                if (lastToleranceIndex == 1) continue;
                lastToleranceIndex = 1;
                transitionMs = APST_PRIMARY_TIMEOUT_MS;
            } else if (total <= APST_SECONDARY_LATENCY_TOL_US) {
                if (lastToleranceIndex <= 2) continue;
                lastToleranceIndex = 2;
                transitionMs = APST_SECONDARY_TIMEOUT_MS;
            } else {
                continue;
            }
            target = new ApstTable.Entry(state, (int) transitionMs);
            if (maxPs == -1) maxPs = state;
            maxLatency = Math.max(maxLatency, total);
        }
        ApstTable table = new ApstTable(entries);
        HostRequest r = writeAdminData(SubmissionQueueEntry.builder(AdminOpcode.SET_FEATURES)
                .cdw10(FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION.setFeaturesCdw10(false))
                .cdw11(new FeatureValue.AutonomousPowerStateTransition(true).dword11()), table.build());
        if (!r.status().isSuccess()) {
            d.info("failed to set APST feature (" + r.status() + ")");
            return;
        }
        apst = table;
        d.info(maxPs == -1 ? "APST enabled but no non-operational states are available"
                : String.format("APST enabled: max PS = %d, max round-trip latency = %dus", maxPs, maxLatency));
    }

    /**
     * nvme_scan_work: the non-MDTS limits, the active list, then each namespace; returns what
     * Identify Namespace said of those kept, or null when the scan stopped early and the
     * namespaces stay as they were.
     */
    Map<Integer, IdentifyNamespace> scan() {
        if (!initNonMdtsLimits()) return null;
        Map<Integer, IdentifyNamespace> found = new LinkedHashMap<>();
        descriptors.clear();
        for (int nsid : d.activeNamespaces().nsids()) {
            IdentifyNamespace ns = scanNamespace(nsid);
            if (ns != null) found.put(nsid, ns);
        }
        return found;
    }

    /** nvme_init_non_mdts_limits; false when the command was cancelled (a negative errno), which ends the scan. */
    private boolean initNonMdtsLimits() {
        IdentifyController id = d.identify;
        long maxHwSectors = id.mdts() == 0 ? UINT_MAX : mpsToSectors(id.mdts());
        maxZeroesSectors = (id.oncs() & ONCS_WRITE_ZEROES) != 0 ? maxHwSectors : 0;
        // !nvme_is_io_ctrl || !nvme_id_cns_ok(ctrl, NVME_ID_CNS_CS_CTRL) || NVME_CTRL_SKIP_ID_CNS_CS
        if (id.cntrltype() == CNTRLTYPE_ADMIN || Integer.compareUnsigned(vs, VS_1_2) < 0 || skipNvmIdentify) return true;
        long buf = d.memory.allocate(4096, 4096);
        try {
            HostRequest r = d.adminCommand(new IdentifyCommand(IdentifyCns.IO_COMMAND_SET_CONTROLLER.value(), 0, 0, 0,
                    NvmIdentifyController.CSI_NVM).applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)).prp1(buf).build());
            if (r.status().isSuccess()) {
                nvmLimits = NvmIdentifyController.parse(d.memory.read(buf, NvmIdentifyController.SIZE));
                if (nvmLimits.wzsl() != 0) maxZeroesSectors = mpsToSectors(nvmLimits.wzsl());
                return true;
            }
            if (r.completion() == null) {                    // cancelled by a reset: -EINTR
                d.info("reading non-mdts-limits failed: -4");
                return false;
            }
            skipNvmIdentify = true;                          // an NVMe status (ret > 0)
            return true;
        } finally {
            d.memory.free(buf);
        }
    }

    /** nvme_mps_to_sectors: {@code units} as a power of two of CAP.MPSMIN pages, in 512-byte sectors. */
    private long mpsToSectors(int units) {
        int shift = Long.numberOfTrailingZeros(d.cap.minPageSize()) + units - 9;
        return shift >= 32 ? UINT_MAX : 1L << shift;
    }

    /** nvme_scan_ns: the descriptor list (nvme_identify_ns_descs), then Identify Namespace; null drops the namespace. */
    private IdentifyNamespace scanNamespace(int nsid) {
        if (Integer.compareUnsigned(vs, VS_1_3) >= 0) {
            byte[] list = readAdminData(IdentifyCommand.of(IdentifyCns.NAMESPACE_DESCRIPTOR_LIST, nsid)
                    .applyTo(SubmissionQueueEntry.builder(AdminOpcode.IDENTIFY)), NamespaceIdentificationDescriptorList.SIZE);
            if (list == null) {
                d.info(String.format("Identify Descriptors failed (nsid=%d)", nsid));
                return null;
            }
            descriptors.put(nsid, NamespaceIdentificationDescriptorList.parse(list));
        }
        return d.identifyNamespace(nsid);
    }

    /** An admin command that returns {@code bytes} of data in one host page; null when it fails. */
    private byte[] readAdminData(SubmissionQueueEntry.Builder b, int bytes) {
        long buf = d.memory.allocate(4096, 4096);
        try {
            HostRequest r = d.adminCommand(b.prp1(buf).build());
            return r.status().isSuccess() ? d.memory.read(buf, bytes) : null;
        } finally {
            d.memory.free(buf);
        }
    }

    /** An admin command that takes {@code data} (at most one page) from the host. */
    private HostRequest writeAdminData(SubmissionQueueEntry.Builder b, byte[] data) {
        long buf = d.memory.allocate(4096, 4096);
        try {
            d.memory.write(buf, data, 0, data.length);
            return d.adminCommand(b.prp1(buf).build());
        } finally {
            d.memory.free(buf);
        }
    }
}
