package dev.nvmekit.testbench.nvme;

/**
 * A 32-byte power state descriptor of Identify Controller, PSD n at byte 2048 + 32 * n
 * (NVMe Base Specification 2.0, Figure 276).
 *
 * @param maxPower  MP, bytes 1:0: in 0.01 W units, or 0.0001 W when {@code mxps}
 * @param mxps      Max Power Scale (byte 3 bit 0)
 * @param nops      Non-Operational State (byte 3 bit 1): no I/O is processed in this state
 * @param enlat     Entry Latency, microseconds (bytes 7:4)
 * @param exlat     Exit Latency, microseconds (bytes 11:8)
 * @param rrt       Relative Read Throughput (byte 12 bits 4:0)
 * @param rrl       Relative Read Latency (byte 13 bits 4:0)
 * @param rwt       Relative Write Throughput (byte 14 bits 4:0)
 * @param rwl       Relative Write Latency (byte 15 bits 4:0)
 * @param idlp      Idle Power (bytes 17:16)
 * @param ips       Idle Power Scale (byte 18 bits 7:6)
 * @param actp      Active Power (bytes 21:20)
 * @param apw       Active Power Workload (byte 22 bits 2:0)
 * @param aps       Active Power Scale (byte 22 bits 7:6)
 */
public record PowerStateDescriptor(int maxPower, boolean mxps, boolean nops, int enlat, int exlat, int rrt, int rrl,
                                   int rwt, int rwl, int idlp, int ips, int actp, int apw, int aps) {
    public static final int SIZE = 32;

    public PowerStateDescriptor {
        Bits.checkRange("MP", maxPower, 0, 0xFFFF);
        Bits.checkRange("RRT", rrt, 0, 31);
        Bits.checkRange("RRL", rrl, 0, 31);
        Bits.checkRange("RWT", rwt, 0, 31);
        Bits.checkRange("RWL", rwl, 0, 31);
        Bits.checkRange("IDLP", idlp, 0, 0xFFFF);
        Bits.checkRange("IPS", ips, 0, 3);
        Bits.checkRange("ACTP", actp, 0, 0xFFFF);
        Bits.checkRange("APW", apw, 0, 7);
        Bits.checkRange("APS", aps, 0, 3);
    }

    /** An operational state drawing at most {@code centiwatts} × 0.01 W, with no latencies. */
    public static PowerStateDescriptor active(int centiwatts) {
        return new PowerStateDescriptor(centiwatts, false, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public static PowerStateDescriptor parse(byte[] b, int off) {
        int flags = LittleEndian.u8(b, off + 3);
        int ipsByte = LittleEndian.u8(b, off + 18);
        int apwByte = LittleEndian.u8(b, off + 22);
        return new PowerStateDescriptor(LittleEndian.u16(b, off), Bits.bit(flags, 0), Bits.bit(flags, 1),
                LittleEndian.u32(b, off + 4), LittleEndian.u32(b, off + 8), LittleEndian.u8(b, off + 12) & 31,
                LittleEndian.u8(b, off + 13) & 31, LittleEndian.u8(b, off + 14) & 31, LittleEndian.u8(b, off + 15) & 31,
                LittleEndian.u16(b, off + 16), ipsByte >>> 6, LittleEndian.u16(b, off + 20), apwByte & 7,
                apwByte >>> 6);
    }

    public void buildInto(byte[] b, int off) {
        LittleEndian.put16(b, off, maxPower);
        LittleEndian.put8(b, off + 3, (mxps ? 1 : 0) | (nops ? 2 : 0));
        LittleEndian.put32(b, off + 4, enlat);
        LittleEndian.put32(b, off + 8, exlat);
        LittleEndian.put8(b, off + 12, rrt);
        LittleEndian.put8(b, off + 13, rrl);
        LittleEndian.put8(b, off + 14, rwt);
        LittleEndian.put8(b, off + 15, rwl);
        LittleEndian.put16(b, off + 16, idlp);
        LittleEndian.put8(b, off + 18, ips << 6);
        LittleEndian.put16(b, off + 20, actp);
        LittleEndian.put8(b, off + 22, apw | aps << 6);
    }
}
