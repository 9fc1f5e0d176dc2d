package dev.nvmekit.testbench.workload;

import java.util.List;

/**
 * What a workload did: every command with its timing, the window of simulated cycles the
 * workload ran in, and what verification found.
 *
 * @param commands       every command, in completion order
 * @param startCycle     cycle the first command was issued
 * @param endCycle       cycle the last workload command completed (before any verify phase)
 * @param verifiedBytes  bytes read back and compared
 * @param verifyFailures one line per mismatch or failed command, empty when all is well
 */
public record WorkloadResult(List<CommandRecord> commands, long startCycle, long endCycle, long verifiedBytes,
                             List<String> verifyFailures) {
    public WorkloadResult {
        commands = List.copyOf(commands);
        verifyFailures = List.copyOf(verifyFailures);
    }

    /** The workload's commands, without the verify phase's reads. */
    public List<CommandRecord> workloadCommands() {
        return commands.stream().filter(c -> !c.verify()).toList();
    }

    /** Cycles from the first submission to the last completion of the workload proper. */
    public long cycles() {
        return Math.max(1, endCycle - startCycle);
    }
}
