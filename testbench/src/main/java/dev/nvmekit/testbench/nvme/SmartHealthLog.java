package dev.nvmekit.testbench.nvme;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The SMART / Health Information log page, log identifier 02h, 512 bytes
 * (NVMe Base Specification 2.0, section 5.16.1.3, Figure 207). The 16-byte counters are
 * unsigned 128-bit little-endian integers, held as {@link BigInteger}.
 *
 * @param criticalWarning Critical Warning bits: 0 spare below threshold, 1 temperature, 2 reliability degraded, 3 read only, 4 volatile backup failed, 5 PMR read only (byte 0)
 * @param compositeTemperature Composite Temperature in Kelvin, bytes 2:1 (byte 1)
 * @param availableSpare Available Spare, percent (byte 3)
 * @param availableSpareThreshold Available Spare Threshold, percent (byte 4)
 * @param percentageUsed Percentage Used, may exceed 100 (byte 5)
 * @param enduranceGroupCriticalWarningSummary Endurance Group Critical Warning Summary (byte 6)
 * @param dataUnitsRead Data Units Read, bytes 47:32, in thousands of 512-byte units, rounded up (byte 32)
 * @param dataUnitsWritten Data Units Written, bytes 63:48, same units (byte 48)
 * @param hostReadCommands Host Read Commands (byte 64)
 * @param hostWriteCommands Host Write Commands (byte 80)
 * @param controllerBusyTime Controller Busy Time, minutes (byte 96)
 * @param powerCycles Power Cycles (byte 112)
 * @param powerOnHours Power On Hours (byte 128)
 * @param unsafeShutdowns Unsafe Shutdowns (byte 144)
 * @param mediaErrors Media and Data Integrity Errors (byte 160)
 * @param errorLogEntries Number of Error Information Log Entries over the controller's life (byte 176)
 * @param warningTemperatureTime Warning Composite Temperature Time, minutes (byte 192)
 * @param criticalTemperatureTime Critical Composite Temperature Time, minutes (byte 196)
 * @param temperatureSensor1 Temperature Sensor 1, Kelvin, 0 if absent (sensors 2..8 follow every 2 bytes) (byte 200)
 * @param temperatureSensor2 Temperature Sensor 2 (byte 202)
 * @param temperatureSensor3 Temperature Sensor 3 (byte 204)
 * @param temperatureSensor4 Temperature Sensor 4 (byte 206)
 * @param temperatureSensor5 Temperature Sensor 5 (byte 208)
 * @param temperatureSensor6 Temperature Sensor 6 (byte 210)
 * @param temperatureSensor7 Temperature Sensor 7 (byte 212)
 * @param temperatureSensor8 Temperature Sensor 8 (byte 214)
 * @param thermalTransitionCount1 Thermal Management Temperature 1 Transition Count (byte 216)
 * @param thermalTransitionCount2 Thermal Management Temperature 2 Transition Count (byte 220)
 * @param thermalTotalTime1 Total Time For Thermal Management Temperature 1, seconds (byte 224)
 * @param thermalTotalTime2 Total Time For Thermal Management Temperature 2, seconds (byte 228)
 */
