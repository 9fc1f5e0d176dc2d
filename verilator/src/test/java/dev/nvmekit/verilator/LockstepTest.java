package dev.nvmekit.verilator;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.Simulator.MemoryInfo;
import dev.nvmekit.sim.Simulator.SignalInfo;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Verilator and the embedded simulator, driven with the same random inputs, agree on every
 * signal and memory word, cycle for cycle.
 */
class LockstepTest {
    private static final VerilatorBackend VERILATOR = new VerilatorBackend();

    @ParameterizedTest
    @ValueSource(strings = {"counter", "memory_top"})
    void sameValuesEveryCycle(String which) {
        assumeTrue(VERILATOR.available(), () -> "Verilator lockstep skipped: " + VERILATOR.unavailableReason());
        Design design = which.equals("counter") ? TestDesigns.counter() : TestDesigns.memoryTop();
        try (Simulator v = VERILATOR.open(design, SimulationOptions.defaults());
             Simulator e = new EmbeddedBackend().open(design, SimulationOptions.defaults())) {
            List<SignalInfo> inputs = v.signals().stream()
                    .filter(s -> s.kind() == SignalInfo.Kind.INPUT && !s.path().startsWith("clk")).toList();
            // Clock ports are left out: between steps Verilator's clock is high (just after the edge),
            // the embedded simulator's is not a stored value.
            List<String> common = v.signals().stream().map(SignalInfo::path).filter(p -> !p.matches("(.*\\.)?clk(_\\w+)?"))
                    .filter(p -> e.signals().stream().anyMatch(s -> s.path().equals(p))).toList();
            assertTrue(common.size() >= v.signals().size() - 4, "both backends expose the design's signals: " + common);
            Random random = new Random(which.hashCode());
            v.reset(1);
            e.reset(1);
            for (int cycle = 0; cycle < 300; cycle++) {
                for (SignalInfo in : inputs) {
                    // Resets are rare, so that state builds up between them.
                    BigInteger value = in.path().startsWith("rst") ? BigInteger.valueOf(random.nextInt(40) == 0 ? 1 : 0)
                            : new BigInteger(in.width(), random);
                    v.poke(in.path(), value);
                    e.poke(in.path(), value);
                }
                for (String p : common) {
                    assertEquals(e.peekBig(p), v.peekBig(p), p + " before edge " + cycle);
                }
                v.step();
                e.step();
            }
            assertEquals(e.timePs(), v.timePs());
            assertEquals(e.cycle(), v.cycle());
            for (String p : common) assertEquals(e.peekBig(p), v.peekBig(p), p + " at the end");
            if (which.equals("memory_top")) {
                MemoryInfo vm = v.memory("words");
                MemoryInfo em = e.memory("words");
                for (int i = 0; i < vm.depth(); i++) assertEquals(e.readMemory(em, i), v.readMemory(vm, i), "words[" + i + "]");
            }
        }
    }
}
