package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.ApstTable;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.FeatureIdentifier;
import dev.nvmekit.testbench.nvme.FeatureValue;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.Timestamp;

import java.util.function.Consumer;

/**
 * Set Features (09h) and Get Features (0Ah) for Arbitration, Power Management, Temperature
 * Threshold, Number of Queues, Interrupt Coalescing, Interrupt Vector Configuration,
 * Asynchronous Event Configuration, Autonomous Power State Transition and Timestamp (NVMe Base
 * Specification 2.0, section 5.27.1). Arbitration, Interrupt Coalescing and Interrupt Vector
 * Configuration are implemented by the front end, so setting them goes through {@code qm_} ops
 * 5, 4 and 6 and completes with the front end's answer. No feature is saveable.
 */
final class FeatureCommands {
    private static final int SEL_DEFAULT = 1;
    private static final int SEL_SAVED = 2;
    private static final int SEL_SUPPORTED_CAPABILITIES = 3;
    /** Supported capabilities: changeable (bit 2), neither saveable nor namespace specific. */
    private static final int CAPABILITY_CHANGEABLE = 1 << 2;

    private final FirmwareState s;

    FeatureCommands(FirmwareState s) {
        this.s = s;
    }

    Outcome set(Command c) {
        int cdw10 = c.sqe.cdw10();
        int dw11 = c.sqe.cdw11();
        if ((cdw10 & 1 << 31) != 0) {
            throw CommandFailure.of(StatusCode.FEATURE_IDENTIFIER_NOT_SAVEABLE, "no feature is saveable");
        }
        FeatureIdentifier fid = supported(cdw10 & 0xFF);
        if (fid == FeatureIdentifier.TIMESTAMP) {
            // Dword 11 is unused; the value is in the data buffer (ONCS bit 6).
            s.setTimestamp(Timestamp.parse(s.fromHost(c, Timestamp.SIZE)).millis());
            return Outcome.success();
        }
        FeatureValue v = FeatureValue.decode(fid, dw11);
        switch (v) {
            case FeatureValue.Arbitration a -> {
                return viaFrontEnd(c, QueueManagementRequest.arbitration(a.ab()), () -> s.arbitration = dw11);
            }
            case FeatureValue.PowerManagement p -> {
                if (p.ps() >= s.config.powerStates().size()) {
                    throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND,
                            "power state " + p.ps() + " above NPSS " + (s.config.powerStates().size() - 1));
                }
                s.powerState = p.ps();
            }
            case FeatureValue.TemperatureThreshold t -> {
                requireThresholdSelect(t);
                if (t.thsel() == FeatureValue.TemperatureThreshold.OVER) {
                    s.health.setOverThreshold(t.kelvin());
                } else {
                    s.health.setUnderThreshold(t.kelvin());
                }
                s.checkTemperature();
            }
            case FeatureValue.NumberOfQueues q -> {
                if (q.nsqr() == 0xFFFF || q.ncqr() == 0xFFFF) {
                    throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "NSQR/NCQR of FFFFh is invalid");
                }
                s.submissionQueuesAllocated = Math.min(q.nsqr() + 1, s.config.maxIoQueues());
                s.completionQueuesAllocated = Math.min(q.ncqr() + 1, s.config.maxIoQueues());
                return Outcome.success(numberOfQueues());
            }
            case FeatureValue.InterruptCoalescing ic -> {
                return viaFrontEnd(c, QueueManagementRequest.interruptCoalescing(ic.thr(), ic.time()),
                        () -> s.interruptCoalescing = dw11);
            }
            case FeatureValue.InterruptVectorConfiguration iv -> {
                return viaFrontEnd(c, QueueManagementRequest.interruptVectorConfiguration(iv.iv(), iv.coalescingDisable()),
                        () -> s.vectorCoalescingDisabled.put(iv.iv(), iv.coalescingDisable()));
            }
            case FeatureValue.AsyncEventConfiguration ae -> {
                s.asyncEventConfig = ae.value();
                s.checkTemperature();
            }
            case FeatureValue.AutonomousPowerStateTransition apst -> {
                byte[] table = s.fromHost(c, ApstTable.SIZE);
                for (ApstTable.Entry e : ApstTable.parse(table).entries()) {
                    if (e.idleMillis() != 0 && e.targetState() >= s.config.powerStates().size()) {
                        throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND,
                                "APST entry targets power state " + e.targetState());
                    }
                }
                s.apstEnabled = apst.enable();
                s.apstTable = table;
            }
        }
        return Outcome.success();
    }

    Outcome get(Command c) {
        int cdw10 = c.sqe.cdw10();
        int sel = (cdw10 >>> 8) & 7;
        FeatureIdentifier fid = supported(cdw10 & 0xFF);
        if (sel == SEL_SUPPORTED_CAPABILITIES) {
            return Outcome.success(CAPABILITY_CHANGEABLE);
        }
        if (sel > SEL_SUPPORTED_CAPABILITIES) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "SEL " + sel + " is reserved");
        }
        boolean defaults = sel == SEL_DEFAULT || sel == SEL_SAVED;
        int dw11 = c.sqe.cdw11();
        int dw0 = switch (fid) {
            case ARBITRATION -> defaults ? 0 : s.arbitration;
            case POWER_MANAGEMENT -> defaults ? 0 : s.powerState;
            case TEMPERATURE_THRESHOLD -> {
                FeatureValue.TemperatureThreshold t = (FeatureValue.TemperatureThreshold) FeatureValue.decode(fid, dw11);
                requireThresholdSelect(t);
                boolean over = t.thsel() == FeatureValue.TemperatureThreshold.OVER;
                int k = defaults ? (over ? s.config.warningTemperatureKelvin() : 0)
                        : (over ? s.health.overThreshold() : s.health.underThreshold());
                yield new FeatureValue.TemperatureThreshold(k, t.tmpsel(), t.thsel()).dword11();
            }
            case NUMBER_OF_QUEUES -> defaults
                    ? FeatureValue.NumberOfQueues.ofCounts(s.config.maxIoQueues(), s.config.maxIoQueues()).dword11()
                    : numberOfQueues();
            case INTERRUPT_COALESCING -> defaults ? 0 : s.interruptCoalescing;
            case INTERRUPT_VECTOR_CONFIGURATION -> {
                int iv = dw11 & 0xFFFF;
                boolean cd = !defaults && s.vectorCoalescingDisabled.getOrDefault(iv, false);
                yield new FeatureValue.InterruptVectorConfiguration(iv, cd).dword11();
            }
            case ASYNCHRONOUS_EVENT_CONFIGURATION -> defaults ? 0 : s.asyncEventConfig;
            case AUTONOMOUS_POWER_STATE_TRANSITION -> {
                s.toHost(c, defaults ? new byte[ApstTable.SIZE] : s.apstTable);
                yield !defaults && s.apstEnabled ? 1 : 0;
            }
            case TIMESTAMP -> {
                s.toHost(c, (defaults ? new Timestamp(0, false, Timestamp.ORIGIN_RESET) : s.timestamp()).build());
                yield 0;
            }
            default -> throw new IllegalStateException("unreachable: " + fid);
        };
        return Outcome.success(dw0);
    }

    private int numberOfQueues() {
        return FeatureValue.NumberOfQueues.ofCounts(s.submissionQueuesAllocated, s.completionQueuesAllocated).dword11();
    }

    private static FeatureIdentifier supported(int fidValue) {
        FeatureIdentifier fid = FeatureIdentifier.of(fidValue).orElse(null);
        if (fid == null) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, "feature 0x" + Integer.toHexString(fidValue) + " is not supported");
        }
        return switch (fid) {
            case ARBITRATION, POWER_MANAGEMENT, TEMPERATURE_THRESHOLD, NUMBER_OF_QUEUES, INTERRUPT_COALESCING,
                 INTERRUPT_VECTOR_CONFIGURATION, ASYNCHRONOUS_EVENT_CONFIGURATION,
                 AUTONOMOUS_POWER_STATE_TRANSITION, TIMESTAMP -> fid;
            default -> throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND, fid.title() + " is not supported");
        };
    }

    /** Only the composite temperature (TMPSEL 0) and sensor 1 exist; THSEL 0 over, 1 under. */
    private static void requireThresholdSelect(FeatureValue.TemperatureThreshold t) {
        if (t.tmpsel() > 1 || t.thsel() > FeatureValue.TemperatureThreshold.UNDER) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND,
                    "TMPSEL " + t.tmpsel() + " / THSEL " + t.thsel() + " not supported");
        }
    }

    /** Sends {@code req} to the front end and completes {@code c} with its answer, applying the value on success. */
    private Outcome viaFrontEnd(Command c, QueueManagementRequest req, Runnable onSuccess) {
        Consumer<CompletionStatus> answer = status -> {
            if (status.isSuccess()) {
                onSuccess.run();
            }
            s.completer.finish(c, status, 0);
        };
        s.qm.request(req, answer);
        return Outcome.LATER;
    }
}
