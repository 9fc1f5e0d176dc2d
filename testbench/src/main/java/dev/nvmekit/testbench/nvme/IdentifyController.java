package dev.nvmekit.testbench.nvme;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Identify Controller data structure, 4096 bytes, returned by the admin command Identify
 * with CNS 01h (NVMe Base Specification 2.0, section 5.17.2.1, Figure 275). Only the fields a
 * test bench reads or a host driver uses are modelled; the rest build as zero.
 * Power state descriptors sit at 2048 + 32 * n for n = 0..NPSS (NPSS at byte 263, 0's based).
 *
 * @param vid PCI Vendor ID (byte 0)
 * @param ssvid PCI Subsystem Vendor ID (byte 2)
 * @param serialNumber SN, bytes 23:04, ASCII, space padded (byte 4)
 * @param modelNumber MN, bytes 63:24 (byte 24)
 * @param firmwareRevision FR, bytes 71:64 (byte 64)
 * @param rab Recommended Arbitration Burst, 2^n commands (byte 72)
 * @param ieee IEEE OUI Identifier, 3 bytes (byte 73)
 * @param cmic Controller Multi-Path I/O and Namespace Sharing Capabilities (byte 76)
 * @param mdts Maximum Data Transfer Size, 2^n units of CAP.MPSMIN; 0 means no limit (byte 77)
 * @param cntlid Controller ID (byte 78)
 * @param ver Version, same layout as the VS register (byte 80)
 * @param rtd3r RTD3 Resume Latency, microseconds (byte 84)
 * @param rtd3e RTD3 Entry Latency, microseconds (Linux shutdown timeout input) (byte 88)
 * @param oaes Optional Asynchronous Events Supported (byte 92)
 * @param ctratt Controller Attributes (byte 96)
 * @param cntrltype Controller Type: 1h I/O controller (byte 111)
 * @param crdt1 Command Retry Delay Time 1, 100 ms units (byte 128)
 * @param crdt2 Command Retry Delay Time 2 (byte 130)
 * @param crdt3 Command Retry Delay Time 3 (byte 132)
 * @param oacs Optional Admin Command Support (bit 8: Doorbell Buffer Config) (byte 256)
 * @param acl Abort Command Limit, 0's based (byte 258)
 * @param aerl Asynchronous Event Request Limit, 0's based (byte 259)
 * @param frmw Firmware Updates (byte 260)
 * @param lpa Log Page Attributes (bit 1: Commands Supported and Effects log) (byte 261)
 * @param elpe Error Log Page Entries, 0's based (byte 262)
 * @param avscc Admin Vendor Specific Command Configuration (byte 264)
 * @param apsta Autonomous Power State Transition Attributes (byte 265)
 * @param wctemp Warning Composite Temperature Threshold, Kelvin (byte 266)
 * @param cctemp Critical Composite Temperature Threshold, Kelvin (byte 268)
 * @param mtfa Maximum Time for Firmware Activation, 100 ms units (byte 270)
 * @param sanicap Sanitize Capabilities (byte 328)
 * @param sqes Submission Queue Entry Size: required 2^n in bits 3:0, maximum in 7:4 (66h for 64 bytes) (byte 512)
 * @param cqes Completion Queue Entry Size: required bits 3:0, maximum 7:4 (44h for 16 bytes) (byte 513)
 * @param maxcmd Maximum Outstanding Commands (fabrics) (byte 514)
 * @param nn Number of Namespaces: the largest valid NSID (byte 516)
 * @param oncs Optional NVM Command Support (byte 520)
 * @param fuses Fused Operation Support (byte 522)
 * @param fna Format NVM Attributes (byte 524)
 * @param vwc Volatile Write Cache (byte 525)
 * @param awun Atomic Write Unit Normal, 0's based logical blocks (byte 526)
 * @param awupf Atomic Write Unit Power Fail, 0's based (byte 528)
 * @param icsvscc I/O Command Set Vendor Specific Command Configuration (byte 530)
 * @param nwpc Namespace Write Protection Capabilities (byte 531)
 * @param acwu Atomic Compare &amp; Write Unit (byte 532)
 * @param sgls SGL Support: bits 1:0 support (01b any alignment, 10b dword aligned), bit 19 longer SGLs allowed (byte 536)
 * @param mnan Maximum Number of Allowed Namespaces (byte 540)
 * @param subnqn NVM Subsystem NVMe Qualified Name, UTF-8, NUL padded (byte 768)
 * @param powerStates PSD0..PSDn; at least one, at most 32; NPSS is derived from the count
 */
public record IdentifyController(int vid, int ssvid, String serialNumber, String modelNumber,
                                String firmwareRevision, int rab, int ieee, int cmic, int mdts, int cntlid,
                                ControllerVersion ver, int rtd3r, int rtd3e, int oaes, int ctratt,
                                int cntrltype, int crdt1, int crdt2, int crdt3, int oacs, int acl, int aerl,
                                int frmw, int lpa, int elpe, int avscc, int apsta, int wctemp, int cctemp,
                                int mtfa, int sanicap, int sqes, int cqes, int maxcmd, int nn, int oncs,
                                int fuses, int fna, int vwc, int awun, int awupf, int icsvscc, int nwpc,
                                int acwu, int sgls, int mnan, String subnqn,
                                List<PowerStateDescriptor> powerStates) {
    public static final int SIZE = 4096;
    public static final int POWER_STATE_OFFSET = 2048;
    /** LPA bit 1: the Commands Supported and Effects log page is supported. */
    public static final int LPA_COMMAND_EFFECTS = 1 << 1;
    /** ONCS bit 6: the Timestamp feature (0Eh) is supported. */
    public static final int ONCS_TIMESTAMP = 1 << 6;
    /** OACS bit 8: Doorbell Buffer Config. */
    public static final int OACS_DOORBELL_BUFFER_CONFIG = 1 << 8;

    public IdentifyController {
        Bits.checkRange("vid", vid, 0, 0xFFFF);
        Bits.checkRange("ssvid", ssvid, 0, 0xFFFF);
        LittleEndian.requireAscii("serialNumber", serialNumber, 20);
        LittleEndian.requireAscii("modelNumber", modelNumber, 40);
        LittleEndian.requireAscii("firmwareRevision", firmwareRevision, 8);
        Bits.checkRange("rab", rab, 0, 0xFF);
        Bits.checkRange("ieee", ieee, 0, 0xFF_FFFF);
        Bits.checkRange("cmic", cmic, 0, 0xFF);
        Bits.checkRange("mdts", mdts, 0, 0xFF);
        Bits.checkRange("cntlid", cntlid, 0, 0xFFFF);
        Objects.requireNonNull(ver, "ver");
        Bits.checkRange("cntrltype", cntrltype, 0, 0xFF);
        Bits.checkRange("crdt1", crdt1, 0, 0xFFFF);
        Bits.checkRange("crdt2", crdt2, 0, 0xFFFF);
        Bits.checkRange("crdt3", crdt3, 0, 0xFFFF);
        Bits.checkRange("oacs", oacs, 0, 0xFFFF);
        Bits.checkRange("acl", acl, 0, 0xFF);
        Bits.checkRange("aerl", aerl, 0, 0xFF);
        Bits.checkRange("frmw", frmw, 0, 0xFF);
        Bits.checkRange("lpa", lpa, 0, 0xFF);
        Bits.checkRange("elpe", elpe, 0, 0xFF);
        Bits.checkRange("avscc", avscc, 0, 0xFF);
        Bits.checkRange("apsta", apsta, 0, 0xFF);
        Bits.checkRange("wctemp", wctemp, 0, 0xFFFF);
        Bits.checkRange("cctemp", cctemp, 0, 0xFFFF);
        Bits.checkRange("mtfa", mtfa, 0, 0xFFFF);
        Bits.checkRange("sqes", sqes, 0, 0xFF);
        Bits.checkRange("cqes", cqes, 0, 0xFF);
        Bits.checkRange("maxcmd", maxcmd, 0, 0xFFFF);
        Bits.checkRange("oncs", oncs, 0, 0xFFFF);
        Bits.checkRange("fuses", fuses, 0, 0xFFFF);
        Bits.checkRange("fna", fna, 0, 0xFF);
        Bits.checkRange("vwc", vwc, 0, 0xFF);
        Bits.checkRange("awun", awun, 0, 0xFFFF);
        Bits.checkRange("awupf", awupf, 0, 0xFFFF);
        Bits.checkRange("icsvscc", icsvscc, 0, 0xFF);
        Bits.checkRange("nwpc", nwpc, 0, 0xFF);
        Bits.checkRange("acwu", acwu, 0, 0xFFFF);
        LittleEndian.requireUtf8("subnqn", subnqn, 256);
        powerStates = List.copyOf(powerStates);
        if (powerStates.isEmpty() || powerStates.size() > 32) {
            throw new IllegalArgumentException("1..32 power states required, got " + powerStates.size());
        }
    }

    /** NPSS, byte 263: number of power states supported, 0's based. */
    public int npss() {
        return powerStates.size() - 1;
    }

    /** Largest transfer in bytes for a controller with the given CAP.MPSMIN page size, or 0 for no limit. */
    public long maxTransferBytes(long minPageSize) {
        return mdts == 0 ? 0 : minPageSize << mdts;
    }

    public static IdentifyController parse(byte[] b) {
        LittleEndian.requireLength(b, SIZE, "Identify Controller");
        int npss = LittleEndian.u8(b, 263);
        if (npss > 31) {
            throw new IllegalArgumentException("NPSS " + npss + " exceeds 31");
        }
        List<PowerStateDescriptor> ps = new ArrayList<>();
        for (int i = 0; i <= npss; i++) {
            ps.add(PowerStateDescriptor.parse(b, POWER_STATE_OFFSET + PowerStateDescriptor.SIZE * i));
        }
        return new IdentifyController(
                LittleEndian.u16(b, 0),
                LittleEndian.u16(b, 2),
                LittleEndian.ascii(b, 4, 20),
                LittleEndian.ascii(b, 24, 40),
                LittleEndian.ascii(b, 64, 8),
                LittleEndian.u8(b, 72),
                LittleEndian.u16(b, 73) | LittleEndian.u8(b, 75) << 16,
                LittleEndian.u8(b, 76),
                LittleEndian.u8(b, 77),
                LittleEndian.u16(b, 78),
                ControllerVersion.decode(LittleEndian.u32(b, 80)),
                LittleEndian.u32(b, 84),
                LittleEndian.u32(b, 88),
                LittleEndian.u32(b, 92),
                LittleEndian.u32(b, 96),
                LittleEndian.u8(b, 111),
                LittleEndian.u16(b, 128),
                LittleEndian.u16(b, 130),
                LittleEndian.u16(b, 132),
                LittleEndian.u16(b, 256),
                LittleEndian.u8(b, 258),
                LittleEndian.u8(b, 259),
                LittleEndian.u8(b, 260),
                LittleEndian.u8(b, 261),
                LittleEndian.u8(b, 262),
                LittleEndian.u8(b, 264),
                LittleEndian.u8(b, 265),
                LittleEndian.u16(b, 266),
                LittleEndian.u16(b, 268),
                LittleEndian.u16(b, 270),
                LittleEndian.u32(b, 328),
                LittleEndian.u8(b, 512),
                LittleEndian.u8(b, 513),
                LittleEndian.u16(b, 514),
                LittleEndian.u32(b, 516),
                LittleEndian.u16(b, 520),
                LittleEndian.u16(b, 522),
                LittleEndian.u8(b, 524),
                LittleEndian.u8(b, 525),
                LittleEndian.u16(b, 526),
                LittleEndian.u16(b, 528),
                LittleEndian.u8(b, 530),
                LittleEndian.u8(b, 531),
                LittleEndian.u16(b, 532),
                LittleEndian.u32(b, 536),
                LittleEndian.u32(b, 540),
                LittleEndian.utf8(b, 768, 256),
                ps);
    }

    public byte[] build() {
        byte[] b = new byte[SIZE];
        LittleEndian.put16(b, 0, vid);
        LittleEndian.put16(b, 2, ssvid);
        LittleEndian.putAscii(b, 4, 20, serialNumber);
        LittleEndian.putAscii(b, 24, 40, modelNumber);
        LittleEndian.putAscii(b, 64, 8, firmwareRevision);
        LittleEndian.put8(b, 72, rab);
        LittleEndian.put16(b, 73, ieee);
        LittleEndian.put8(b, 75, ieee >>> 16);
        LittleEndian.put8(b, 76, cmic);
        LittleEndian.put8(b, 77, mdts);
        LittleEndian.put16(b, 78, cntlid);
        LittleEndian.put32(b, 80, ver.encode());
        LittleEndian.put32(b, 84, rtd3r);
        LittleEndian.put32(b, 88, rtd3e);
        LittleEndian.put32(b, 92, oaes);
        LittleEndian.put32(b, 96, ctratt);
        LittleEndian.put8(b, 111, cntrltype);
        LittleEndian.put16(b, 128, crdt1);
        LittleEndian.put16(b, 130, crdt2);
        LittleEndian.put16(b, 132, crdt3);
        LittleEndian.put16(b, 256, oacs);
        LittleEndian.put8(b, 258, acl);
        LittleEndian.put8(b, 259, aerl);
        LittleEndian.put8(b, 260, frmw);
        LittleEndian.put8(b, 261, lpa);
        LittleEndian.put8(b, 262, elpe);
        LittleEndian.put8(b, 264, avscc);
        LittleEndian.put8(b, 265, apsta);
        LittleEndian.put16(b, 266, wctemp);
        LittleEndian.put16(b, 268, cctemp);
        LittleEndian.put16(b, 270, mtfa);
        LittleEndian.put32(b, 328, sanicap);
        LittleEndian.put8(b, 512, sqes);
        LittleEndian.put8(b, 513, cqes);
        LittleEndian.put16(b, 514, maxcmd);
        LittleEndian.put32(b, 516, nn);
        LittleEndian.put16(b, 520, oncs);
        LittleEndian.put16(b, 522, fuses);
        LittleEndian.put8(b, 524, fna);
        LittleEndian.put8(b, 525, vwc);
        LittleEndian.put16(b, 526, awun);
        LittleEndian.put16(b, 528, awupf);
        LittleEndian.put8(b, 530, icsvscc);
        LittleEndian.put8(b, 531, nwpc);
        LittleEndian.put16(b, 532, acwu);
        LittleEndian.put32(b, 536, sgls);
        LittleEndian.put32(b, 540, mnan);
        LittleEndian.putUtf8(b, 768, 256, subnqn);
        LittleEndian.put8(b, 263, npss());
        for (int i = 0; i < powerStates.size(); i++) {
            powerStates.get(i).buildInto(b, POWER_STATE_OFFSET + PowerStateDescriptor.SIZE * i);
        }
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().vid(vid).ssvid(ssvid).serialNumber(serialNumber).modelNumber(modelNumber)
                .firmwareRevision(firmwareRevision).rab(rab).ieee(ieee).cmic(cmic).mdts(mdts)
                .cntlid(cntlid).ver(ver).rtd3r(rtd3r).rtd3e(rtd3e).oaes(oaes).ctratt(ctratt)
                .cntrltype(cntrltype).crdt1(crdt1).crdt2(crdt2).crdt3(crdt3).oacs(oacs).acl(acl)
                .aerl(aerl).frmw(frmw).lpa(lpa).elpe(elpe).avscc(avscc).apsta(apsta).wctemp(wctemp)
                .cctemp(cctemp).mtfa(mtfa).sanicap(sanicap).sqes(sqes).cqes(cqes).maxcmd(maxcmd).nn(nn)
                .oncs(oncs).fuses(fuses).fna(fna).vwc(vwc).awun(awun).awupf(awupf).icsvscc(icsvscc)
                .nwpc(nwpc).acwu(acwu).sgls(sgls).mnan(mnan).subnqn(subnqn)
                .powerStates(powerStates);
    }

    /** Builder with the values of a plain NVMe 1.4 NVM controller: 64/16-byte queue entries, one power state. */
    public static final class Builder {
        private int vid = 0;
        private int ssvid = 0;
        private String serialNumber = "";
        private String modelNumber = "";
        private String firmwareRevision = "";
        private int rab = 0;
        private int ieee = 0;
        private int cmic = 0;
        private int mdts = 0;
        private int cntlid = 0;
        private ControllerVersion ver = ControllerVersion.NVME_1_4;
        private int rtd3r = 0;
        private int rtd3e = 0;
        private int oaes = 0;
        private int ctratt = 0;
        private int cntrltype = 0;
        private int crdt1 = 0;
        private int crdt2 = 0;
        private int crdt3 = 0;
        private int oacs = 0;
        private int acl = 0;
        private int aerl = 0;
        private int frmw = 0;
        private int lpa = 0;
        private int elpe = 0;
        private int avscc = 0;
        private int apsta = 0;
        private int wctemp = 0;
        private int cctemp = 0;
        private int mtfa = 0;
        private int sanicap = 0;
        private int sqes = 0;
        private int cqes = 0;
        private int maxcmd = 0;
        private int nn = 0;
        private int oncs = 0;
        private int fuses = 0;
        private int fna = 0;
        private int vwc = 0;
        private int awun = 0;
        private int awupf = 0;
        private int icsvscc = 0;
        private int nwpc = 0;
        private int acwu = 0;
        private int sgls = 0;
        private int mnan = 0;
        private String subnqn = "";
        private List<PowerStateDescriptor> powerStates = List.of(PowerStateDescriptor.active(2500));

        private Builder() {
            sqes = 0x66;
            cqes = 0x44;
            cntrltype = 1;
            nn = 1;
        }

        public Builder vid(int v) { vid = v; return this; }
        public Builder ssvid(int v) { ssvid = v; return this; }
        public Builder serialNumber(String v) { serialNumber = v; return this; }
        public Builder modelNumber(String v) { modelNumber = v; return this; }
        public Builder firmwareRevision(String v) { firmwareRevision = v; return this; }
        public Builder rab(int v) { rab = v; return this; }
        public Builder ieee(int v) { ieee = v; return this; }
        public Builder cmic(int v) { cmic = v; return this; }
        public Builder mdts(int v) { mdts = v; return this; }
        public Builder cntlid(int v) { cntlid = v; return this; }
        public Builder ver(ControllerVersion v) { ver = v; return this; }
        public Builder rtd3r(int v) { rtd3r = v; return this; }
        public Builder rtd3e(int v) { rtd3e = v; return this; }
        public Builder oaes(int v) { oaes = v; return this; }
        public Builder ctratt(int v) { ctratt = v; return this; }
        public Builder cntrltype(int v) { cntrltype = v; return this; }
        public Builder crdt1(int v) { crdt1 = v; return this; }
        public Builder crdt2(int v) { crdt2 = v; return this; }
        public Builder crdt3(int v) { crdt3 = v; return this; }
        public Builder oacs(int v) { oacs = v; return this; }
        public Builder acl(int v) { acl = v; return this; }
        public Builder aerl(int v) { aerl = v; return this; }
        public Builder frmw(int v) { frmw = v; return this; }
        public Builder lpa(int v) { lpa = v; return this; }
        public Builder elpe(int v) { elpe = v; return this; }
        public Builder avscc(int v) { avscc = v; return this; }
        public Builder apsta(int v) { apsta = v; return this; }
        public Builder wctemp(int v) { wctemp = v; return this; }
        public Builder cctemp(int v) { cctemp = v; return this; }
        public Builder mtfa(int v) { mtfa = v; return this; }
        public Builder sanicap(int v) { sanicap = v; return this; }
        public Builder sqes(int v) { sqes = v; return this; }
        public Builder cqes(int v) { cqes = v; return this; }
        public Builder maxcmd(int v) { maxcmd = v; return this; }
        public Builder nn(int v) { nn = v; return this; }
        public Builder oncs(int v) { oncs = v; return this; }
        public Builder fuses(int v) { fuses = v; return this; }
        public Builder fna(int v) { fna = v; return this; }
        public Builder vwc(int v) { vwc = v; return this; }
        public Builder awun(int v) { awun = v; return this; }
        public Builder awupf(int v) { awupf = v; return this; }
        public Builder icsvscc(int v) { icsvscc = v; return this; }
        public Builder nwpc(int v) { nwpc = v; return this; }
        public Builder acwu(int v) { acwu = v; return this; }
        public Builder sgls(int v) { sgls = v; return this; }
        public Builder mnan(int v) { mnan = v; return this; }
        public Builder subnqn(String v) { subnqn = v; return this; }
        public Builder powerStates(List<PowerStateDescriptor> v) { powerStates = v; return this; }

        public IdentifyController build() {
            return new IdentifyController(vid, ssvid, serialNumber, modelNumber, firmwareRevision, rab, ieee, cmic, mdts, cntlid, ver, rtd3r, rtd3e, oaes, ctratt, cntrltype, crdt1, crdt2, crdt3, oacs, acl, aerl, frmw, lpa, elpe, avscc, apsta, wctemp, cctemp, mtfa, sanicap, sqes, cqes, maxcmd, nn, oncs, fuses, fna, vwc, awun, awupf, icsvscc, nwpc, acwu, sgls, mnan, subnqn, powerStates);
        }
    }
}
