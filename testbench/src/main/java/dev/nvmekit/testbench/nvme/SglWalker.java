package dev.nvmekit.testbench.nvme;

import java.util.ArrayList;
import java.util.List;

/**
 * The controller side of SGLs: follows SGL1 through the segments in host memory and returns the
 * data segments (bit buckets flagged), enforcing the structure rules of NVMe Base Specification
 * 2.0, section 4.1.2:
 * <ul>
 *   <li>a segment's length is a non-zero multiple of 16 (else Invalid SGL Segment Descriptor);</li>
 *   <li>only the last descriptor of a segment may be a Segment or Last Segment descriptor (else
 *       Invalid Number of SGL Descriptors);</li>
 *   <li>the segment a Last Segment descriptor points at holds no segment descriptors, and one a
 *       Segment descriptor points at ends in one (else Invalid SGL Segment Descriptor);</li>
 *   <li>a type or sub type the controller does not support gives SGL Descriptor Type Invalid;</li>
 *   <li>data descriptors shorter in total than the transfer give Data SGL Length Invalid, and so
 *       do longer ones unless the controller supports that (Identify Controller SGLS bit 19).</li>
 * </ul>
 */
public final class SglWalker {
    /** A bound on descriptors followed, so a looping chain fails instead of hanging the model. */
    public static final int MAX_DESCRIPTORS = 1 << 20;

    private SglWalker() {
    }

    public static List<DmaSegment> walk(SglDescriptor sgl1, long length, HostMemory memory) {
        return walk(sgl1, length, memory, false);
    }

    /**
     * @param allowLongerThanData whether SGL data beyond {@code length} is accepted (then ignored),
     *                            as a controller reporting SGLS bit 19 does
     */
    public static List<DmaSegment> walk(SglDescriptor sgl1, long length, HostMemory memory,
                                        boolean allowLongerThanData) {
        List<DmaSegment> out = new ArrayList<>();
        long[] total = {0};
        SglDescriptor next = sgl1;
        int followed = 0;
        if (!next.isSegmentPointer()) {
            addData(next, out, total);
        }
        while (next.isSegmentPointer()) {
            boolean last = next instanceof SglDescriptor.LastSegment;
            long segLength = next.length();
            if (segLength == 0 || segLength % SglDescriptor.SIZE != 0) {
                throw error(StatusCode.INVALID_SGL_SEGMENT_DESCRIPTOR,
                        "segment length " + segLength + " is not a non-zero multiple of 16");
            }
            int count = Math.toIntExact(segLength / SglDescriptor.SIZE);
            followed += count;
            if (followed > MAX_DESCRIPTORS) {
                throw error(StatusCode.INVALID_NUMBER_OF_SGL_DESCRIPTORS, "more than " + MAX_DESCRIPTORS + " descriptors");
            }
            byte[] raw = memory.read(next.address(), Math.toIntExact(segLength));
            SglDescriptor pointer = null;
            for (int i = 0; i < count; i++) {
                SglDescriptor d = SglDescriptor.decode(raw, i * SglDescriptor.SIZE);
                if (d.isSegmentPointer()) {
                    if (i != count - 1) {
                        throw error(StatusCode.INVALID_NUMBER_OF_SGL_DESCRIPTORS,
                                "segment descriptor in position " + i + " of " + count);
                    }
                    pointer = d;
                } else {
                    addData(d, out, total);
                }
            }
            if (last && pointer != null) {
                throw error(StatusCode.INVALID_SGL_SEGMENT_DESCRIPTOR, "the last segment points at another segment");
            }
            if (!last && pointer == null) {
                throw error(StatusCode.INVALID_SGL_SEGMENT_DESCRIPTOR, "a non-last segment does not point onward");
            }
            next = last ? new SglDescriptor.DataBlock(0, 0) : pointer;
        }
        if (total[0] < length || (total[0] > length && !allowLongerThanData)) {
            throw error(StatusCode.DATA_SGL_LENGTH_INVALID, "SGL describes " + total[0] + " bytes, transfer is " + length);
        }
        return truncate(out, length);
    }

    private static void addData(SglDescriptor d, List<DmaSegment> out, long[] total) {
        switch (d) {
            case SglDescriptor.DataBlock b -> {
                if (b.length() > 0) {
                    out.add(new DmaSegment(b.address(), b.length()));
                }
                total[0] += b.length();
            }
            case SglDescriptor.BitBucket b -> {
                out.add(DmaSegment.discard(b.length()));
                total[0] += b.length();
            }
            case SglDescriptor.Other o -> throw error(StatusCode.SGL_DESCRIPTOR_TYPE_INVALID,
                    "type " + o.type() + " sub type " + o.subtype() + " is not supported");
            case SglDescriptor.Segment s -> throw new IllegalStateException("segment pointers are handled by walk");
            case SglDescriptor.LastSegment s -> throw new IllegalStateException("segment pointers are handled by walk");
        }
    }

    private static List<DmaSegment> truncate(List<DmaSegment> segments, long length) {
        List<DmaSegment> out = new ArrayList<>();
        long left = length;
        for (DmaSegment s : segments) {
            if (left == 0) {
                break;
            }
            long n = Math.min(left, s.length());
            out.add(new DmaSegment(s.address(), n, s.bitBucket()));
            left -= n;
        }
        return out;
    }

    private static DataPointerException error(StatusCode code, String message) {
        return new DataPointerException(code, message);
    }
}
