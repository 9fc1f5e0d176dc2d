package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.media.Media;
import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.nvme.CompletionStatus;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.nvme.PrpBuilder;
import dev.nvmekit.testbench.nvme.SparseHostMemory;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link CommandProcessor} with host memory, media and a stand-in for the front end's queue
 * management port that records requests and answers them at once, plus helpers to run commands
 * to completion. Test scaffolding only.
 */
final class ProcessorBench {
    final SparseHostMemory memory = new SparseHostMemory();
    final PrpBuilder prps = new PrpBuilder(memory);
    final Media media;
    final CommandProcessor fw;
    final List<QueueManagementRequest> qmRequests = new ArrayList<>();
    /** Completions seen in delivery order. */
    final List<Completion> delivered = new ArrayList<>();
    Function<QueueManagementRequest, CompletionStatus> qmAnswer = r -> CompletionStatus.SUCCESS;
    long cycle;
    private int nextCid = 1;

    ProcessorBench() {
        this(small().build());
    }

    ProcessorBench(FirmwareConfig config) {
        this(config, new Media(config.media()));
    }

    ProcessorBench(FirmwareConfig config, Media media) {
        this.media = media;
        this.fw = new CommandProcessor(config, memory, media, (req, answer) -> {
            qmRequests.add(req);
            answer.accept(qmAnswer.apply(req));
        });
    }

    /** Small and instant: two namespaces (512 B and 4 KiB blocks), no media latency. */
    static FirmwareConfig.Builder small() {
        return FirmwareConfig.builder().media(MediaConfig.INSTANT).commandCycles(1)
                .namespaces(List.of(new NamespaceSpec(1, 2048, 0), new NamespaceSpec(2, 256, 1)))
                .capacityBytes(16L << 20);
    }

    int cid() {
        return nextCid++ & 0xFFFF;
    }

    /** Submits without waiting; returns the CID used. */
    int submit(int sqid, SubmissionQueueEntry.Builder b) {
        int cid = cid();
        fw.submit(sqid, b.cid(cid).build());
        return cid;
    }

    /** Runs one cycle: advance, then deliver every completion that is ready. */
    void step() {
        fw.advance(cycle++);
        for (var c = fw.takeCompletion(); c.isPresent(); c = fw.takeCompletion()) {
            fw.delivered(c.get());
            delivered.add(c.get());
        }
    }

    /** Runs until the command {@code (sqid, cid)} has completed. */
    Completion await(int sqid, int cid) {
        for (int i = 0; i < 2_000_000; i++) {
            for (Completion c : delivered) {
                if (c.sqid() == sqid && c.cid() == cid) {
                    return c;
                }
            }
            step();
        }
        throw new AssertionError("command " + cid + " on SQ " + sqid + " never completed");
    }

    Completion run(int sqid, SubmissionQueueEntry.Builder b) {
        return await(sqid, submit(sqid, b));
    }

    Completion admin(SubmissionQueueEntry.Builder b) {
        return run(0, b);
    }

    /** A command whose data pointer is PRPs to a fresh buffer of {@code bytes}; the buffer address in {@code out[0]}. */
    SubmissionQueueEntry.Builder withBuffer(SubmissionQueueEntry.Builder b, int bytes, long[] out) {
        long buf = memory.allocate(bytes, 4096);
        out[0] = buf;
        return b.dataPointer(prps.map(buf, bytes));
    }

    /** Admin command reading {@code bytes} into a fresh buffer; returns the data. */
    byte[] adminRead(SubmissionQueueEntry.Builder b, int bytes) {
        long[] buf = new long[1];
        Completion c = admin(withBuffer(b, bytes, buf));
        if (!c.status().isSuccess()) {
            throw new AssertionError("admin command failed: " + c.status());
        }
        return memory.read(buf[0], bytes);
    }

    SubmissionQueueEntry.Builder readWrite(NvmOpcode op, int nsid, long slba, int blocks) {
        return SubmissionQueueEntry.builder(op).nsid(nsid).cdw10((int) slba).cdw11((int) (slba >>> 32))
                .cdw12(blocks - 1);
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed * 7 + (i >>> 9));
        }
        return b;
    }

    /** Writes {@code data} to LBAs from {@code slba} of {@code nsid} over PRPs on SQ 1. */
    Completion write(int nsid, long slba, int blockSize, byte[] data) {
        long buf = memory.allocate(data.length, 4096);
        memory.write(buf, data);
        return run(1, readWrite(NvmOpcode.WRITE, nsid, slba, data.length / blockSize).dataPointer(prps.map(buf, data.length)));
    }

    /** Reads {@code blocks} from {@code nsid} over PRPs on SQ 1; fails the test on an error status. */
    byte[] read(int nsid, long slba, int blocks, int blockSize) {
        int length = blocks * blockSize;
        long buf = memory.allocate(length, 4096);
        Completion c = run(1, readWrite(NvmOpcode.READ, nsid, slba, blocks).dataPointer(prps.map(buf, length)));
        if (!c.status().isSuccess()) {
            throw new AssertionError("read failed: " + c.status());
        }
        return memory.read(buf, length);
    }
}
