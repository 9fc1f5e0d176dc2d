package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.host.HostRequest;
import dev.nvmekit.testbench.nvme.NvmOpcode;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The NVMe front end under a random-I/O workload, the whole simulated SSD: the host driver with
 * one I/O queue pair per CPU keeps {@code depth} 4 KiB reads and writes at random LBAs in flight
 * on every queue, the firmware back end serves them. Measures simulated cycles per second of the
 * I/O phase (after the controller is enabled), wall clock, everything included: RTL, bus models,
 * driver and firmware.
 */
final class RandomIoWorkload {
    /** What one run did: cycles simulated, commands completed, seconds of wall clock. */
    record Result(long cycles, long commands, double seconds) {
        double cyclesPerSecond() {
            return cycles / seconds;
        }
    }

    private RandomIoWorkload() {
    }

    /**
     * A warm-up run of the same length (JIT, model load), then the fastest of three timed runs: on
     * a shared machine the slower ones mostly measure the neighbours.
     */
    static Result best(Design frontEnd, SimulatorBackend backend, int queues, int depth, int commands) {
        run(frontEnd, backend, queues, depth, commands, 99);
        Result best = null;
        for (long seed = 1; seed <= 3; seed++) {
            Result r = run(frontEnd, backend, queues, depth, commands, seed);
            if (best == null || r.cyclesPerSecond() > best.cyclesPerSecond()) best = r;
        }
        return best;
    }

    static Result run(Design frontEnd, SimulatorBackend backend, int queues, int depth, int commands, long seed) {
        FirmwareConfig config = FirmwareConfig.builder().build();
        HostDriverConfig driverConfig = HostDriverConfig.fastSimulation(queues).withTimeouts(10_000_000, 10_000_000);
        try (SimulatedSsd ssd = new SimulatedSsd(frontEnd, backend, (sim, mem) -> new FirmwareBackEnd(config, mem),
                AxiMemoryConfig.ideal(), driverConfig, 4_000)) {
            HostDriver d = ssd.driver();
            long[] ioStart = new long[2];
            long[] ioEnd = new long[2];
            Random rnd = new Random(seed);
            ssd.run(ctx -> {
                d.enable();
                ioStart[0] = ctx.cycle();
                ioStart[1] = System.nanoTime();
                List<HostRequest> inFlight = new ArrayList<>();
                int submitted = 0;
                byte[] buffer = new byte[4096];
                while (submitted < commands || !inFlight.isEmpty()) {
                    inFlight.removeIf(HostRequest::done);
                    while (submitted < commands && inFlight.size() < queues * depth) {
                        NvmOpcode op = rnd.nextBoolean() ? NvmOpcode.READ : NvmOpcode.WRITE;
                        long lba = rnd.nextInt(1 << 16) * 8L;
                        inFlight.add(d.submitIo(op, submitted % queues, 1, lba, 8, buffer, 0));
                        submitted++;
                    }
                    if (!inFlight.isEmpty()) {
                        List<HostRequest> waiting = List.copyOf(inFlight);
                        ctx.waitUntil(() -> waiting.stream().anyMatch(HostRequest::done));
                    }
                }
                ioEnd[0] = ctx.cycle();
                ioEnd[1] = System.nanoTime();
            }, 100_000_000L);
            return new Result(ioEnd[0] - ioStart[0], commands, (ioEnd[1] - ioStart[1]) / 1e9);
        }
    }
}
