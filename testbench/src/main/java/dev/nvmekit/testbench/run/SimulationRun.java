package dev.nvmekit.testbench.run;

import dev.nvmekit.nvme.NvmeFrontend;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.testbench.firmware.FirmwareBackEnd;
import dev.nvmekit.testbench.firmware.FirmwareConfig;
import dev.nvmekit.testbench.host.HostDriver;
import dev.nvmekit.testbench.host.HostDriverConfig;
import dev.nvmekit.testbench.nvme.IdentifyNamespace;
import dev.nvmekit.testbench.port.AxiMemoryConfig;
import dev.nvmekit.testbench.ssd.SimulatedSsd;
import dev.nvmekit.testbench.workload.CommandRecord;
import dev.nvmekit.testbench.workload.JobSpec;
import dev.nvmekit.testbench.workload.WorkloadResult;
import dev.nvmekit.testbench.workload.WorkloadRunner;

import java.util.List;
import java.util.Optional;

/**
 * One simulated run: elaborate the front end, boot the simulated SSD (front end on the chosen
 * simulator, firmware and media behind it, the Linux-like driver in front), run the workload,
 * shut the controller down, and collect what happened.
 *
 * <p>The driver's timeouts are scaled to simulation (milliseconds, not Linux's seconds) and CSTS
 * is polled every 200 ns, so a hang shows up as a timeout in the log rather than a run that never
 * ends; the driver gets one CPU, hence one I/O queue pair, per job.
 */
public final class SimulationRun {
    /** Cycles after the first workload command that the default VCD window keeps. */
    static final long DEFAULT_VCD_CYCLES = 2_000;
    /** Cycles before the first workload command that the default VCD window keeps. */
    static final long DEFAULT_VCD_LEAD = 50;

    private SimulationRun() {
    }

    /** The design the run simulates. */
    public static Design design(SimulationSetup setup) {
        return Elaborator.elaborate(new NvmeFrontend(setup.parameters())).design();
    }

    /** The driver model's settings for {@code workload}. */
    static HostDriverConfig driverConfig(JobSpec workload, int maxQueueEntries) {
        int sglThreshold = workload.pointers() == JobSpec.DataPointers.SGL ? 512 : 0;
        int depth = Math.min(1024, maxQueueEntries);
        return new HostDriverConfig(workload.numJobs(), 0, depth, sglThreshold, 10_000_000, 10_000_000, 1_000_000,
                1_000_000, 200, 5);
    }

