package dev.nvmekit.testbench.firmware;

import dev.nvmekit.testbench.nvme.CompletionStatus;

import java.util.function.Consumer;

/**
 * Where the firmware sends queue-management requests: the front end's {@code qm_} port in a
 * simulation, or a stand-in in a unit test. Responses come back in request order, each to the
 * callback given with its request, possibly cycles later.
 */
@FunctionalInterface
public interface QueueManagement {
    void request(QueueManagementRequest request, Consumer<CompletionStatus> onResponse);
}
