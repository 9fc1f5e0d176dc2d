package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.nvme.ApstTable;
import dev.nvmekit.testbench.nvme.AsynchronousEvent;
import dev.nvmekit.testbench.nvme.DmaSegment;
import dev.nvmekit.testbench.nvme.FeatureValue;
import dev.nvmekit.testbench.nvme.HostMemory;
import dev.nvmekit.testbench.nvme.LogPageIdentifier;
import dev.nvmekit.testbench.nvme.Timestamp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the command handlers share: configuration, media, DMA, namespaces, health, events,
 * sanitize, the queue-management port, and the current feature values (reset to their defaults
 * on every controller reset, NVMe 2.0 section 5.27.1: features are not saveable here).
 */
final class FirmwareState {
    final FirmwareConfig config;
    final Media media;
    final DmaEngine dma;
    final NamespaceInventory namespaces;
    final HealthLog health;
    final SanitizeState sanitize;
    final AsyncEvents events;
    final QueueManagement qm;
    final Completer completer;
    /** NSIDs whose attachment changed since the Changed Namespace List log was last read. */
    final TreeSet<Integer> changedNamespaces = new TreeSet<>(Integer::compareUnsigned);

    int arbitration;
    int powerState;
    int submissionQueuesAllocated;
    int completionQueuesAllocated;
    int interruptCoalescing;
    final Map<Integer, Boolean> vectorCoalescingDisabled = new HashMap<>();
    int asyncEventConfig;
    boolean apstEnabled;
    byte[] apstTable;
    /** Timestamp feature: the value at {@code timestampSetAt} (a cycle) and how it got there. */
    private long timestampMillis;
    private long timestampSetAt;
    private int timestampOrigin;
    private boolean temperatureReported;

    FirmwareState(FirmwareConfig config, Media media, HostMemory memory, QueueManagement qm, Completer completer) {
        this.config = config;
        this.media = media;
        this.dma = new DmaEngine(memory);
        this.namespaces = new NamespaceInventory(config, media.store());
        this.health = new HealthLog(config, media.store());
        this.sanitize = new SanitizeState(60);
        this.events = new AsyncEvents(config.aerLimit(), completer);
        this.qm = qm;
        this.completer = completer;
        resetFeatures();
    }

    void resetFeatures() {
        arbitration = 0;
        powerState = 0;
        submissionQueuesAllocated = config.maxIoQueues();
        completionQueuesAllocated = config.maxIoQueues();
        interruptCoalescing = 0;
        vectorCoalescingDisabled.clear();
        asyncEventConfig = 0;
        apstEnabled = false;
        apstTable = new ApstTable(java.util.Collections.nCopies(ApstTable.ENTRIES, ApstTable.Entry.NONE)).build();
        health.resetThresholds();
        temperatureReported = false;
        // A controller reset restarts the Timestamp from 0 (Timestamp Origin 000b).
        timestampMillis = 0;
        timestampSetAt = completer.now();
        timestampOrigin = Timestamp.ORIGIN_RESET;
    }

    /** Set Features Timestamp: counting goes on from {@code millis}. */
    void setTimestamp(long millis) {
        timestampMillis = millis;
        timestampSetAt = completer.now();
        timestampOrigin = Timestamp.ORIGIN_SET_FEATURES;
    }

    /** The Timestamp now: the last value plus the time since, on the firmware's clock; counted continuously (Synch 0). */
    Timestamp timestamp() {
        long elapsedMillis = (completer.now() - timestampSetAt) * 1000 / config.clockHz();
        return new Timestamp(Math.min(Timestamp.MAX_MILLIS, timestampMillis + elapsedMillis), false, timestampOrigin);
    }

    /** Admin data from the host (PRPs only: admin commands do not take SGLs over PCIe). */
    byte[] fromHost(Command c, int length) {
        List<DmaSegment> segs = dma.map(c.sqe, length, false);
        return dma.fromHost(segs, length);
    }

    /** Admin data to the host through the command's PRPs. */
    void toHost(Command c, byte[] data) {
        dma.toHost(dma.map(c.sqe, data.length, false), data);
    }

    /** Raises a temperature event once per excursion, if Feature 0Bh enables it (bit 1). */
    void checkTemperature() {
        boolean warning = (health.criticalWarning() & HealthLog.WARNING_TEMPERATURE) != 0;
        if (warning && !temperatureReported && (asyncEventConfig & HealthLog.WARNING_TEMPERATURE) != 0) {
            // SMART / Health status, information 01h Temperature Threshold.
            events.raise(new AsynchronousEvent(AsynchronousEvent.TYPE_SMART_HEALTH_STATUS, 0x01,
                    LogPageIdentifier.SMART_HEALTH_INFORMATION.value()));
            temperatureReported = true;
        }
        if (!warning) {
            temperatureReported = false;
        }
    }

    /** Namespace attachment changed: remember it for log 04h and raise a notice if 0Bh bit 8 allows. */
    void namespaceAttributesChanged(List<Integer> nsids) {
        if (nsids.isEmpty()) {
            return;
        }
        changedNamespaces.addAll(nsids);
        if ((asyncEventConfig & FeatureValue.AsyncEventConfiguration.NAMESPACE_ATTRIBUTE_NOTICES) != 0) {
            events.raise(new AsynchronousEvent(AsynchronousEvent.TYPE_NOTICE, 0x00,
                    LogPageIdentifier.CHANGED_NAMESPACE_LIST.value()));
        }
    }
}