public record SmartHealthLog(int criticalWarning, int compositeTemperature, int availableSpare,
                             int availableSpareThreshold, int percentageUsed,
                             int enduranceGroupCriticalWarningSummary, BigInteger dataUnitsRead,
                             BigInteger dataUnitsWritten, BigInteger hostReadCommands,
                             BigInteger hostWriteCommands, BigInteger controllerBusyTime,
                             BigInteger powerCycles, BigInteger powerOnHours, BigInteger unsafeShutdowns,
                             BigInteger mediaErrors, BigInteger errorLogEntries, int warningTemperatureTime,
                             int criticalTemperatureTime, int temperatureSensor1, int temperatureSensor2,
                             int temperatureSensor3, int temperatureSensor4, int temperatureSensor5,
                             int temperatureSensor6, int temperatureSensor7, int temperatureSensor8,
                             int thermalTransitionCount1, int thermalTransitionCount2, int thermalTotalTime1,
                             int thermalTotalTime2) {
    public static final int SIZE = 512;

    public SmartHealthLog {
        Bits.checkRange("criticalWarning", criticalWarning, 0, 0xFF);
        Bits.checkRange("compositeTemperature", compositeTemperature, 0, 0xFFFF);
        Bits.checkRange("availableSpare", availableSpare, 0, 0xFF);
        Bits.checkRange("availableSpareThreshold", availableSpareThreshold, 0, 0xFF);
        Bits.checkRange("percentageUsed", percentageUsed, 0, 0xFF);
        Bits.checkRange("enduranceGroupCriticalWarningSummary", enduranceGroupCriticalWarningSummary, 0, 0xFF);
        Objects.requireNonNull(dataUnitsRead, "dataUnitsRead");
        Objects.requireNonNull(dataUnitsWritten, "dataUnitsWritten");
        Objects.requireNonNull(hostReadCommands, "hostReadCommands");
        Objects.requireNonNull(hostWriteCommands, "hostWriteCommands");
        Objects.requireNonNull(controllerBusyTime, "controllerBusyTime");
        Objects.requireNonNull(powerCycles, "powerCycles");
        Objects.requireNonNull(powerOnHours, "powerOnHours");
        Objects.requireNonNull(unsafeShutdowns, "unsafeShutdowns");
        Objects.requireNonNull(mediaErrors, "mediaErrors");
        Objects.requireNonNull(errorLogEntries, "errorLogEntries");
        Bits.checkRange("temperatureSensor1", temperatureSensor1, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor2", temperatureSensor2, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor3", temperatureSensor3, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor4", temperatureSensor4, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor5", temperatureSensor5, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor6", temperatureSensor6, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor7", temperatureSensor7, 0, 0xFFFF);
        Bits.checkRange("temperatureSensor8", temperatureSensor8, 0, 0xFFFF);
    }

    public static SmartHealthLog parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "SmartHealthLog");
        return new SmartHealthLog(
                LittleEndian.u8(b, 0),
                LittleEndian.u16(b, 1),
                LittleEndian.u8(b, 3),
                LittleEndian.u8(b, 4),
                LittleEndian.u8(b, 5),
                LittleEndian.u8(b, 6),
                LittleEndian.unsigned(b, 32, 16),
                LittleEndian.unsigned(b, 48, 16),
                LittleEndian.unsigned(b, 64, 16),
                LittleEndian.unsigned(b, 80, 16),
                LittleEndian.unsigned(b, 96, 16),
                LittleEndian.unsigned(b, 112, 16),
                LittleEndian.unsigned(b, 128, 16),
                LittleEndian.unsigned(b, 144, 16),
                LittleEndian.unsigned(b, 160, 16),
                LittleEndian.unsigned(b, 176, 16),
                LittleEndian.u32(b, 192),
                LittleEndian.u32(b, 196),
                LittleEndian.u16(b, 200),
                LittleEndian.u16(b, 202),
                LittleEndian.u16(b, 204),
                LittleEndian.u16(b, 206),
                LittleEndian.u16(b, 208),
                LittleEndian.u16(b, 210),
                LittleEndian.u16(b, 212),
                LittleEndian.u16(b, 214),
                LittleEndian.u32(b, 216),
                LittleEndian.u32(b, 220),
                LittleEndian.u32(b, 224),
                LittleEndian.u32(b, 228));
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put8(b, 0, criticalWarning);
        LittleEndian.put16(b, 1, compositeTemperature);
        LittleEndian.put8(b, 3, availableSpare);
        LittleEndian.put8(b, 4, availableSpareThreshold);
        LittleEndian.put8(b, 5, percentageUsed);
        LittleEndian.put8(b, 6, enduranceGroupCriticalWarningSummary);
        LittleEndian.putUnsigned(b, 32, 16, dataUnitsRead);
        LittleEndian.putUnsigned(b, 48, 16, dataUnitsWritten);
        LittleEndian.putUnsigned(b, 64, 16, hostReadCommands);
        LittleEndian.putUnsigned(b, 80, 16, hostWriteCommands);
        LittleEndian.putUnsigned(b, 96, 16, controllerBusyTime);
        LittleEndian.putUnsigned(b, 112, 16, powerCycles);
        LittleEndian.putUnsigned(b, 128, 16, powerOnHours);
        LittleEndian.putUnsigned(b, 144, 16, unsafeShutdowns);
        LittleEndian.putUnsigned(b, 160, 16, mediaErrors);
        LittleEndian.putUnsigned(b, 176, 16, errorLogEntries);
        LittleEndian.put32(b, 192, warningTemperatureTime);
        LittleEndian.put32(b, 196, criticalTemperatureTime);
        LittleEndian.put16(b, 200, temperatureSensor1);
        LittleEndian.put16(b, 202, temperatureSensor2);
        LittleEndian.put16(b, 204, temperatureSensor3);
        LittleEndian.put16(b, 206, temperatureSensor4);
        LittleEndian.put16(b, 208, temperatureSensor5);
        LittleEndian.put16(b, 210, temperatureSensor6);
        LittleEndian.put16(b, 212, temperatureSensor7);
        LittleEndian.put16(b, 214, temperatureSensor8);
        LittleEndian.put32(b, 216, thermalTransitionCount1);
        LittleEndian.put32(b, 220, thermalTransitionCount2);
        LittleEndian.put32(b, 224, thermalTotalTime1);
        LittleEndian.put32(b, 228, thermalTotalTime2);
        return b;
    }

    /** Kelvin minus 273, as nvme-cli's smart-log shows temperatures. */
    public int compositeTemperatureCelsius() {
        return compositeTemperature - 273;
    }

    /**
     * Data units for a count of 512-byte units: thousands, rounded up, so 1..1000 units read
     * report 1 (NVMe 2.0, Figure 207, Data Units Read).
     */
    public static BigInteger dataUnits(long units512) {
        return BigInteger.valueOf(units512).add(BigInteger.valueOf(999)).divide(BigInteger.valueOf(1000));
    }

    /** Bytes as data units, for a controller that counts bytes moved. */
    public static BigInteger dataUnitsForBytes(long bytes) {
        return dataUnits((bytes + 511) / 512);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().criticalWarning(criticalWarning).compositeTemperature(compositeTemperature)
                .availableSpare(availableSpare).availableSpareThreshold(availableSpareThreshold)
                .percentageUsed(percentageUsed)
                .enduranceGroupCriticalWarningSummary(enduranceGroupCriticalWarningSummary)
                .dataUnitsRead(dataUnitsRead).dataUnitsWritten(dataUnitsWritten)
                .hostReadCommands(hostReadCommands).hostWriteCommands(hostWriteCommands)
                .controllerBusyTime(controllerBusyTime).powerCycles(powerCycles).powerOnHours(powerOnHours)
                .unsafeShutdowns(unsafeShutdowns).mediaErrors(mediaErrors).errorLogEntries(errorLogEntries)
                .warningTemperatureTime(warningTemperatureTime)
                .criticalTemperatureTime(criticalTemperatureTime).temperatureSensor1(temperatureSensor1)
                .temperatureSensor2(temperatureSensor2).temperatureSensor3(temperatureSensor3)
                .temperatureSensor4(temperatureSensor4).temperatureSensor5(temperatureSensor5)
                .temperatureSensor6(temperatureSensor6).temperatureSensor7(temperatureSensor7)
                .temperatureSensor8(temperatureSensor8).thermalTransitionCount1(thermalTransitionCount1)
                .thermalTransitionCount2(thermalTransitionCount2).thermalTotalTime1(thermalTotalTime1)
                .thermalTotalTime2(thermalTotalTime2);
    }

    /** Builder starting from a healthy new drive: 100% spare, threshold 10%, 25 °C. */
    public static final class Builder {
        private int criticalWarning = 0;
        private int compositeTemperature = 0;
        private int availableSpare = 0;
        private int availableSpareThreshold = 0;
        private int percentageUsed = 0;
        private int enduranceGroupCriticalWarningSummary = 0;
        private BigInteger dataUnitsRead = BigInteger.ZERO;
        private BigInteger dataUnitsWritten = BigInteger.ZERO;
        private BigInteger hostReadCommands = BigInteger.ZERO;
        private BigInteger hostWriteCommands = BigInteger.ZERO;
        private BigInteger controllerBusyTime = BigInteger.ZERO;
        private BigInteger powerCycles = BigInteger.ZERO;
        private BigInteger powerOnHours = BigInteger.ZERO;
        private BigInteger unsafeShutdowns = BigInteger.ZERO;
        private BigInteger mediaErrors = BigInteger.ZERO;
        private BigInteger errorLogEntries = BigInteger.ZERO;
        private int warningTemperatureTime = 0;
        private int criticalTemperatureTime = 0;
        private int temperatureSensor1 = 0;
        private int temperatureSensor2 = 0;
        private int temperatureSensor3 = 0;
        private int temperatureSensor4 = 0;
        private int temperatureSensor5 = 0;
        private int temperatureSensor6 = 0;
        private int temperatureSensor7 = 0;
        private int temperatureSensor8 = 0;
        private int thermalTransitionCount1 = 0;
        private int thermalTransitionCount2 = 0;
        private int thermalTotalTime1 = 0;
        private int thermalTotalTime2 = 0;

        private Builder() {
            compositeTemperature = 298;
            availableSpare = 100;
            availableSpareThreshold = 10;
        }

        public Builder criticalWarning(int v) { criticalWarning = v; return this; }
        public Builder compositeTemperature(int v) { compositeTemperature = v; return this; }
        public Builder availableSpare(int v) { availableSpare = v; return this; }
        public Builder availableSpareThreshold(int v) { availableSpareThreshold = v; return this; }
        public Builder percentageUsed(int v) { percentageUsed = v; return this; }
        public Builder enduranceGroupCriticalWarningSummary(int v) { enduranceGroupCriticalWarningSummary = v; return this; }
        public Builder dataUnitsRead(BigInteger v) { dataUnitsRead = v; return this; }
        public Builder dataUnitsWritten(BigInteger v) { dataUnitsWritten = v; return this; }
        public Builder hostReadCommands(BigInteger v) { hostReadCommands = v; return this; }
        public Builder hostWriteCommands(BigInteger v) { hostWriteCommands = v; return this; }
        public Builder controllerBusyTime(BigInteger v) { controllerBusyTime = v; return this; }
        public Builder powerCycles(BigInteger v) { powerCycles = v; return this; }
        public Builder powerOnHours(BigInteger v) { powerOnHours = v; return this; }
        public Builder unsafeShutdowns(BigInteger v) { unsafeShutdowns = v; return this; }
        public Builder mediaErrors(BigInteger v) { mediaErrors = v; return this; }
        public Builder errorLogEntries(BigInteger v) { errorLogEntries = v; return this; }
        public Builder warningTemperatureTime(int v) { warningTemperatureTime = v; return this; }
        public Builder criticalTemperatureTime(int v) { criticalTemperatureTime = v; return this; }
        public Builder temperatureSensor1(int v) { temperatureSensor1 = v; return this; }
        public Builder temperatureSensor2(int v) { temperatureSensor2 = v; return this; }
        public Builder temperatureSensor3(int v) { temperatureSensor3 = v; return this; }
        public Builder temperatureSensor4(int v) { temperatureSensor4 = v; return this; }
        public Builder temperatureSensor5(int v) { temperatureSensor5 = v; return this; }
        public Builder temperatureSensor6(int v) { temperatureSensor6 = v; return this; }
        public Builder temperatureSensor7(int v) { temperatureSensor7 = v; return this; }
        public Builder temperatureSensor8(int v) { temperatureSensor8 = v; return this; }
        public Builder thermalTransitionCount1(int v) { thermalTransitionCount1 = v; return this; }
        public Builder thermalTransitionCount2(int v) { thermalTransitionCount2 = v; return this; }
        public Builder thermalTotalTime1(int v) { thermalTotalTime1 = v; return this; }
        public Builder thermalTotalTime2(int v) { thermalTotalTime2 = v; return this; }

        public SmartHealthLog build() {
            return new SmartHealthLog(criticalWarning, compositeTemperature, availableSpare, availableSpareThreshold,
                    percentageUsed, enduranceGroupCriticalWarningSummary, dataUnitsRead, dataUnitsWritten,
                    hostReadCommands, hostWriteCommands, controllerBusyTime, powerCycles, powerOnHours,
                    unsafeShutdowns, mediaErrors, errorLogEntries, warningTemperatureTime,
                    criticalTemperatureTime, temperatureSensor1, temperatureSensor2, temperatureSensor3,
                    temperatureSensor4, temperatureSensor5, temperatureSensor6, temperatureSensor7,
                    temperatureSensor8, thermalTransitionCount1, thermalTransitionCount2, thermalTotalTime1,
                    thermalTotalTime2);
        }
    }
}
