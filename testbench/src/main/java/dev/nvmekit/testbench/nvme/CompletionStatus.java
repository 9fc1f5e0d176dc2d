package dev.nvmekit.testbench.nvme;

import java.util.Optional;

/**
 * The Status field of a completion queue entry, without the phase tag (NVMe Base Specification 2.0,
 * Figure 99): SC bits 7:0, SCT 10:8, CRD 12:11, M 13, DNR 14 of the 15-bit value. This 15-bit
 * value is what the front end's {@code cpl_status[14:0]} and {@code qm_rsp_status} carry, what
 * Linux hands user space as a passthrough result ({@code le16_to_cpu(cqe->status) >> 1}), and
 * what nvme-cli prints in hex.
 *
 * @param sct  Status Code Type
 * @param sc   Status Code
 * @param crd  Command Retry Delay: index into Identify Controller CRDT1..3, 0 for none
 * @param more M: more information in the Error Information log page
 * @param dnr  Do Not Retry
 */
public record CompletionStatus(int sct, int sc, int crd, boolean more, boolean dnr) {
    public static final CompletionStatus SUCCESS = new CompletionStatus(0, 0, 0, false, false);

    public CompletionStatus {
        Bits.checkRange("SCT", sct, 0, 7);
        Bits.checkRange("SC", sc, 0, 0xFF);
        Bits.checkRange("CRD", crd, 0, 3);
    }

    public static CompletionStatus of(StatusCode code, boolean dnr) {
        return new CompletionStatus(code.type().value(), code.value(), 0, false, dnr);
    }

    /** From the 15-bit field (CQE DW3 bits 31:17, shifted down). */
    public static CompletionStatus fromField(int field) {
        if ((field & ~0x7FFF) != 0) {
            throw new IllegalArgumentException("status field is 15 bits: 0x" + Integer.toHexString(field));
        }
        return new CompletionStatus(Bits.field(field, 10, 8), Bits.field(field, 7, 0), Bits.field(field, 12, 11),
                Bits.bit(field, 13), Bits.bit(field, 14));
    }

    /** The 15-bit field. */
    public int toField() {
        return sc | sct << 8 | crd << 11 | (more ? 1 << 13 : 0) | (dnr ? 1 << 14 : 0);
    }

    public boolean isSuccess() {
        return sct == 0 && sc == 0;
    }

    public Optional<StatusCode> code() {
        return StatusCode.of(sct, sc);
    }

    public boolean is(StatusCode code) {
        return code.type().value() == sct && code.value() == sc;
    }

    /**
     * nvme-cli's rendering, {@code Name(0x4002)}: the hex is the whole 15-bit field, so DNR (4000h),
     * M (2000h) and CRD show in it, and it is printed with C's {@code %#x} (so zero is "0", not "0x0").
     * nvme-cli built on libnvme puts ": " and a description after the name; this keeps the name only.
     */
    public String toNvmeCliString() {
        int field = toField();
        String hex = field == 0 ? "0" : "0x" + Integer.toHexString(field);
        return name() + "(" + hex + ")";
    }

    /** The spec name of the code, or a description of an unknown SCT/SC pair. */
    public String name() {
        if (sct == StatusCodeType.VENDOR_SPECIFIC.value()) {
            return "Vendor Specific Status";
        }
        // libnvme's wording for an SC it does not know within a known SCT, and for an unknown SCT
        return code().map(StatusCode::title)
                .orElse(StatusCodeType.of(sct) != null ? "unrecognized" : "Unknown status");
    }

    @Override
    public String toString() {
        return toNvmeCliString();
    }
}
