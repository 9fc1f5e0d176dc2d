package dev.nvmekit.testbench.e2e;

import dev.nvmekit.nvme.FrontendParameters;
import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.firmware.NamespaceSpec;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.media.MediaConfig;
import dev.nvmekit.testbench.monitor.TraceChecker;
import dev.nvmekit.testbench.monitor.Violation;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.port.MemoryFault;
import dev.nvmekit.testbench.ssd.SimulatedSsd;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A long randomised, seeded run of the whole simulated SSD (host driver model, generated front end
 * on the embedded simulator, firmware) with faults: random reads and writes of 1–32 blocks at queue
 * depth on two interrupt queues and a polled one, behind a congested host memory, every read
 * checked against what was last written; every {@code faultEvery} commands one fault — a command
 * the firmware loses (timeout, Abort, reset), SLVERR or DECERR on an SQ fetch (fatal status,
 * reset), a fetch whose completion is lost on the link until the PCIe bridge's Completion Timeout
 * (timeout, Abort, a reset whose disable waits for the bridge), SLVERR on a CQE write (fatal
 * status, reset, the command executed again), or a transient DMA fault in the firmware (Data
 * Transfer Error, retried). The trace is
 * checked as it is made, in constant memory. Prints commands, faults, recoveries, checker
 * violations and data mismatches; the exit status is non-zero if any violation or mismatch.
 *
 * <p>{@code Soak [commands=1000000] [seed=1] [faultEvery=2000] [faults=LOST_COMMAND,FETCH_SLVERR,FETCH_DECERR,DMA_FAULT,FETCH_LOST_ON_LINK,CQE_SLVERR]}
 */
public final class Soak {
    private static final int REGION_BLOCKS = 32;
    private static final int REGIONS = 256;
    private static final int QUEUE_DEPTH = 24;

    /** The faults the soak injects, one every {@code faultEvery} commands, chosen at random among those enabled. */
    public enum Fault { LOST_COMMAND, FETCH_SLVERR, FETCH_DECERR, DMA_FAULT, FETCH_LOST_ON_LINK, CQE_SLVERR }

    /** The PCIe bridge's Completion Timeout for {@link Fault#FETCH_LOST_ON_LINK}: past the driver's Abort and reset. */
    private static final long BRIDGE_COMPLETION_TIMEOUT_CYCLES = 12_000;

    /** What a run did. */
    public record Result(long commands, long faults, long recoveries, long retries, List<Violation> violations,
                         long mismatches, long cycles, double seconds) {
        public boolean clean() {
            return violations.isEmpty() && mismatches == 0;
        }

        @Override
        public String toString() {
            return String.format("soak: %d commands completed, %d faults injected, %d controller resets, %d retries, "
                            + "%d checker violations, %d data mismatches, %d cycles in %.1f s (%.0f commands/s, %.0f cycles/s)",
                    commands, faults, recoveries, retries, violations.size(), mismatches, cycles, seconds,
                    commands / seconds, cycles / seconds);
        }
    }

    private final long target;
    private final int faultEvery;
    private final Random random;
    private final List<Fault> kinds;
    private final byte[][] media = new byte[REGIONS][REGION_BLOCKS * 512];   // what each region should hold
    private final boolean[][] known = new boolean[REGIONS][REGION_BLOCKS];    // false: never written, or a write failed
    private final boolean[] busy = new boolean[REGIONS];
    private long completed, faults, retries, mismatches;

    private record InFlight(HostRequest request, int region, NvmOpcode op, byte[] data) {
    }

    private Soak(long target, long seed, int faultEvery, List<Fault> kinds) {
        this.kinds = List.copyOf(kinds);
        this.target = target;
        this.faultEvery = faultEvery;
        this.random = new Random(seed);
    }

    /** Runs {@code commands} I/O commands from {@code seed}, a fault every {@code faultEvery} commands. */
    public static Result run(long commands, long seed, int faultEvery) {
        return run(commands, seed, faultEvery, List.of(Fault.values()));
    }

    /** As {@link #run(long, long, int)} with only the fault kinds {@code kinds}. */
    public static Result run(long commands, long seed, int faultEvery, List<Fault> kinds) {
        if (commands < 1 || faultEvery < 1) throw new IllegalArgumentException("commands and faultEvery must be positive");
        if (kinds.isEmpty()) throw new IllegalArgumentException("enable at least one fault kind");
        return new Soak(commands, seed, faultEvery, kinds).run(seed);
    }

