package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

/**
 * Decodes a BAR0 offset into a doorbell: SQyTDBL at 1000h + (2y × (4 << DSTRD)) and CQyHDBL at
 * 1000h + ((2y + 1) × (4 << DSTRD)) (NVMe over PCIe Transport 1.0, "Submission Queue y Tail
 * Doorbell"). Offsets between strided doorbells are not doorbells. Purely combinational.
 */
public final class DoorbellDecoder extends Component {
    /** BAR0 offset (dword aligned; bits 1:0 are ignored). */
    public final Signal offset;
    /** The offset is a doorbell register. */
    public final Signal isDoorbell;
    /** The queue ID y of the doorbell. */
    public final Signal qid;
    /** 1 for a CQ head doorbell, 0 for an SQ tail doorbell. */
    public final Signal isCq;

    public DoorbellDecoder(int barBits, int doorbellStride) {
        parameter("barBits", barBits);
        parameter("stride", doorbellStride);
        offset = in("offset", barBits);
        isDoorbell = out("is_doorbell", 1);
        qid = out("qid", 16);
        isCq = out("is_cq", 1);
        int shift = 2 + doorbellStride;
        Value inRegion = offset.slice(barBits - 1, 12).orR();
        Value aligned = doorbellStride == 0 ? bool(true) : offset.slice(shift - 1, 2).orR().not();
        // Offsets from 1000h: the bits above 12 stay, the region base bit pattern is removed by the subtraction.
        Value rel = offset.sub(lit(0x1000, barBits));
        Value index = rel.slice(barBits - 1, shift);
        isDoorbell.set(inRegion.and(aligned));
        isCq.set(index.bit(0));
        Value q = index.width() > 1 ? index.slice(index.width() - 1, 1) : lit(0, 1);
        qid.set(q.resize(16));
    }
}
