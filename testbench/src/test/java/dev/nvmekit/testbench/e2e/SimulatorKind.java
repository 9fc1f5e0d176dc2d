package dev.nvmekit.testbench.e2e;

import dev.nvmekit.sim.SimulatorBackend;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.verilator.VerilatorBackend;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The simulators an end-to-end scenario runs on, for {@code @EnumSource(SimulatorKind.class)}.
 * One {@link VerilatorBackend} serves every test: its model cache is keyed by the Verilog's
 * content, so the one front end of {@link FirmwareSsd} is built by Verilator once (ever, on a
 * machine with a warm cache) and loaded by every later test. Without Verilator those cases are
 * skipped with the reason.
 */
public enum SimulatorKind {
    EMBEDDED(new EmbeddedBackend()),
    VERILATOR(new VerilatorBackend());

    private final SimulatorBackend backend;

    SimulatorKind(SimulatorBackend backend) {
        this.backend = backend;
    }

    /** The backend, or a skipped test when it cannot run on this machine. */
    public SimulatorBackend backend() {
        assumeTrue(backend.available(), () -> backend.name() + " skipped: " + backend.unavailableReason());
        return backend;
    }

    /** Every kind paired with every value, for a {@code @MethodSource} of a scenario with one more parameter. */
    public static Stream<Arguments> crossedWith(Object... values) {
        return Arrays.stream(values()).flatMap(k -> Arrays.stream(values).map(v -> Arguments.of(k, v)));
    }
}
