package dev.nvmekit.sim;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes a test author can make get a clear {@link SimulationException}, worded alike on every backend. */
public abstract class SimulatorErrorsSuite extends BackendSuite {
    private static void assertMessage(Runnable r, String... parts) {
        SimulationException e = assertThrows(SimulationException.class, r::run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), e.getMessage());
    }

    @Test
    public void pokingAnOutputOrInternalSignalOrClock() {
        try (Simulator sim = open(SuiteDesigns.COUNTER)) {
            assertMessage(() -> sim.poke("count", 1), "cannot poke 'count'", "an output");
            assertMessage(() -> sim.poke("value", 1), "cannot poke 'value'", "internal");
            assertMessage(() -> sim.poke("clk", 1), "clock", "step()");
        }
    }

    @Test
    public void unknownNamesSuggestTheClosestOne() {
        try (Simulator sim = open(SuiteDesigns.COUNTER)) {
            assertMessage(() -> sim.peek("cuont"), "no signal 'cuont'", "did you mean 'count'");
            assertMessage(() -> sim.memory("mem"), "no memory 'mem'");
        }
        try (Simulator sim = open(SuiteDesigns.FIFO_PAIR)) {
            assertMessage(() -> sim.peek("first.levl"), "did you mean 'first.level'");
            assertMessage(() -> sim.memory("first.storag"), "did you mean 'first.storage'");
        }
    }

    @Test
    public void valuesWiderThanThePort() {
        try (Simulator sim = open(SuiteDesigns.COUNTER)) {
            assertMessage(() -> sim.poke("enable", 2), "value 2 does not fit 'enable' of 1 bits");
            assertMessage(() -> sim.poke("enable", -1), "does not fit");
            assertMessage(() -> sim.poke("enable", BigInteger.TWO), "does not fit");
        }
        try (Simulator sim = open(SuiteDesigns.WIDE_ALU)) {
            assertMessage(() -> sim.poke("a", BigInteger.ONE.shiftLeft(130)), "does not fit 'a' of 130 bits");
            assertMessage(() -> sim.peek("a"), "130 bits wide", "peekBig");
            sim.poke("a", BigInteger.ONE.shiftLeft(129));
            assertEquals(BigInteger.ONE.shiftLeft(129), sim.peekBig("a"));
        }
    }

    @Test
    public void usingAClosedSimulation() {
        Simulator sim = open(SuiteDesigns.COUNTER);
        sim.close();
        assertMessage(() -> sim.step(), "closed");
        assertMessage(() -> sim.peek("count"), "closed");
        sim.close(); // a second close is harmless
    }

    @Test
    public void steppingBackwards() {
        try (Simulator sim = open(SuiteDesigns.COUNTER)) {
            assertMessage(() -> sim.step(-1), "cannot step -1 cycles");
        }
    }

    @Test
    public void memoryBackdoorAndBounds() {
        try (Simulator sim = open(SuiteDesigns.FIFO_PAIR)) {
            Simulator.MemoryInfo m = sim.memory("second.storage");
            assertEquals(8, m.depth());
            sim.writeMemory(m, 3, BigInteger.valueOf(0xA5));
            assertEquals(BigInteger.valueOf(0xA5), sim.readMemory(m, 3));
            assertMessage(() -> sim.readMemory(m, 8), "index 8 is outside memory 'second.storage' of depth 8");
            assertMessage(() -> sim.writeMemory(m, 0, BigInteger.valueOf(256)), "does not fit");
        }
    }
}
