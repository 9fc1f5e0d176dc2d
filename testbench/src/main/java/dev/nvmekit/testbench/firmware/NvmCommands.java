package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.MediaOperation;
import dev.nvmekit.testbench.media.NamespaceMedia;
import dev.nvmekit.testbench.nvme.DmaSegment;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.StatusCode;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The NVM command set on I/O queues: Read, Write, Flush, Write Zeroes, Compare and Dataset
 * Management (NVM Command Set Specification 1.0, section 3). Data moves between the media and
 * host memory at once; the completion waits for the media time the channels need.
 * Checks, in the spec's order of interest: the namespace (Invalid Namespace or Format), the LBA
 * range (LBA Out of Range), the transfer size against MDTS (Invalid Field in Command), then the
 * data pointer (its own status, or Data Transfer Error when host memory refuses an access).
 */
final class NvmCommands {
    private final FirmwareState s;

    NvmCommands(FirmwareState s) {
        this.s = s;
    }

    Outcome execute(Command c, long now) {
        SubmissionQueueEntry sqe = c.sqe;
        NvmOpcode op = NvmOpcode.of(sqe.opcode()).orElseThrow(() -> CommandFailure.of(
                StatusCode.INVALID_COMMAND_OPCODE, "I/O opcode 0x" + Integer.toHexString(sqe.opcode())));
        if (s.sanitize.inProgress() && op != NvmOpcode.FLUSH) {
            throw CommandFailure.retryable(StatusCode.SANITIZE_IN_PROGRESS, op.title() + " during sanitize");
        }
        return switch (op) {
            case READ -> read(c, now);
            case WRITE -> write(c, now);
            case FLUSH -> flush(c, now);
            case WRITE_ZEROES -> writeZeroes(c, now);
            case COMPARE -> compare(c, now);
            case DATASET_MANAGEMENT -> datasetManagement(c);
            default -> throw CommandFailure.of(StatusCode.INVALID_COMMAND_OPCODE, op.title() + " is not supported");
        };
    }

    /** SLBA (CDW11:CDW10) and NLB (CDW12 15:0, 0's based), checked against the namespace. */
    private record Range(NamespaceMedia ns, long slba, int blocks) {
        long bytes() {
            return (long) blocks * ns.blockSize();
        }

        long byteOffset() {
            return slba * ns.blockSize();
        }
    }

    private Range range(SubmissionQueueEntry sqe) {
        NamespaceMedia ns = s.namespaces.requireActive(sqe.nsid());
        long slba = Integer.toUnsignedLong(sqe.cdw10()) | (long) sqe.cdw11() << 32;
        int blocks = (sqe.cdw12() & 0xFFFF) + 1;
        checkLbas(ns, slba, blocks);
        return new Range(ns, slba, blocks);
    }

    private static void checkLbas(NamespaceMedia ns, long slba, long blocks) {
        if (slba < 0 || slba + blocks > ns.size() || slba + blocks < slba) {
            throw CommandFailure.of(StatusCode.LBA_OUT_OF_RANGE, "LBAs " + Long.toUnsignedString(slba) + "+" + blocks
                    + " beyond namespace " + ns.nsid() + " of " + ns.size() + " blocks");
        }
    }

    private List<DmaSegment> mapData(Command c, Range r) {
        if (r.bytes() > s.config.maxTransferBytes()) {
            throw CommandFailure.of(StatusCode.INVALID_FIELD_IN_COMMAND,
                    r.bytes() + " bytes exceed MDTS (" + s.config.maxTransferBytes() + ")");
        }
        return s.dma.map(c.sqe, r.bytes(), s.config.sglSupported());
    }

    private Outcome read(Command c, long now) {
        Range r = range(c.sqe);
        List<DmaSegment> segs = mapData(c, r);
        s.dma.toHost(segs, r.ns().read(r.slba(), r.blocks()));
        s.health.countRead(r.bytes());
        return Outcome.successAt(s.media.access(MediaOperation.READ, r.ns().nsid(), r.byteOffset(), r.bytes(), now));
    }

    private Outcome write(Command c, long now) {
        Range r = range(c.sqe);
        List<DmaSegment> segs = mapData(c, r);
        byte[] data = s.dma.fromHost(segs, Math.toIntExact(r.bytes()));
        r.ns().write(r.slba(), data);
        s.health.countWrite(r.bytes());
        s.sanitize.dataWritten();
        return Outcome.successAt(s.media.access(MediaOperation.PROGRAM, r.ns().nsid(), r.byteOffset(), r.bytes(), now));
    }

    /** Flush: nothing is cached, so it waits for the media to finish what it has queued. */
    private Outcome flush(Command c, long now) {
        if (c.sqe.nsid() != NamespaceInventory.BROADCAST) {
            s.namespaces.requireActive(c.sqe.nsid());
        }
        return Outcome.successAt(Math.max(now, s.media.idleAt()));
    }

    /** Write Zeroes: no data transfer; DEAC (CDW12 bit 25) lets the blocks be deallocated instead. */
    private Outcome writeZeroes(Command c, long now) {
        Range r = range(c.sqe);
        boolean deallocate = (c.sqe.cdw12() & 1 << 25) != 0;
        r.ns().writeZeroes(r.slba(), r.blocks(), deallocate);
        s.sanitize.dataWritten();
        long done = deallocate ? now
                : s.media.access(MediaOperation.PROGRAM, r.ns().nsid(), r.byteOffset(), r.bytes(), now);
        return Outcome.successAt(done);
    }

    private Outcome compare(Command c, long now) {
        Range r = range(c.sqe);
        List<DmaSegment> segs = mapData(c, r);
        byte[] host = s.dma.fromHost(segs, Math.toIntExact(r.bytes()));
        byte[] stored = r.ns().read(r.slba(), r.blocks());
        s.health.countRead(r.bytes());
        long done = s.media.access(MediaOperation.READ, r.ns().nsid(), r.byteOffset(), r.bytes(), now);
        if (!Arrays.equals(host, stored)) {
            throw CommandFailure.of(StatusCode.COMPARE_FAILURE, "data differs in LBAs " + r.slba() + "+" + r.blocks());
        }
        return Outcome.successAt(done);
    }

    /**
     * Dataset Management: NR (CDW10 7:0, 0's based) ranges of 16 bytes — context attributes,
     * length in blocks, starting LBA — and with AD (CDW11 bit 2) the ranges are deallocated. The
     * integral read/write hints alone change nothing.
     */
    private Outcome datasetManagement(Command c) {
        NamespaceMedia ns = s.namespaces.requireActive(c.sqe.nsid());
        int ranges = (c.sqe.cdw10() & 0xFF) + 1;
        boolean deallocate = (c.sqe.cdw11() & 1 << 2) != 0;
        int length = ranges * 16;
        ByteBuffer b = ByteBuffer.wrap(s.dma.fromHost(s.dma.map(c.sqe, length, s.config.sglSupported()), length))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < ranges; i++) {
            checkLbas(ns, b.getLong(16 * i + 8), Integer.toUnsignedLong(b.getInt(16 * i + 4)));
        }
        if (deallocate) {
            for (int i = 0; i < ranges; i++) {
                ns.deallocate(b.getLong(16 * i + 8), Integer.toUnsignedLong(b.getInt(16 * i + 4)));
            }
        }
        return Outcome.success();
    }
}
