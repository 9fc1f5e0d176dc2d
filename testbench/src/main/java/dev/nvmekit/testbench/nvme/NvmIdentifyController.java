package dev.nvmekit.testbench.nvme;

/**
 * The I/O Command Set specific Identify Controller data structure of the NVM Command Set
 * (Identify CNS 06h with CSI 00h; NVM Command Set Specification 1.0, section 4.1.5.2, Figure 97):
 * size limits a host keeps to when it builds Verify, Write Zeroes, Write Uncorrectable and Dataset
 * Management commands. Linux reads it in {@code nvme_init_non_mdts_limits}.
 *
 * @param vsl   Verify Size Limit, byte 0: 2^n units of CAP.MPSMIN, 0 no limit
 * @param wzsl  Write Zeroes Size Limit, byte 1: 2^n units of CAP.MPSMIN, 0 no limit
 * @param wusl  Write Uncorrectable Size Limit, byte 2: 2^n units of CAP.MPSMIN, 0 no limit
 * @param dmrl  Dataset Management Ranges Limit, byte 3: ranges per command, 0 no limit
 * @param dmrsl Dataset Management Range Size Limit, bytes 7:4: logical blocks per range, 0 no limit
 * @param dmsl  Dataset Management Size Limit, bytes 15:8 (unsigned): logical blocks per command, 0 no limit
 */
public record NvmIdentifyController(int vsl, int wzsl, int wusl, int dmrl, long dmrsl, long dmsl) {
    public static final int SIZE = 4096;
    /** CSI of the NVM Command Set (NVMe Base Specification 2.0, Figure 286). */
    public static final int CSI_NVM = 0x00;
    /** A controller that limits none of these commands. */
    public static final NvmIdentifyController NO_LIMITS = new NvmIdentifyController(0, 0, 0, 0, 0, 0);

    public NvmIdentifyController {
        Bits.checkRange("VSL", vsl, 0, 0xFF);
        Bits.checkRange("WZSL", wzsl, 0, 0xFF);
        Bits.checkRange("WUSL", wusl, 0, 0xFF);
        Bits.checkRange("DMRL", dmrl, 0, 0xFF);
        Bits.checkRange("DMRSL", dmrsl, 0, 0xFFFF_FFFFL);
    }

    public static NvmIdentifyController parse(byte[] b) {
        LittleEndian.requireLength(b, 16, "NVM Command Set Identify Controller");
        return new NvmIdentifyController(LittleEndian.u8(b, 0), LittleEndian.u8(b, 1), LittleEndian.u8(b, 2),
                LittleEndian.u8(b, 3), Integer.toUnsignedLong(LittleEndian.u32(b, 4)), LittleEndian.u64(b, 8));
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put8(b, 0, vsl);
        LittleEndian.put8(b, 1, wzsl);
        LittleEndian.put8(b, 2, wusl);
        LittleEndian.put8(b, 3, dmrl);
        LittleEndian.put32(b, 4, (int) dmrsl);
        LittleEndian.put64(b, 8, dmsl);
        return b;
    }

    /**
     * Bytes a size limit field (VSL, WZSL or WUSL) allows with a controller minimum page size of
     * {@code minPageSize}: {@code minPageSize << n}, or 0 for no limit (saturating at
     * {@code Long.MAX_VALUE} for a field too large to represent).
     */
    public static long sizeLimitBytes(int field, long minPageSize) {
        if (field == 0) return 0;
        int shift = 63 - Long.numberOfLeadingZeros(minPageSize) + field;
        return shift >= 63 ? Long.MAX_VALUE : minPageSize << field;
    }
}
