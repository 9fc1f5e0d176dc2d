package dev.nvmekit.testbench.nvme;

/**
 * An LBA Format entry of Identify Namespace, LBAF n at byte 128 + 4 * n (NVM Command Set
 * Specification 1.0, Figure 98): MS bits 15:0 metadata bytes per block, LBADS bits 23:16 the
 * block size as a power of two (9 for 512 bytes; values below 9 are not supported), RP bits 25:24
 * relative performance (0 best .. 3 degraded).
 */
public record LbaFormat(int ms, int lbads, int rp) {
    public LbaFormat {
        Bits.checkRange("MS", ms, 0, 0xFFFF);
        Bits.checkRange("LBADS", lbads, 0, 0xFF);
        Bits.checkRange("RP", rp, 0, 3);
    }

    public static LbaFormat ofBlockSize(int bytes) {
        if (Integer.bitCount(bytes) != 1 || bytes < 512) {
            throw new IllegalArgumentException("block size must be a power of two >= 512: " + bytes);
        }
        return new LbaFormat(0, Integer.numberOfTrailingZeros(bytes), 0);
    }

    public static LbaFormat decode(int dword) {
        return new LbaFormat(Bits.field(dword, 15, 0), Bits.field(dword, 23, 16), Bits.field(dword, 25, 24));
    }

    public int encode() {
        return ms | lbads << 16 | rp << 24;
    }

    /** Logical block size in bytes. */
    public long blockSize() {
        return 1L << lbads;
    }
}