    /**
     * Runs {@code setup} on {@code design}.
     *
     * @throws IllegalArgumentException when the workload does not fit the design or the drive
     *                                  (too many jobs for the queues, iodepth above the queue size)
     * @throws SimulationException      when the run hangs or the host process fails
     */
    public static RunOutcome run(SimulationSetup setup, Design design, WorkloadRunner.Progress progress) {
        JobSpec w = setup.workload();
        var p = setup.parameters();
        if (w.numJobs() > p.ioQueues()) {
            throw new IllegalArgumentException("numjobs=" + w.numJobs() + " needs " + w.numJobs() + " I/O queue pairs but the front end has ioQueues="
                    + p.ioQueues() + " (raise it with --param ioQueues=N)");
        }
        if (w.ioDepth() > p.maxQueueEntries() - 1) {
            throw new IllegalArgumentException("iodepth=" + w.ioDepth() + " does not fit a queue of maxQueueEntries=" + p.maxQueueEntries()
                    + " (at most " + (p.maxQueueEntries() - 1) + " commands in flight per queue)");
        }
        long periodPs = setup.clockPeriodPs();
        FirmwareConfig firmware = FirmwareConfig.builder().maxIoQueues(p.ioQueues()).clockHz(1_000_000_000_000L / periodPs).build();
        // Check the workload fits the drive's namespace 1 before booting, so a mistake is a usage error.
        var ns1 = firmware.namespaces().stream().filter(n -> n.nsid() == 1).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the firmware configures no namespace 1"));
        new WorkloadRunner(w, 1, (int) firmware.lbaFormats().get(ns1.lbaFormatIndex()).blockSize(), ns1.blocks(), periodPs);
        SimulationOptions options = SimulationOptions.defaults().withClocks(new ClockSpec("clk", periodPs, periodPs / 2));
        Optional<SimulationSetup.CycleWindow> window = Optional.empty();
        if (setup.vcd().isPresent()) {
            window = Optional.of(setup.vcdWindow().orElseGet(() -> defaultWindow(setup, design, firmware, periodPs)));
            options = options.withVcd(setup.vcd().get()).withVcdWindow(window.get().from(), window.get().to());
        }
        long wallStart = System.nanoTime();
        try (SimulatedSsd ssd = new SimulatedSsd(design, setup.backend(), options, (sim, mem) -> new FirmwareBackEnd(firmware, mem),
                AxiMemoryConfig.ideal(), driverConfig(w, p.maxQueueEntries()))) {
            long offset = ssd.simulator().cycle() - ssd.loop().cycle();
            HostDriver d = ssd.driver();
            WorkloadResult[] result = new WorkloadResult[1];
            ssd.run(ctx -> {
                d.enable();
                IdentifyNamespace ns = d.namespaces().get(1);
                if (ns == null) throw new IllegalStateException("the drive reported no namespace 1");
                WorkloadRunner runner = new WorkloadRunner(w, 1, (int) ns.blockSize(), ns.nsze(), periodPs);
                result[0] = runner.run(d, ctx, progress);
                d.shutdown();
            }, maxCycles(w, periodPs));
            double wall = (System.nanoTime() - wallStart) / 1e9;
            // Simulated time of a cycle's rising edge, from where the simulator is now (one clock, fixed period).
            long timeBase = ssd.simulator().timePs() - ssd.simulator().cycle() * periodPs;
            Optional<RunOutcome.FirstCommand> first = result[0].workloadCommands().stream()
                    .min(java.util.Comparator.comparingLong(CommandRecord::submitCycle))
                    .map(c -> new RunOutcome.FirstCommand(c.qid(), c.write(), c.submitCycle() + offset, c.doneCycle() + offset,
                            timeBase + (c.submitCycle() + offset) * periodPs, timeBase + (c.doneCycle() + offset) * periodPs));
            List<String> dmesg = d.log().entries().stream().map(Object::toString).toList();
            return new RunOutcome(setup, result[0], periodPs, offset, ssd.loop().cycle(), wall, d.statistics(),
                    ssd.interrupts().countsByVector(), dmesg, ssd.violations(), ssd.trace().size(), setup.vcd(), window, first);
        }
    }

    /** Enough cycles for any sane run of {@code w}; a run that needs more is hung. */
    static long maxCycles(JobSpec w, long periodPs) {
        long boot = 5_000_000;
        if (w.runtimeUs() > 0) return boot + 2 * w.runtimeUs() * 1_000_000L / periodPs;
        long commands = w.numJobs() * Math.max(1, w.sizeBytes() / w.blockSize()) * (w.verify() ? 2 : 1);
        return boot + commands * 200_000L;
    }

    /**
     * A window from just before the first workload command to a couple of thousand cycles after:
     * the boot is deterministic, so a run of the boot alone (no VCD, no workload) finds where the
     * workload will start.
     */
    private static SimulationSetup.CycleWindow defaultWindow(SimulationSetup setup, Design design, FirmwareConfig firmware, long periodPs) {
        var options = SimulationOptions.defaults().withClocks(new ClockSpec("clk", periodPs, periodPs / 2));
        try (SimulatedSsd ssd = new SimulatedSsd(design, setup.backend(), options, (sim, mem) -> new FirmwareBackEnd(firmware, mem),
                AxiMemoryConfig.ideal(), driverConfig(setup.workload(), setup.parameters().maxQueueEntries()))) {
            ssd.run(ctx -> ssd.driver().enable(), 5_000_000);
            long start = ssd.simulator().cycle();
            return new SimulationSetup.CycleWindow(Math.max(0, start - DEFAULT_VCD_LEAD), start + DEFAULT_VCD_CYCLES);
        }
    }
}
