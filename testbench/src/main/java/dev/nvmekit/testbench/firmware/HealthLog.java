package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.MediaStore;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.ErrorInformationEntry;
import dev.nvmekit.testbench.nvme.SmartHealthLog;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The counters behind the SMART / Health Information log (NVMe Base Specification 2.0, Figure
 * 207) and the Error Information log: data moved, commands, power-on time from the simulated
 * clock, temperature against the thresholds of Feature 04h, and failed commands newest first.
 *
 * <p>Counting rules: Read and Compare are host read commands and their data counts as read;
 * Write is a host write command and its data counts as written; Write Zeroes and Dataset
 * Management move no host data and are not counted.
 */
final class HealthLog {
    /** Critical Warning bit 1: temperature above an over or below an under threshold. */
    static final int WARNING_TEMPERATURE = 1 << 1;

    private final FirmwareConfig config;
    private final MediaStore store;
    private final ArrayDeque<ErrorInformationEntry> errors = new ArrayDeque<>();
    private long bytesRead;
    private long bytesWritten;
    private long readCommands;
    private long writeCommands;
    private long errorCount;
    private int temperature;
    private int overThreshold;
    private int underThreshold;

    HealthLog(FirmwareConfig config, MediaStore store) {
        this.config = config;
        this.store = store;
        this.temperature = config.temperatureKelvin();
        resetThresholds();
    }

    void resetThresholds() {
        overThreshold = config.warningTemperatureKelvin();
        underThreshold = 0;
    }

    void countRead(long bytes) {
        readCommands++;
        bytesRead += bytes;
    }

    void countWrite(long bytes) {
        writeCommands++;
        bytesWritten += bytes;
    }

    void setTemperature(int kelvin) {
        temperature = kelvin;
    }

    int temperature() {
        return temperature;
    }

    int overThreshold() {
        return overThreshold;
    }

    int underThreshold() {
        return underThreshold;
    }

    void setOverThreshold(int kelvin) {
        overThreshold = kelvin;
    }

    void setUnderThreshold(int kelvin) {
        underThreshold = kelvin;
    }

    int criticalWarning() {
        return temperature > overThreshold || temperature < underThreshold ? WARNING_TEMPERATURE : 0;
    }

    /** Logs a failed command; the newest {@code errorLogEntries} are kept. */
    void logError(int sqid, int cid, CompletionStatus status, int nsid, long lba) {
        errorCount++;
        errors.addFirst(ErrorInformationEntry.forCommand(errorCount, sqid, cid, status, 0xFFFF, nsid, lba));
        while (errors.size() > config.errorLogEntries()) {
            errors.removeLast();
        }
    }

    byte[] errorLog() {
        return ErrorInformationEntry.buildLog(new ArrayList<>(errors), config.errorLogEntries());
    }

    List<ErrorInformationEntry> errors() {
        return List.copyOf(errors);
    }

    SmartHealthLog smart() {
        long hours = store.poweredCycles() / config.clockHz() / 3600;
        return SmartHealthLog.builder().criticalWarning(criticalWarning()).compositeTemperature(temperature)
                .dataUnitsRead(SmartHealthLog.dataUnitsForBytes(bytesRead))
                .dataUnitsWritten(SmartHealthLog.dataUnitsForBytes(bytesWritten))
                .hostReadCommands(BigInteger.valueOf(readCommands))
                .hostWriteCommands(BigInteger.valueOf(writeCommands))
                .powerCycles(BigInteger.valueOf(store.powerCycles()))
                .powerOnHours(BigInteger.valueOf(hours))
                .errorLogEntries(BigInteger.valueOf(errorCount))
                .temperatureSensor1(temperature).build();
    }
}
