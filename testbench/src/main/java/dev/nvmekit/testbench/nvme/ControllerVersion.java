package dev.nvmekit.testbench.nvme;

/**
 * VS, the Version register at offset 8h, also the layout of Identify Controller VER
 * (NVMe Base Specification 2.0, Figure 37): MJR bits 31:16, MNR 15:8, TER 7:0.
 */
public record ControllerVersion(int major, int minor, int tertiary) implements Comparable<ControllerVersion> {
    public static final ControllerVersion NVME_1_4 = new ControllerVersion(1, 4, 0);
    public static final ControllerVersion NVME_2_0 = new ControllerVersion(2, 0, 0);

    public ControllerVersion {
        Bits.checkRange("MJR", major, 0, 0xFFFF);
        Bits.checkRange("MNR", minor, 0, 0xFF);
        Bits.checkRange("TER", tertiary, 0, 0xFF);
    }

    public static ControllerVersion decode(int vs) {
        return new ControllerVersion(Bits.field(vs, 31, 16), Bits.field(vs, 15, 8), Bits.field(vs, 7, 0));
    }

    public int encode() {
        return major << 16 | minor << 8 | tertiary;
    }

    @Override
    public int compareTo(ControllerVersion o) {
        return Integer.compareUnsigned(encode(), o.encode());
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + tertiary;
    }
}
