package dev.nvmekit.nvme;

import dev.nvmekit.rtl.dsl.Elaborator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the front end's figures measured in simulation (Icarus, through {@link FrontendBench}):
 * sustained commands per cycle through fetch → cmd_ → cpl_ → CQE → irq with the back end always
 * ready and host memory at a fixed latency, for 1, 4 and 16 active queues; and the latencies
 * SQ tail doorbell → SQE on cmd_ and cpl_ → CQE write at zero host-memory latency.
 * Run: {@code java -cp rtl-gen/target/classes:rtl-gen/target/test-classes dev.nvmekit.nvme.FrontendFigures [latency]}.
 */
public final class FrontendFigures {
    private FrontendFigures() {
    }

    public static void main(String[] args) throws Exception {
        int latency = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        FrontendParameters p = FrontendParameters.DEFAULT;
        for (int queues : new int[] {1, 4, 16}) {
            double rate = throughput(p, queues, 48, latency);
            System.out.printf("throughput, %2d queue(s), host latency %d cycles: %.3f commands/cycle (one per %.1f cycles)%n",
                    queues, latency, rate, 1 / rate);
        }
        latencies(p);
    }

    static double throughput(FrontendParameters p, int queues, int perQueue, int latency) throws Exception {
        Path dir = Files.createTempDirectory("nvme-figures");
        try (FrontendBench b = new FrontendBench(new IcarusDut(Elaborator.elaborate(new NvmeFrontend(p)).design(), dir), p, 1)) {
            b.autoComplete = true;
            b.enable(0x10_0000, 0x20_0000, 8);
            for (int q = 1; q <= queues; q++) {
                b.createCq(q, 0x100_0000L + 0x1000L * q, 64, q);
                b.createSq(q, 0x200_0000L + 0x1000L * q, 64, q);
            }
            b.memory.readLatency = latency;
            // Fill every SQ first (tail doorbells last) so that the measurement sees the block, not the register port.
            for (int q = 1; q <= queues; q++) {
                for (int i = 0; i < perQueue; i++) b.memory.write(0x200_0000L + 0x1000L * q + 64L * i, FrontendBench.sqe(1, i, q));
            }
            int total = queues * perQueue;
            int writesBefore = b.memory.writes.size();
            long start = b.cycle;
            for (int q = 1; q <= queues; q++) b.write32(0x1000 + 8L * q, perQueue);
            b.runUntil(() -> b.memory.writes.size() - writesBefore >= total && b.completions.isEmpty(), 200_000, "all CQE writes");
            long end = b.memory.writes.getLast().cycle();
            if (!b.violations.isEmpty()) throw new AssertionError(b.violations.toString());
            return (double) total / (end - start);
        }
    }

    static void latencies(FrontendParameters p) throws Exception {
        Path dir = Files.createTempDirectory("nvme-figures");
        try (FrontendBench b = new FrontendBench(new IcarusDut(Elaborator.elaborate(new NvmeFrontend(p)).design(), dir), p, 2)) {
            b.enable(0x10_0000, 0x20_0000, 8);
            b.memory.readLatency = 0;
            b.memory.write(0x10_0000, FrontendBench.sqe(6, 1, 1));
            // The doorbell write takes effect on the cycle its address and data are both held: find the W handshake.
            b.write32(0x1000, 1);
            long doorbellDone = b.cycle - 1; // write32 returns one cycle after the B response
            b.runUntil(() -> !b.commands.isEmpty(), 1000, "the command");
            long cmdAt = b.commands.getFirst().cycle();
            System.out.printf("latency, SQ tail doorbell write response -> SQE on cmd_ (zero host latency): %d cycles%n", cmdAt - doorbellDone);
            int before = b.memory.writes.size();
            b.completions.add(new FrontendBench.Completion(0, 1, 0, 0, 0));
            b.runUntil(() -> b.completions.isEmpty(), 100, "cpl taken");
            long cplAt = b.completionCycles.getLast();
            b.runUntil(() -> b.memory.writes.size() > before, 100, "CQE write");
            System.out.printf("latency, cpl_ handshake -> CQE write complete on the W channel (zero host latency): %d cycles%n",
                    b.memory.writes.getLast().cycle() - cplAt);
        }
    }
}
