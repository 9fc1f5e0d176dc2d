package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.rtl.examples.Counter;
import dev.nvmekit.sim.designs.FifoPair;
import dev.nvmekit.sim.designs.WideAlu;
import dev.nvmekit.sim.interp.InterpreterBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes a test author can make get a clear {@link SimulationException} on both embedded backends. */
class SimulatorErrorsTest {
    static List<SimulatorBackend> backends() {
        return List.of(new EmbeddedBackend(), new InterpreterBackend());
    }

    private static Simulator counter(SimulatorBackend b) {
        return b.open(Elaborator.elaborate(new Counter(4)).design(), SimulationOptions.defaults());
    }

    private static void assertMessage(Runnable r, String... parts) {
        SimulationException e = assertThrows(SimulationException.class, r::run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void pokingAnOutputOrInternalSignalOrClock(SimulatorBackend b) {
        try (Simulator sim = counter(b)) {
            assertMessage(() -> sim.poke("count", 1), "cannot poke 'count'", "an output");
            assertMessage(() -> sim.poke("value", 1), "cannot poke 'value'", "internal");
            assertMessage(() -> sim.poke("clk", 1), "clock", "step()");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void unknownNamesSuggestTheClosestOne(SimulatorBackend b) {
        try (Simulator sim = counter(b)) {
            assertMessage(() -> sim.peek("cuont"), "no signal 'cuont'", "did you mean 'count'");
            assertMessage(() -> sim.memory("mem"), "no memory 'mem'");
        }
        try (Simulator sim = b.open(Elaborator.elaborate(new FifoPair()).design(), SimulationOptions.defaults())) {
            assertMessage(() -> sim.peek("first.levl"), "did you mean 'first.level'");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void valuesWiderThanThePort(SimulatorBackend b) {
        try (Simulator sim = counter(b)) {
            assertMessage(() -> sim.poke("enable", 2), "value 2 does not fit 'enable' of 1 bits");
            assertMessage(() -> sim.poke("enable", -1), "does not fit");
            assertMessage(() -> sim.poke("enable", BigInteger.TWO), "does not fit");
        }
        try (Simulator sim = b.open(Elaborator.elaborate(new WideAlu()).design(), SimulationOptions.defaults())) {
            assertMessage(() -> sim.poke("a", BigInteger.ONE.shiftLeft(130)), "does not fit 'a' of 130 bits");
            assertMessage(() -> sim.peek("a"), "130 bits wide", "peekBig");
            sim.poke("a", BigInteger.ONE.shiftLeft(129));
            assertEquals(BigInteger.ONE.shiftLeft(129), sim.peekBig("a"));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void usingAClosedSimulation(SimulatorBackend b) {
        Simulator sim = counter(b);
        sim.close();
        assertMessage(() -> sim.step(), "closed");
        assertMessage(() -> sim.peek("count"), "closed");
        sim.close(); // a second close is harmless
    }

    @ParameterizedTest
    @MethodSource("backends")
    void memoryBackdoorAndBounds(SimulatorBackend b) {
        try (Simulator sim = b.open(Elaborator.elaborate(new FifoPair()).design(), SimulationOptions.defaults())) {
            Simulator.MemoryInfo m = sim.memory("second.storage");
            assertEquals(8, m.depth());
            sim.writeMemory(m, 3, BigInteger.valueOf(0xA5));
            assertEquals(BigInteger.valueOf(0xA5), sim.readMemory(m, 3));
            assertMessage(() -> sim.readMemory(m, 8), "index 8 is outside memory 'second.storage' of depth 8");
            assertMessage(() -> sim.writeMemory(m, 0, BigInteger.valueOf(256)), "does not fit");
        }
    }
}
