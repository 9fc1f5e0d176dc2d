package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One 64-byte entry of the Error Information log page, log identifier 01h; the page holds
 * ELPE + 1 entries, newest first (NVMe Base Specification 2.0, section 5.16.1.2, Figure 206).
 *
 * @param errorCount             unique, incrementing error number, 0 for an empty entry (bytes 7:0)
 * @param sqid                   submission queue of the failed command, FFFFh if none (bytes 9:8)
 * @param cid                    command identifier, FFFFh if none (bytes 11:10)
 * @param phase                  phase tag of the completion that reported it (byte 12 bit 0)
 * @param status                 status field of that completion (bytes 13:12 bits 15:1)
 * @param parameterErrorLocation byte (bits 7:0) and bit (10:8) in the command where the error is, FFFFh if n/a (bytes 15:14)
 * @param lba                    first LBA that saw the error (bytes 23:16)
 * @param nsid                   namespace of the error (bytes 27:24)
 * @param vendorSpecificLogPage  log page with vendor information, 0 if none (byte 28)
 * @param transportType          TRTYPE of the transport (byte 29)
 * @param commandSpecific        command specific information (bytes 39:32)
 * @param transportSpecific      transport type specific information (bytes 41:40)
 */
public record ErrorInformationEntry(long errorCount, int sqid, int cid, boolean phase, CompletionStatus status,
                                    int parameterErrorLocation, long lba, int nsid, int vendorSpecificLogPage,
                                    int transportType, long commandSpecific, int transportSpecific) {
    public static final int SIZE = 64;

    public ErrorInformationEntry {
        Bits.checkRange("SQID", sqid, 0, 0xFFFF);
        Bits.checkRange("CID", cid, 0, 0xFFFF);
        Objects.requireNonNull(status, "status");
        Bits.checkRange("parameter error location", parameterErrorLocation, 0, 0xFFFF);
        Bits.checkRange("vendor specific log page", vendorSpecificLogPage, 0, 0xFF);
        Bits.checkRange("TRTYPE", transportType, 0, 0xFF);
        Bits.checkRange("transport specific", transportSpecific, 0, 0xFFFF);
    }

    /** The entry a controller logs for a failed command. */
    public static ErrorInformationEntry forCommand(long errorCount, int sqid, int cid, CompletionStatus status,
                                                  int parameterErrorLocation, int nsid, long lba) {
        return new ErrorInformationEntry(errorCount, sqid, cid, false, status, parameterErrorLocation, lba, nsid, 0,
                0, 0, 0);
    }

    public static ErrorInformationEntry parse(byte[] b, int off) {
        LittleEndian.requireLength(b, off + SIZE, "error information entry");
        int statusAndPhase = LittleEndian.u16(b, off + 12);
        return new ErrorInformationEntry(LittleEndian.u64(b, off), LittleEndian.u16(b, off + 8),
                LittleEndian.u16(b, off + 10), (statusAndPhase & 1) != 0,
                CompletionStatus.fromField(statusAndPhase >>> 1), LittleEndian.u16(b, off + 14),
                LittleEndian.u64(b, off + 16), LittleEndian.u32(b, off + 24), LittleEndian.u8(b, off + 28),
                LittleEndian.u8(b, off + 29), LittleEndian.u64(b, off + 32), LittleEndian.u16(b, off + 40));
    }

    public void buildInto(byte[] b, int off) {
        LittleEndian.put64(b, off, errorCount);
        LittleEndian.put16(b, off + 8, sqid);
        LittleEndian.put16(b, off + 10, cid);
        LittleEndian.put16(b, off + 12, status.toField() << 1 | (phase ? 1 : 0));
        LittleEndian.put16(b, off + 14, parameterErrorLocation);
        LittleEndian.put64(b, off + 16, lba);
        LittleEndian.put32(b, off + 24, nsid);
        LittleEndian.put8(b, off + 28, vendorSpecificLogPage);
        LittleEndian.put8(b, off + 29, transportType);
        LittleEndian.put64(b, off + 32, commandSpecific);
        LittleEndian.put16(b, off + 40, transportSpecific);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        buildInto(b, 0);
        return b;
    }

    /** A whole log page of {@code entries} slots (ELPE + 1), filled from {@code log} newest first, rest zero. */
    public static byte[] buildLog(List<ErrorInformationEntry> log, int entries) {
        if (log.size() > entries) {
            throw new IllegalArgumentException(log.size() + " entries do not fit in " + entries + " slots");
        }
        byte[] b = new byte[SIZE * entries];
        for (int i = 0; i < log.size(); i++) {
            log.get(i).buildInto(b, SIZE * i);
        }
        return b;
    }

    /** The non-empty entries (Error Count ≠ 0) of a log page. */
    public static List<ErrorInformationEntry> parseLog(byte[] b) {
        List<ErrorInformationEntry> out = new ArrayList<>();
        for (int off = 0; off + SIZE <= b.length; off += SIZE) {
            ErrorInformationEntry e = parse(b, off);
            if (e.errorCount() != 0) {
                out.add(e);
            }
        }
        return out;
    }
}
