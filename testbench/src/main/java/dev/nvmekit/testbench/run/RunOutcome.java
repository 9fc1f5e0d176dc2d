package dev.nvmekit.testbench.run;

import dev.nvmekit.testbench.host.QueueStatistics;
import dev.nvmekit.testbench.monitor.Violation;
import dev.nvmekit.testbench.workload.WorkloadResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a finished run leaves behind, before any statistics are made of them.
 *
 * @param setup              what was run
 * @param result             the workload's commands and verification
 * @param clockPeriodPs      the simulated clock period
 * @param cycleOffset        simulator cycle minus bench-loop cycle (the reset cycles before the loop started)
 * @param totalCycles        bench-loop cycles of the whole run, boot and shutdown included
 * @param wallSeconds        wall-clock time of the simulation
 * @param queues             the driver's per-queue counters
 * @param interruptsPerVector MSI-X messages by vector
 * @param dmesg              the driver's log, one line per entry
 * @param violations         what the trace checker found
 * @param traceEvents        transactions the monitors recorded (what the checker checked)
 * @param vcd                the VCD written, if any, and the simulator cycles it covers
 * @param firstCommand       the first workload command, for the waveform picture
 */
public record RunOutcome(SimulationSetup setup, WorkloadResult result, long clockPeriodPs, long cycleOffset,
                         long totalCycles, double wallSeconds, List<QueueStatistics> queues,
                         Map<Integer, Long> interruptsPerVector, List<String> dmesg, List<Violation> violations,
                         long traceEvents, Optional<Path> vcd, Optional<SimulationSetup.CycleWindow> vcdWindow,
                         Optional<FirstCommand> firstCommand) {

    /** The first workload command: its queue, kind, and the simulated times (ps) of its submission and completion. */
    public record FirstCommand(int qid, boolean write, long submitSimCycle, long doneSimCycle, long submitTimePs, long doneTimePs) {
    }

    /** Nanoseconds of simulated time in {@code cycles}. */
    public double ns(long cycles) {
        return cycles * (double) clockPeriodPs / 1000.0;
    }

    /** Whether the checker found nothing and every command and comparison succeeded. */
    public boolean passed() {
        return violations.isEmpty() && result.verifyFailures().isEmpty();
    }
}
