package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.DataPointerException;
import dev.nvmekit.testbench.nvme.DmaSegment;
import dev.nvmekit.testbench.nvme.HostMemory;
import dev.nvmekit.testbench.nvme.PrpWalker;
import dev.nvmekit.testbench.nvme.SglWalker;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.util.List;

/**
 * The firmware's DMA to and from host memory: resolves a command's data pointer (PRPs with the
 * memory page size from CC.MPS, or SGLs) into segments and copies through them, asking the
 * {@link DmaFault} hook about every access, PRP list and SGL segment reads included.
 */
public final class DmaEngine {
    private final HostMemory memory;
    private final HostMemory checked;
    private DmaFault fault = DmaFault.NONE;
    private long pageSize = 4096;

    public DmaEngine(HostMemory memory) {
        this.memory = memory;
        this.checked = new CheckedMemory();
    }

    public void setFault(DmaFault fault) {
        this.fault = fault == null ? DmaFault.NONE : fault;
    }

    /** The host memory page size, 2^(12 + CC.MPS). */
    public void setPageSize(long bytes) {
        if (bytes < 4096 || Long.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("memory page size must be a power of two >= 4096: " + bytes);
        }
        pageSize = bytes;
    }

    public long pageSize() {
        return pageSize;
    }

    /**
     * The segments of {@code length} bytes that {@code sqe}'s data pointer describes.
     *
     * @throws DataPointerException for a malformed pointer, or SGLs where {@code sglAllowed} is false
     * @throws DmaFaultException    if reading a PRP list or SGL segment fails
     */
    public List<DmaSegment> map(SubmissionQueueEntry sqe, long length, boolean sglAllowed) {
        if (length == 0) {
            return List.of();
        }
        return switch (sqe.psdt()) {
            case SubmissionQueueEntry.PSDT_PRP -> PrpWalker.walk(sqe.prp1(), sqe.prp2(), length, pageSize, checked);
            case SubmissionQueueEntry.PSDT_SGL_CONTIGUOUS_METADATA -> {
                if (!sglAllowed) {
                    throw new DataPointerException(StatusCode.INVALID_FIELD_IN_COMMAND,
                            "PSDT selects SGLs, which this command or controller does not take");
                }
                yield SglWalker.walk(sqe.sgl1(), length, checked);
            }
            default -> throw new DataPointerException(StatusCode.INVALID_FIELD_IN_COMMAND,
                    "PSDT " + sqe.psdt() + " (metadata SGL or reserved) is not supported");
        };
    }

    /** Reads the data of the segments from host memory (bit buckets give zeros). */
    public byte[] fromHost(List<DmaSegment> segments, int length) {
        byte[] out = new byte[length];
        int at = 0;
        for (DmaSegment s : segments) {
            int n = Math.toIntExact(s.length());
            if (!s.bitBucket()) {
                checked.read(s.address(), out, at, n);
            }
            at += n;
        }
        return out;
    }

    /** Writes {@code data} through the segments to host memory; bit bucket segments drop their part. */
    public void toHost(List<DmaSegment> segments, byte[] data) {
        int at = 0;
        for (DmaSegment s : segments) {
            int n = Math.toIntExact(Math.min(s.length(), data.length - at));
            if (!s.bitBucket() && n > 0) {
                checked.write(s.address(), data, at, n);
            }
            at += n;
        }
    }

    /** Host memory with the fault hook in front of every access. */
    private final class CheckedMemory implements HostMemory {
        @Override
        public void write(long address, byte[] data, int offset, int length) {
            if (fault.fails(address, length, true)) {
                throw new DmaFaultException(address, length, true);
            }
            memory.write(address, data, offset, length);
        }

        @Override
        public void read(long address, byte[] into, int offset, int length) {
            if (fault.fails(address, length, false)) {
                throw new DmaFaultException(address, length, false);
            }
            memory.read(address, into, offset, length);
        }

        @Override
        public long allocate(long size, long alignment) {
            throw new UnsupportedOperationException("the controller does not allocate host memory");
        }

        @Override
        public void free(long address) {
            throw new UnsupportedOperationException("the controller does not free host memory");
        }
    }
}
