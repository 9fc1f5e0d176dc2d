package dev.nvmekit.testbench.monitor;

/**
 * A rule the trace breaks: the cycle, the rule (a contract section or queue rule, e.g.
 * {@code "§4.3 fetch"}) and what was seen.
 */
public record Violation(long cycle, String rule, String message) {
    @Override
    public String toString() {
        return "cycle " + cycle + ": [" + rule + "] " + message;
    }
}
