package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LogPageTest {

    @Test
    void smartLayout() {
        var log = SmartHealthLog.builder().criticalWarning(0x04).compositeTemperature(310).availableSpare(99)
                .percentageUsed(3).dataUnitsRead(SmartHealthLog.dataUnits(2001))
                .dataUnitsWritten(BigInteger.ONE.shiftLeft(100)).hostReadCommands(BigInteger.valueOf(0x1234))
                .powerOnHours(BigInteger.valueOf(17)).unsafeShutdowns(BigInteger.TWO)
                .mediaErrors(BigInteger.ONE).errorLogEntries(BigInteger.valueOf(5)).temperatureSensor1(305)
                .build();
        byte[] b = log.build();
        assertEquals(512, b.length);
        assertEquals(4, b[0]);
        assertEquals(310 & 0xFF, b[1] & 0xFF); // 136h: Kelvin, bytes 2:1
        assertEquals(1, b[2]);
        assertEquals(99, b[3]);
        assertEquals(10, b[4]); // default threshold
        assertEquals(3, b[5]);
        assertEquals(3, b[32]); // 2001 units of 512 B -> 3 data units (rounded up)
        assertEquals(0x10, b[48 + 12]); // 2^100 = bit 4 of byte 12 of the counter
        assertEquals(0x34, b[64]);
        assertEquals(0x12, b[65]);
        assertEquals(17, b[128]);
        assertEquals(2, b[144]);
        assertEquals(1, b[160]);
        assertEquals(5, b[176]);
        assertEquals(0x31, b[200]); // 305 = 131h
        assertEquals(log, SmartHealthLog.parse(b));
        assertEquals(37, log.compositeTemperatureCelsius());
        assertEquals(BigInteger.ONE, SmartHealthLog.dataUnits(1));
        assertEquals(BigInteger.ONE, SmartHealthLog.dataUnits(1000));
        assertEquals(BigInteger.TWO, SmartHealthLog.dataUnitsForBytes(512_001));
    }

    @Property(tries = 100)
    void smartRoundTrips(@ForAll @IntRange(max = 255) int warn, @ForAll @IntRange(max = 0xFFFF) int temp,
                         @ForAll @LongRange(min = 0) long units, @ForAll int busy) {
        var log = SmartHealthLog.builder().criticalWarning(warn).compositeTemperature(temp)
                .dataUnitsRead(BigInteger.valueOf(units).shiftLeft(63)).controllerBusyTime(BigInteger.valueOf(units))
                .warningTemperatureTime(busy).build();
        assertEquals(log, SmartHealthLog.parse(log.build()));
    }

    @Test
    void errorInformationEntries() {
        var e = ErrorInformationEntry.forCommand(7, 1, 0x33, StatusCode.LBA_OUT_OF_RANGE.doNotRetry(), 0x2A, 1,
                0x1_0000_0000L);
        byte[] b = e.build();
        assertEquals(64, b.length);
        assertEquals(7, b[0]);
        assertEquals(1, b[8]);
        assertEquals(0x33, b[10]);
        // status field 4080h shifted over the phase bit: 8100h
        assertEquals(0x00, b[12]);
        assertEquals(0x81, b[13] & 0xFF);
        assertEquals(0x2A, b[14]);
        assertEquals(1, b[20]); // LBA bit 32
        assertEquals(1, b[24]);
        assertEquals(e, ErrorInformationEntry.parse(b, 0));
        byte[] page = ErrorInformationEntry.buildLog(List.of(e, e), 64);
        assertEquals(4096, page.length);
        assertEquals(List.of(e, e), ErrorInformationEntry.parseLog(page));
    }

    @Test
    void firmwareSlots() {
        var log = FirmwareSlotLog.single("1.0");
        byte[] b = log.build();
        assertEquals(1, b[0]);
        assertEquals('1', b[8]);
        assertEquals(' ', b[15]);
        assertEquals(0, b[16]); // empty slot 2 is all zero
        assertEquals(log, FirmwareSlotLog.parse(b));
        assertEquals("1.0", log.activeRevision());
        var two = new FirmwareSlotLog(2, 3, List.of("A", "B", "C", "", "", "", "G"));
        assertEquals(0x32, two.build()[0]);
        assertEquals(two, FirmwareSlotLog.parse(two.build()));
    }

    @Test
    void commandEffects() {
        var log = CommandsSupportedAndEffectsLog.supporting(List.of(AdminOpcode.IDENTIFY, AdminOpcode.GET_LOG_PAGE),
                List.of(NvmOpcode.READ, NvmOpcode.WRITE));
        List<CommandEffects> io = new ArrayList<>(log.io());
        io.set(NvmOpcode.WRITE.value(), CommandEffects.of(true, true, false, false, false, 0));
        io.set(0x80, new CommandEffects(0xFFF0_001F)); // unnamed bits survive
        log = new CommandsSupportedAndEffectsLog(log.admin(), io);
        byte[] b = log.build();
        assertEquals(1, b[4 * 0x06]);
        assertEquals(1, b[4 * 0x02]);
        assertEquals(0, b[4 * 0x05]);
        assertEquals(1, b[1024 + 4 * 0x02]);
        assertEquals(3, b[1024 + 4 * 0x01]);
        assertEquals(log, CommandsSupportedAndEffectsLog.parse(b));
        assertTrue(log.io(NvmOpcode.WRITE).lbcc());
        assertFalse(log.admin(AdminOpcode.SANITIZE).csupp());
        assertEquals(2, CommandEffects.of(true, false, false, false, false, 2).cse());
    }

    @Test
    void sanitizeStatus() {
        var log = SanitizeStatusLog.builder().build();
        byte[] b = log.build();
        assertEquals((byte) 0xFF, b[0]);
        assertEquals((byte) 0xFF, b[1]);
        assertEquals(SanitizeStatusLog.STATUS_NEVER_SANITIZED, log.status());
        var done = log.toBuilder().sprog(0x8000).sstat(1 | 3 << 3 | 1 << 8).scdw10(0x11)
                .estimatedOverwriteTime(-1).estimatedCryptoEraseNoDeallocateTime(60).build();
        b = done.build();
        assertEquals(0x19, b[2]);
        assertEquals(1, b[3]);
        assertEquals(0x11, b[4]);
        assertEquals((byte) 0xFF, b[8]);
        assertEquals(60, b[28]);
        assertEquals(done, SanitizeStatusLog.parse(b));
        assertEquals(3, done.overwritePassesCompleted());
        assertTrue(done.globalDataErased());
    }

    @Test
    void getLogPageCommandDwords() {
        var cmd = GetLogPageCommand.of(LogPageIdentifier.COMMANDS_SUPPORTED_AND_EFFECTS, 4096);
        var sqe = cmd.applyTo(SubmissionQueueEntry.builder(0)).cid(3).build();
        assertEquals(AdminOpcode.GET_LOG_PAGE.value(), sqe.opcode());
        assertEquals(0x03FF_0005, sqe.cdw10()); // NUMDL = 1023 dwords, 0's based
        assertEquals(cmd, GetLogPageCommand.decode(sqe));
        var big = new GetLogPageCommand(0x02, 1, true, 1L << 20, 5, 4096, 0);
        assertEquals(big, GetLogPageCommand.decode(big.applyTo(SubmissionQueueEntry.builder(0)).build()));
        assertEquals(512, LogPageIdentifier.of(2).orElseThrow().size());
    }
}
