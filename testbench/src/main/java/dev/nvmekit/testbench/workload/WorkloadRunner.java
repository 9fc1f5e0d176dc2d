package dev.nvmekit.testbench.workload;

import dev.nvmekit.testbench.bench.BenchLoop;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.nvme.NvmOpcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a {@link JobSpec} through the {@link HostDriver} from one bench process, as fio's libaio
 * engine would from {@code numjobs} threads: job {@code j} runs on driver CPU {@code j} (so on its
 * own I/O queue pair) and keeps {@code iodepth} commands in flight, each in its own slot-sized
 * region of the namespace so that jobs never touch each other's blocks.
 *
 * <p>Offsets are sequential (wrapping in the region) or uniformly random with replacement; a slot
 * with a command in flight is never chosen again until it completes, so what a read returns is
 * always what the last completed write left there. With {@code verify}, reads of blocks this run
 * wrote are compared as they complete, and after the workload every block written is read back
 * and compared (fio's verify phase). Everything random comes from the job's seed, so a run is
 * the same every time.
 */
public final class WorkloadRunner {
    /** Called as commands complete, for a progress line. */
    @FunctionalInterface
    public interface Progress {
        void update(long cycle, long commandsDone);
    }

    private final JobSpec spec;
    private final int nsid;
    private final int blockSize;
    private final long regionSlots;
    private final long periodPs;

    /**
     * @param namespaceBlocks size of namespace {@code nsid} in blocks of {@code blockSize} bytes
     * @throws IllegalArgumentException when the jobs' regions do not fit in the namespace
     */
    public WorkloadRunner(JobSpec spec, int nsid, int blockSize, long namespaceBlocks, long periodPs) {
        if (spec.blockSize() % blockSize != 0) {
            throw new IllegalArgumentException("bs=" + spec.blockSize() + " is not a multiple of the namespace's " + blockSize + "-byte blocks");
        }
        this.spec = spec;
        this.nsid = nsid;
        this.blockSize = blockSize;
        this.periodPs = periodPs;
        long perJobBytes = namespaceBlocks * blockSize / spec.numJobs();
        long wanted = spec.sizeBytes() > 0 ? spec.sizeBytes() : Math.min(perJobBytes, 64L << 20);
        if (wanted > perJobBytes) {
            throw new IllegalArgumentException("numjobs=" + spec.numJobs() + " x size=" + spec.sizeBytes() + " bytes do not fit in namespace "
                    + nsid + " of " + namespaceBlocks * blockSize + " bytes");
        }
        this.regionSlots = wanted / spec.blockSize();
        if (regionSlots < 1) throw new IllegalArgumentException("size=" + wanted + " is smaller than bs=" + spec.blockSize());
    }

    /** Commands each job issues when the size bounds the run. */
    public long commandsPerJob() {
        return regionSlots;
    }

    /** Runs the workload in the calling bench process; returns when every command has completed. */
    public WorkloadResult run(HostDriver driver, BenchLoop.Context ctx, Progress progress) {
        List<Job> jobs = new ArrayList<>();
        for (int j = 0; j < spec.numJobs(); j++) jobs.add(new Job(j));
        List<CommandRecord> records = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long start = ctx.cycle();
        long deadline = spec.runtimeUs() > 0 ? start + spec.runtimeUs() * 1_000_000L / periodPs : Long.MAX_VALUE;
        while (true) {
            for (Job job : jobs) {
                while (job.inFlight.size() < spec.ioDepth() && job.mayIssue(ctx.cycle(), deadline)) job.issue(driver, ctx.cycle(), false, -1);
            }
            if (jobs.stream().allMatch(j -> j.inFlight.isEmpty())) break;
            ctx.waitUntil(() -> anyDone(jobs));
            for (Job job : jobs) job.reap(records, failures);
            if (progress != null) progress.update(ctx.cycle(), records.size());
        }
        long end = records.stream().mapToLong(CommandRecord::doneCycle).max().orElse(start);
        long verified = 0;
        if (spec.verify()) {
            for (Job job : jobs) {
                List<Long> slots = new ArrayList<>(job.expected.keySet());
                int next = 0;
                while (next < slots.size() || !job.inFlight.isEmpty()) {
                    while (job.inFlight.size() < spec.ioDepth() && next < slots.size()) job.issue(driver, ctx.cycle(), true, slots.get(next++));
                    ctx.waitUntil(() -> anyDone(List.of(job)));
                    verified += job.reap(records, failures);
                    if (progress != null) progress.update(ctx.cycle(), records.size());
                }
            }
        }
        return new WorkloadResult(records, start, end, verified, failures);
    }

    private static boolean anyDone(List<Job> jobs) {
        for (Job j : jobs) for (InFlight f : j.inFlight) if (f.request.done()) return true;
        return false;
    }

    private record InFlight(HostRequest request, int qid, long slot, long lba, boolean write, byte[] data, long submitCycle,
                            boolean verify) {
    }

    /** One fio job: its region, random stream, commands in flight, and what it has written. */
    private final class Job {
        final int index;
        final Random random;
        final long baseLba;
        final List<InFlight> inFlight = new ArrayList<>();
        final Set<Long> busy = new HashSet<>();
        final Map<Long, byte[]> expected = new TreeMap<>();
        long issued, cursor;

        Job(int index) {
            this.index = index;
            this.random = new Random(spec.seed() * 1_000_003L + index);
            this.baseLba = index * regionSlots * (spec.blockSize() / blockSize);
        }

        boolean mayIssue(long cycle, long deadline) {
            if (busy.size() >= regionSlots) return false;
            return spec.runtimeUs() > 0 ? cycle < deadline : issued < regionSlots;
        }

        void issue(HostDriver driver, long cycle, boolean verifyRead, long verifySlot) {
            boolean write = !verifyRead && switch (spec.rw()) {
                case READ, RANDREAD -> false;
                case WRITE, RANDWRITE -> true;
                case RANDRW -> random.nextInt(100) >= spec.rwMixRead();
            };
            long slot = verifyRead ? verifySlot : nextSlot();
            busy.add(slot);
            issued += verifyRead ? 0 : 1;
            int blocks = spec.blockSize() / blockSize;
            long lba = baseLba + slot * blocks;
            byte[] data = new byte[spec.blockSize()];
            if (write) random.nextBytes(data);
            HostRequest r = driver.submitIo(write ? NvmOpcode.WRITE : NvmOpcode.READ, index, nsid, lba, blocks, data, 0);
            inFlight.add(new InFlight(r, queueOf(driver), slot, lba, write, data, cycle, verifyRead));
        }

        private int queueOf(HostDriver driver) {
            var queues = driver.ioQueues().stream().filter(q -> !q.polled()).toList();
            return queues.get(Math.floorMod(index, queues.size())).qid();
        }

        private long nextSlot() {
            long slot;
            if (spec.random()) {
                slot = Math.floorMod(random.nextLong(), regionSlots);
                while (busy.contains(slot)) slot = (slot + 1) % regionSlots;
            } else {
                slot = cursor;
                while (busy.contains(slot)) slot = (slot + 1) % regionSlots;
                cursor = (slot + 1) % regionSlots;
            }
            return slot;
        }

        /** Takes finished commands off the in-flight list; returns bytes compared. */
        long reap(List<CommandRecord> records, List<String> failures) {
            long compared = 0;
            for (var it = inFlight.iterator(); it.hasNext(); ) {
                InFlight f = it.next();
                if (!f.request.done()) continue;
                it.remove();
                busy.remove(f.slot);
                boolean ok = f.request.status().isSuccess();
                records.add(new CommandRecord(index, f.qid, nsid, f.write, f.lba, f.data.length, f.submitCycle,
                        f.submitCycle + f.request.latencyCycles(), ok, f.verify));
                String what = (f.write ? "write" : "read") + " of lba " + f.lba + " (" + f.data.length + " bytes, job " + index + ")";
                if (!ok) {
                    failures.add(what + " failed: " + f.request.status().toNvmeCliString());
                } else if (f.write) {
                    if (spec.verify()) expected.put(f.slot, f.data);
                } else if (spec.verify() && expected.containsKey(f.slot)) {
                    compared += f.data.length;
                    byte[] want = expected.get(f.slot);
                    int at = Arrays.mismatch(want, f.data);
                    if (at >= 0) failures.add("verify: " + what + " differs at byte " + at + ": wrote 0x"
                            + String.format("%02x", want[at]) + ", read 0x" + String.format("%02x", f.data[at]));
                }
            }
            return compared;
        }
    }
}
