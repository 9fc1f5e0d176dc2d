package dev.nvmekit.testbench.nvme;

/**
 * AQA, the Admin Queue Attributes register at offset 24h (NVMe Base Specification 2.0, Figure 43):
 * ASQS bits 11:0 and ACQS bits 27:16, both 0's based sizes. The minimum legal value of each is 1
 * (two entries); Linux writes 001F001Fh (NVME_AQ_DEPTH 32).
 */
public record AdminQueueAttributes(int asqs, int acqs) {
    public AdminQueueAttributes {
        Bits.checkRange("ASQS", asqs, 0, 0xFFF);
        Bits.checkRange("ACQS", acqs, 0, 0xFFF);
    }

    /** From sizes in entries, as a host thinks of them. */
    public static AdminQueueAttributes ofEntries(int sqEntries, int cqEntries) {
        return new AdminQueueAttributes(sqEntries - 1, cqEntries - 1);
    }

    public static AdminQueueAttributes decode(int aqa) {
        return new AdminQueueAttributes(Bits.field(aqa, 11, 0), Bits.field(aqa, 27, 16));
    }

    public int encode() {
        return asqs | acqs << 16;
    }

    public int submissionQueueEntries() {
        return asqs + 1;
    }

    public int completionQueueEntries() {
        return acqs + 1;
    }

    /** A 0 in either field describes a one-entry queue, which the spec does not allow. */
    public boolean isValid() {
        return asqs >= 1 && acqs >= 1;
    }
}
