package dev.nvmekit.testbench.nvme;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The Identify Namespace data structure for the NVM command set, 4096 bytes, returned by the
 * admin command Identify with CNS 00h (NVM Command Set Specification 1.0, section 4.1.5.1,
 * Figure 97; NVMe Base Specification 2.0 for the common fields). Unmodelled fields build as zero.
 * LBA formats sit at 128 + 4 * n for n = 0..NLBAF (NLBAF at byte 25, 0's based, at most 63).
 *
 * @param nsze Namespace Size in logical blocks (byte 0)
 * @param ncap Namespace Capacity (byte 8)
 * @param nuse Namespace Utilization (byte 16)
 * @param nsfeat Namespace Features (byte 24)
 * @param flbas Formatted LBA Size: format index bits 3:0 (and 6:5 as bits 5:4 when NLBAF > 16), bit 4 metadata at end of LBA (byte 26)
 * @param mc Metadata Capabilities (byte 27)
 * @param dpc End-to-end Data Protection Capabilities (byte 28)
 * @param dps End-to-end Data Protection Type Settings (byte 29)
 * @param nmic Namespace Multi-path I/O and Namespace Sharing Capabilities (byte 30)
 * @param rescap Reservation Capabilities (byte 31)
 * @param fpi Format Progress Indicator (byte 32)
 * @param dlfeat Deallocate Logical Block Features (byte 33)
 * @param nawun Namespace Atomic Write Unit Normal (byte 34)
 * @param nawupf Namespace Atomic Write Unit Power Fail (byte 36)
 * @param nacwu Namespace Atomic Compare &amp; Write Unit (byte 38)
 * @param nabsn Namespace Atomic Boundary Size Normal (byte 40)
 * @param nabo Namespace Atomic Boundary Offset (byte 42)
 * @param nabspf Namespace Atomic Boundary Size Power Fail (byte 44)
 * @param noiob Namespace Optimal I/O Boundary (byte 46)
 * @param nvmcap NVM Capacity in bytes (byte 48)
 * @param npwg Namespace Preferred Write Granularity (byte 64)
 * @param npwa Namespace Preferred Write Alignment (byte 66)
 * @param npdg Namespace Preferred Deallocate Granularity (byte 68)
 * @param npda Namespace Preferred Deallocate Alignment (byte 70)
 * @param nows Namespace Optimal Write Size (byte 72)
 * @param mssrl Maximum Single Source Range Length (Copy) (byte 74)
 * @param mcl Maximum Copy Length (byte 76)
 * @param msrc Maximum Source Range Count (byte 80)
 * @param anagrpid ANA Group Identifier (byte 92)
 * @param nsattr Namespace Attributes (byte 99)
 * @param nvmsetid NVM Set Identifier (byte 100)
 * @param endgid Endurance Group Identifier (byte 102)
 * @param nguid Namespace Globally Unique Identifier, hex of the 16 bytes (byte 104)
 * @param eui64 IEEE Extended Unique Identifier, hex of the 8 bytes (byte 120)
 * @param lbaFormats LBAF0..LBAFn, 1..64 entries; NLBAF is derived from the count
 */
public record IdentifyNamespace(long nsze, long ncap, long nuse, int nsfeat, int flbas, int mc, int dpc, int dps,
                               int nmic, int rescap, int fpi, int dlfeat, int nawun, int nawupf, int nacwu,
                               int nabsn, int nabo, int nabspf, int noiob, BigInteger nvmcap, int npwg,
                               int npwa, int npdg, int npda, int nows, int mssrl, int mcl, int msrc,
                               int anagrpid, int nsattr, int nvmsetid, int endgid, String nguid, String eui64,
                               List<LbaFormat> lbaFormats) {
    public static final int SIZE = 4096;
    public static final int LBA_FORMAT_OFFSET = 128;

    public IdentifyNamespace {
        Bits.checkRange("nsfeat", nsfeat, 0, 0xFF);
        Bits.checkRange("flbas", flbas, 0, 0xFF);
        Bits.checkRange("mc", mc, 0, 0xFF);
        Bits.checkRange("dpc", dpc, 0, 0xFF);
        Bits.checkRange("dps", dps, 0, 0xFF);
        Bits.checkRange("nmic", nmic, 0, 0xFF);
        Bits.checkRange("rescap", rescap, 0, 0xFF);
        Bits.checkRange("fpi", fpi, 0, 0xFF);
        Bits.checkRange("dlfeat", dlfeat, 0, 0xFF);
        Bits.checkRange("nawun", nawun, 0, 0xFFFF);
        Bits.checkRange("nawupf", nawupf, 0, 0xFFFF);
        Bits.checkRange("nacwu", nacwu, 0, 0xFFFF);
        Bits.checkRange("nabsn", nabsn, 0, 0xFFFF);
        Bits.checkRange("nabo", nabo, 0, 0xFFFF);
        Bits.checkRange("nabspf", nabspf, 0, 0xFFFF);
        Bits.checkRange("noiob", noiob, 0, 0xFFFF);
        Objects.requireNonNull(nvmcap, "nvmcap");
        Bits.checkRange("npwg", npwg, 0, 0xFFFF);
        Bits.checkRange("npwa", npwa, 0, 0xFFFF);
        Bits.checkRange("npdg", npdg, 0, 0xFFFF);
        Bits.checkRange("npda", npda, 0, 0xFFFF);
        Bits.checkRange("nows", nows, 0, 0xFFFF);
        Bits.checkRange("mssrl", mssrl, 0, 0xFFFF);
        Bits.checkRange("msrc", msrc, 0, 0xFF);
        Bits.checkRange("nsattr", nsattr, 0, 0xFF);
        Bits.checkRange("nvmsetid", nvmsetid, 0, 0xFFFF);
        Bits.checkRange("endgid", endgid, 0, 0xFFFF);
        Objects.requireNonNull(nguid, "nguid");
        Objects.requireNonNull(eui64, "eui64");
        lbaFormats = List.copyOf(lbaFormats);
        if (lbaFormats.isEmpty() || lbaFormats.size() > 64) {
            throw new IllegalArgumentException("1..64 LBA formats required, got " + lbaFormats.size());
        }
    }

    /** A namespace of {@code blocks} logical blocks of {@code blockSize} bytes, fully allocated, one LBA format. */
    public static IdentifyNamespace simple(long blocks, int blockSize) {
        return builder().nsze(blocks).ncap(blocks).nuse(blocks).lbaFormats(List.of(LbaFormat.ofBlockSize(blockSize)))
                .build();
    }

    /** NLBAF, byte 25: number of LBA formats, 0's based. */
    public int nlbaf() {
        return lbaFormats.size() - 1;
    }

    /** The index of the LBA format in use: FLBAS bits 3:0, with bits 6:5 above them when there are more than 16 formats. */
    public int formattedLbaIndex() {
        int low = flbas & 0xF;
        return nlbaf() >= 16 ? low | ((flbas >>> 5) & 3) << 4 : low;
    }

    public LbaFormat formattedLbaFormat() {
        return lbaFormats.get(formattedLbaIndex());
    }

    /** Logical block size in bytes of the format in use. */
    public long blockSize() {
        return formattedLbaFormat().blockSize();
    }

    public static IdentifyNamespace parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Identify Namespace");
        int nlbaf = LittleEndian.u8(b, 25);
        if (nlbaf > 63) {
            throw new IllegalArgumentException("NLBAF " + nlbaf + " exceeds 63");
        }
        List<LbaFormat> formats = new ArrayList<>();
        for (int i = 0; i <= nlbaf; i++) {
            formats.add(LbaFormat.decode(LittleEndian.u32(b, LBA_FORMAT_OFFSET + 4 * i)));
        }
        return new IdentifyNamespace(
                LittleEndian.u64(b, 0),
                LittleEndian.u64(b, 8),
                LittleEndian.u64(b, 16),
                LittleEndian.u8(b, 24),
                LittleEndian.u8(b, 26),
                LittleEndian.u8(b, 27),
                LittleEndian.u8(b, 28),
                LittleEndian.u8(b, 29),
                LittleEndian.u8(b, 30),
                LittleEndian.u8(b, 31),
                LittleEndian.u8(b, 32),
                LittleEndian.u8(b, 33),
                LittleEndian.u16(b, 34),
                LittleEndian.u16(b, 36),
                LittleEndian.u16(b, 38),
                LittleEndian.u16(b, 40),
                LittleEndian.u16(b, 42),
                LittleEndian.u16(b, 44),
                LittleEndian.u16(b, 46),
                LittleEndian.unsigned(b, 48, 16),
                LittleEndian.u16(b, 64),
                LittleEndian.u16(b, 66),
                LittleEndian.u16(b, 68),
                LittleEndian.u16(b, 70),
                LittleEndian.u16(b, 72),
                LittleEndian.u16(b, 74),
                LittleEndian.u32(b, 76),
                LittleEndian.u8(b, 80),
                LittleEndian.u32(b, 92),
                LittleEndian.u8(b, 99),
                LittleEndian.u16(b, 100),
                LittleEndian.u16(b, 102),
                HexFormat.of().formatHex(b, 104, 120),
                HexFormat.of().formatHex(b, 120, 128),
                formats);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put64(b, 0, nsze);
        LittleEndian.put64(b, 8, ncap);
        LittleEndian.put64(b, 16, nuse);
        LittleEndian.put8(b, 24, nsfeat);
        LittleEndian.put8(b, 26, flbas);
        LittleEndian.put8(b, 27, mc);
        LittleEndian.put8(b, 28, dpc);
        LittleEndian.put8(b, 29, dps);
        LittleEndian.put8(b, 30, nmic);
        LittleEndian.put8(b, 31, rescap);
        LittleEndian.put8(b, 32, fpi);
        LittleEndian.put8(b, 33, dlfeat);
        LittleEndian.put16(b, 34, nawun);
        LittleEndian.put16(b, 36, nawupf);
        LittleEndian.put16(b, 38, nacwu);
        LittleEndian.put16(b, 40, nabsn);
        LittleEndian.put16(b, 42, nabo);
        LittleEndian.put16(b, 44, nabspf);
        LittleEndian.put16(b, 46, noiob);
        LittleEndian.putUnsigned(b, 48, 16, nvmcap);
        LittleEndian.put16(b, 64, npwg);
        LittleEndian.put16(b, 66, npwa);
        LittleEndian.put16(b, 68, npdg);
        LittleEndian.put16(b, 70, npda);
        LittleEndian.put16(b, 72, nows);
        LittleEndian.put16(b, 74, mssrl);
        LittleEndian.put32(b, 76, mcl);
        LittleEndian.put8(b, 80, msrc);
        LittleEndian.put32(b, 92, anagrpid);
        LittleEndian.put8(b, 99, nsattr);
        LittleEndian.put16(b, 100, nvmsetid);
        LittleEndian.put16(b, 102, endgid);
        LittleEndian.putHex(b, 104, 16, nguid);
        LittleEndian.putHex(b, 120, 8, eui64);
        LittleEndian.put8(b, 25, nlbaf());
        for (int i = 0; i < lbaFormats.size(); i++) {
            LittleEndian.put32(b, LBA_FORMAT_OFFSET + 4 * i, lbaFormats.get(i).encode());
        }
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().nsze(nsze).ncap(ncap).nuse(nuse).nsfeat(nsfeat).flbas(flbas).mc(mc).dpc(dpc).dps(dps)
                .nmic(nmic).rescap(rescap).fpi(fpi).dlfeat(dlfeat).nawun(nawun).nawupf(nawupf)
                .nacwu(nacwu).nabsn(nabsn).nabo(nabo).nabspf(nabspf).noiob(noiob).nvmcap(nvmcap)
                .npwg(npwg).npwa(npwa).npdg(npdg).npda(npda).nows(nows).mssrl(mssrl).mcl(mcl).msrc(msrc)
                .anagrpid(anagrpid).nsattr(nsattr).nvmsetid(nvmsetid).endgid(endgid).nguid(nguid)
                .eui64(eui64)
                .lbaFormats(lbaFormats);
    }

    /** Builder starting from an empty namespace with one 512-byte LBA format. */
    public static final class Builder {
        private long nsze = 0L;
        private long ncap = 0L;
        private long nuse = 0L;
        private int nsfeat = 0;
        private int flbas = 0;
        private int mc = 0;
        private int dpc = 0;
        private int dps = 0;
        private int nmic = 0;
        private int rescap = 0;
        private int fpi = 0;
        private int dlfeat = 0;
        private int nawun = 0;
        private int nawupf = 0;
        private int nacwu = 0;
        private int nabsn = 0;
        private int nabo = 0;
        private int nabspf = 0;
        private int noiob = 0;
        private BigInteger nvmcap = BigInteger.ZERO;
        private int npwg = 0;
        private int npwa = 0;
        private int npdg = 0;
        private int npda = 0;
        private int nows = 0;
        private int mssrl = 0;
        private int mcl = 0;
        private int msrc = 0;
        private int anagrpid = 0;
        private int nsattr = 0;
        private int nvmsetid = 0;
        private int endgid = 0;
        private String nguid = "00000000000000000000000000000000";
        private String eui64 = "0000000000000000";
        private List<LbaFormat> lbaFormats = List.of(LbaFormat.ofBlockSize(512));

        private Builder() {
        }

        public Builder nsze(long v) { nsze = v; return this; }
        public Builder ncap(long v) { ncap = v; return this; }
        public Builder nuse(long v) { nuse = v; return this; }
        public Builder nsfeat(int v) { nsfeat = v; return this; }
        public Builder flbas(int v) { flbas = v; return this; }
        public Builder mc(int v) { mc = v; return this; }
        public Builder dpc(int v) { dpc = v; return this; }
        public Builder dps(int v) { dps = v; return this; }
        public Builder nmic(int v) { nmic = v; return this; }
        public Builder rescap(int v) { rescap = v; return this; }
        public Builder fpi(int v) { fpi = v; return this; }
        public Builder dlfeat(int v) { dlfeat = v; return this; }
        public Builder nawun(int v) { nawun = v; return this; }
        public Builder nawupf(int v) { nawupf = v; return this; }
        public Builder nacwu(int v) { nacwu = v; return this; }
        public Builder nabsn(int v) { nabsn = v; return this; }
        public Builder nabo(int v) { nabo = v; return this; }
        public Builder nabspf(int v) { nabspf = v; return this; }
        public Builder noiob(int v) { noiob = v; return this; }
        public Builder nvmcap(BigInteger v) { nvmcap = v; return this; }
        public Builder npwg(int v) { npwg = v; return this; }
        public Builder npwa(int v) { npwa = v; return this; }
        public Builder npdg(int v) { npdg = v; return this; }
        public Builder npda(int v) { npda = v; return this; }
        public Builder nows(int v) { nows = v; return this; }
        public Builder mssrl(int v) { mssrl = v; return this; }
        public Builder mcl(int v) { mcl = v; return this; }
        public Builder msrc(int v) { msrc = v; return this; }
        public Builder anagrpid(int v) { anagrpid = v; return this; }
        public Builder nsattr(int v) { nsattr = v; return this; }
        public Builder nvmsetid(int v) { nvmsetid = v; return this; }
        public Builder endgid(int v) { endgid = v; return this; }
        public Builder nguid(String v) { nguid = v; return this; }
        public Builder eui64(String v) { eui64 = v; return this; }
        public Builder lbaFormats(List<LbaFormat> v) { lbaFormats = v; return this; }

        public IdentifyNamespace build() {
            return new IdentifyNamespace(nsze, ncap, nuse, nsfeat, flbas, mc, dpc, dps, nmic, rescap, fpi, dlfeat, nawun, nawupf, nacwu, nabsn, nabo, nabspf, noiob, nvmcap, npwg, npwa, npdg, npda, nows, mssrl, mcl, msrc, anagrpid, nsattr, nvmsetid, endgid, nguid, eui64, lbaFormats);
        }
    }
}
