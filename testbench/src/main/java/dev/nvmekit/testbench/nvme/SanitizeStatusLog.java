package dev.nvmekit.testbench.nvme;

/**
 * The Sanitize Status log page, log identifier 81h, 512 bytes (NVMe Base Specification 2.0,
 * section 5.16.1.25, Figure 264).
 *
 * @param sprog Sanitize Progress, numerator of n/65536 complete; FFFFh when no sanitize is running (byte 0)
 * @param sstat Sanitize Status: bits 2:0 status (0 never, 1 completed, 2 in progress, 3 failed, 4 completed with deallocation), 7:3 overwrite passes, bit 8 global data erased (byte 2)
 * @param scdw10 CDW10 of the Sanitize command that started the last operation (byte 4)
 * @param estimatedOverwriteTime Estimated Time For Overwrite, seconds; FFFFFFFFh unknown (byte 8)
 * @param estimatedBlockEraseTime Estimated Time For Block Erase (byte 12)
 * @param estimatedCryptoEraseTime Estimated Time For Crypto Erase (byte 16)
 * @param estimatedOverwriteNoDeallocateTime Estimated Time For Overwrite With No-Deallocate Media Modification (byte 20)
 * @param estimatedBlockEraseNoDeallocateTime Estimated Time For Block Erase With No-Deallocate Media Modification (byte 24)
 * @param estimatedCryptoEraseNoDeallocateTime Estimated Time For Crypto Erase With No-Deallocate Media Modification (byte 28)
 */
public record SanitizeStatusLog(int sprog, int sstat, int scdw10, int estimatedOverwriteTime,
                                int estimatedBlockEraseTime, int estimatedCryptoEraseTime,
                                int estimatedOverwriteNoDeallocateTime, int estimatedBlockEraseNoDeallocateTime,
                                int estimatedCryptoEraseNoDeallocateTime) {
    public static final int SIZE = 512;

    public SanitizeStatusLog {
        Bits.checkRange("sprog", sprog, 0, 0xFFFF);
        Bits.checkRange("sstat", sstat, 0, 0xFFFF);
    }

    public static SanitizeStatusLog parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "SanitizeStatusLog");
        return new SanitizeStatusLog(
                LittleEndian.u16(b, 0),
                LittleEndian.u16(b, 2),
                LittleEndian.u32(b, 4),
                LittleEndian.u32(b, 8),
                LittleEndian.u32(b, 12),
                LittleEndian.u32(b, 16),
                LittleEndian.u32(b, 20),
                LittleEndian.u32(b, 24),
                LittleEndian.u32(b, 28));
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put16(b, 0, sprog);
        LittleEndian.put16(b, 2, sstat);
        LittleEndian.put32(b, 4, scdw10);
        LittleEndian.put32(b, 8, estimatedOverwriteTime);
        LittleEndian.put32(b, 12, estimatedBlockEraseTime);
        LittleEndian.put32(b, 16, estimatedCryptoEraseTime);
        LittleEndian.put32(b, 20, estimatedOverwriteNoDeallocateTime);
        LittleEndian.put32(b, 24, estimatedBlockEraseNoDeallocateTime);
        LittleEndian.put32(b, 28, estimatedCryptoEraseNoDeallocateTime);
        return b;
    }

    public static final int STATUS_NEVER_SANITIZED = 0;
    public static final int STATUS_COMPLETED = 1;
    public static final int STATUS_IN_PROGRESS = 2;
    public static final int STATUS_FAILED = 3;
    public static final int STATUS_COMPLETED_WITH_DEALLOCATION = 4;

    /** SSTAT bits 2:0. */
    public int status() {
        return sstat & 7;
    }

    /** SSTAT bits 7:3: overwrite passes completed. */
    public int overwritePassesCompleted() {
        return (sstat >>> 3) & 0x1F;
    }

    /** SSTAT bit 8: no user data has been written since the last sanitize or manufacture. */
    public boolean globalDataErased() {
        return (sstat & 0x100) != 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().sprog(sprog).sstat(sstat).scdw10(scdw10).estimatedOverwriteTime(estimatedOverwriteTime)
                .estimatedBlockEraseTime(estimatedBlockEraseTime)
                .estimatedCryptoEraseTime(estimatedCryptoEraseTime)
                .estimatedOverwriteNoDeallocateTime(estimatedOverwriteNoDeallocateTime)
                .estimatedBlockEraseNoDeallocateTime(estimatedBlockEraseNoDeallocateTime)
                .estimatedCryptoEraseNoDeallocateTime(estimatedCryptoEraseNoDeallocateTime);
    }

    /** Builder starting from a controller that was never sanitized. */
    public static final class Builder {
        private int sprog = 0;
        private int sstat = 0;
        private int scdw10 = 0;
        private int estimatedOverwriteTime = 0;
        private int estimatedBlockEraseTime = 0;
        private int estimatedCryptoEraseTime = 0;
        private int estimatedOverwriteNoDeallocateTime = 0;
        private int estimatedBlockEraseNoDeallocateTime = 0;
        private int estimatedCryptoEraseNoDeallocateTime = 0;

        private Builder() {
            sprog = 0xFFFF;
        }

        public Builder sprog(int v) { sprog = v; return this; }
        public Builder sstat(int v) { sstat = v; return this; }
        public Builder scdw10(int v) { scdw10 = v; return this; }
        public Builder estimatedOverwriteTime(int v) { estimatedOverwriteTime = v; return this; }
        public Builder estimatedBlockEraseTime(int v) { estimatedBlockEraseTime = v; return this; }
        public Builder estimatedCryptoEraseTime(int v) { estimatedCryptoEraseTime = v; return this; }
        public Builder estimatedOverwriteNoDeallocateTime(int v) { estimatedOverwriteNoDeallocateTime = v; return this; }
        public Builder estimatedBlockEraseNoDeallocateTime(int v) { estimatedBlockEraseNoDeallocateTime = v; return this; }
        public Builder estimatedCryptoEraseNoDeallocateTime(int v) { estimatedCryptoEraseNoDeallocateTime = v; return this; }

        public SanitizeStatusLog build() {
            return new SanitizeStatusLog(sprog, sstat, scdw10, estimatedOverwriteTime, estimatedBlockEraseTime,
                    estimatedCryptoEraseTime, estimatedOverwriteNoDeallocateTime,
                    estimatedBlockEraseNoDeallocateTime, estimatedCryptoEraseNoDeallocateTime);
        }
    }
}