    private Result run(long seed) {
        FrontendParameters params = FrontendParameters.DEFAULT.withIoQueues(4).withMaxQueueEntries(64).withMsixVectors(5)
                .withTicksPer100us(100);
        FirmwareConfig config = FirmwareConfig.builder().maxIoQueues(4).clockHz(100_000_000L)
                .namespaces(List.of(new NamespaceSpec(1, (long) REGIONS * REGION_BLOCKS, 0))).capacityBytes(32L << 20)
                .media(new MediaConfig(4, 4096, 20, 60, 200, 16)).build();
        HostDriverConfig driver = HostDriverConfig.fastSimulation(2).withPollQueues(1).withIoQueueDepth(32)
                .withSglThreshold(8192).withTimeouts(40_000, 20_000);
        long start = System.nanoTime();
        try (SimulatedSsd s = new SimulatedSsd(Elaborator.elaborate(new NvmeFrontend(params)).design(), new EmbeddedBackend(),
                (sim, mem) -> new FirmwareBackEnd(config, mem), AxiMemoryConfig.stressed(seed), driver, 10_000)) {
            TraceChecker checker = new TraceChecker(params.busBytes());
            s.trace().stream(checker::accept, false);
            HostDriver d = s.driver();
            FirmwareBackEnd fw = (FirmwareBackEnd) s.backEnd();
            s.run(ctx -> {
                d.enable();
                ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
                long submitted = 0;
                while (completed < target) {
                    while (inFlight.size() < QUEUE_DEPTH && submitted < target) {
                        inFlight.add(submit(d, submitted++));
                        if (submitted % faultEvery == 0) inject(s, fw);
                    }
                    d.await(inFlight.peek().request());   // the oldest, polling its queue if it is a polled one
                    for (var it = inFlight.iterator(); it.hasNext(); ) {
                        InFlight f = it.next();
                        if (!f.request().done()) continue;
                        it.remove();
                        finish(f);
                    }
                    if (d.state() != HostDriver.State.LIVE) throw new IllegalStateException("controller is " + d.state() + "\n" + d.log().dmesg());
                }
                d.shutdown();
            }, Long.MAX_VALUE / 4);
            long resets = d.log().entries().stream().filter(e -> e.message().equals("controller reset done")).count();
            List<Violation> violations = checker.violations();
            return new Result(completed, faults, resets, retries, violations, mismatches, s.loop().cycle(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private InFlight submit(HostDriver d, long n) {
        int region;
        do region = random.nextInt(REGIONS); while (busy[region]);
        busy[region] = true;
        int blocks = 1 + random.nextInt(REGION_BLOCKS);
        boolean write = !known[region][0] || random.nextBoolean();
        byte[] data = new byte[blocks * 512];
        if (write) {
            long x = n * 0x9E3779B97F4A7C15L;
            for (int i = 0; i < data.length; i += 8) { x ^= x << 13; x ^= x >>> 7; x ^= x << 17; for (int k = 0; k < 8; k++) data[i + k] = (byte) (x >>> 8 * k); }
        }
        NvmOpcode op = write ? NvmOpcode.WRITE : NvmOpcode.READ;
        int offset = 4 * random.nextInt(1024);
        HostRequest r = d.submitIo(op, random.nextInt(3), 1, (long) region * REGION_BLOCKS, blocks, data, offset, random.nextInt(3) == 0);
        return new InFlight(r, region, op, data);
    }

    private void finish(InFlight f) {
        busy[f.region()] = false;
        completed++;
        retries += f.request().retries();
        int blocks = f.data().length / 512;
        boolean ok = f.request().status().isSuccess();
        if (f.op() == NvmOpcode.WRITE) {
            // A failed write leaves its blocks unknown until they are written again.
            if (ok) System.arraycopy(f.data(), 0, media[f.region()], 0, f.data().length);
            Arrays.fill(known[f.region()], 0, blocks, ok);
            return;
        }
        if (!ok) return;
        for (int b = 0; b < blocks; b++) {
            if (known[f.region()][b] && !Arrays.equals(f.data(), b * 512, b * 512 + 512, media[f.region()], b * 512, b * 512 + 512)) {
                mismatches++;
                return;
            }
        }
    }

    private void inject(SimulatedSsd s, FirmwareBackEnd fw) {
        faults++;
        switch (kinds.get(random.nextInt(kinds.size()))) {
            case LOST_COMMAND -> {
                int[] left = {1};
                fw.processor().hangCommands((sqid, sqe) -> sqid > 0 && left[0]-- > 0);
            }
            case FETCH_SLVERR -> s.hostMemory().inject(MemoryFault.slverr(new MemoryFault.NthBurst(MemoryFault.Direction.READ, s.hostMemory().readBursts() + 1 + random.nextInt(4))));
            case FETCH_DECERR -> s.hostMemory().inject(MemoryFault.decerr(new MemoryFault.NthBurst(MemoryFault.Direction.READ, s.hostMemory().readBursts() + 1 + random.nextInt(4))));
            case FETCH_LOST_ON_LINK -> s.hostMemory().inject(new MemoryFault.CompletionTimeout(new MemoryFault.NthBurst(
                    MemoryFault.Direction.READ, s.hostMemory().readBursts() + 1 + random.nextInt(4)), BRIDGE_COMPLETION_TIMEOUT_CYCLES));
            case CQE_SLVERR -> s.hostMemory().inject(MemoryFault.slverr(new MemoryFault.NthBurst(MemoryFault.Direction.WRITE,
                    s.hostMemory().writeBursts() + 1 + random.nextInt(4))));
            case DMA_FAULT -> {
                int[] left = {1 + random.nextInt(3)};
                fw.processor().setDmaFault((address, length, toHost) -> left[0]-- > 0);
            }
        }
    }

    public static void main(String[] args) {
        try {
            long commands = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
            long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
            int faultEvery = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
            List<Fault> kinds = args.length > 3 ? Arrays.stream(args[3].split(",")).map(Fault::valueOf).toList() : List.of(Fault.values());
            Result r = run(commands, seed, faultEvery, kinds);
            System.out.println(r);
            for (Violation v : r.violations().stream().limit(20).toList()) System.out.println("  " + v);
            System.exit(r.clean() ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: Soak [commands] [seed] [faultEvery] [faults, e.g. LOST_COMMAND,DMA_FAULT]: " + e.getMessage());
            System.exit(2);
        }
    }
}
