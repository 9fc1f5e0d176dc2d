package dev.nvmekit.sim;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.Simulator.MemoryInfo;
import dev.nvmekit.sim.Simulator.SignalInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link SimulatorBackend} must do, written against the {@link Simulator} API only:
 * counting, wide and signed values, hierarchical paths, the memory backdoor, time, clocks,
 * seeded initial state, several instances at once, VCD options and error messages.
 */
public abstract class ContractSuite extends BackendSuite {
    static final Design COUNTER = SuiteDesigns.WIDE_COUNTER;
    static final Design MEMORY_TOP = SuiteDesigns.MEMORY_TOP;
    static final BigInteger TWO_TO_100 = BigInteger.ONE.shiftLeft(100);

    @TempDir
    public Path dir;

    @Test
    public void counterCountsEnabledCyclesAndWraps() {
        try (Simulator sim = open(COUNTER)) {
            sim.reset(2);
            assertEquals(0, sim.peek("count"));
            sim.poke("enable", 1);
            sim.step(5);
            assertEquals(5, sim.peek("count"));
            assertEquals(5, sim.peek("value"), "internal register by name");
            sim.poke("enable", 0);
            sim.step(3);
            assertEquals(5, sim.peek("count"));
            assertEquals(10, sim.cycle(), "reset cycles count too");
        }
    }

    @Test
    public void combinationalOutputsFollowPokesWithoutAStep() {
        try (Simulator sim = open(COUNTER)) {
            sim.reset(1);
            sim.poke("enable", 1);
            sim.step(255);
            assertEquals(255, sim.peek("count"));
            assertEquals(1, sim.peek("wrap"));
            sim.poke("enable", 0);
            assertEquals(0, sim.peek("wrap"), "wrap = enable & (value == 255) settles on the poke");
            sim.poke("enable", 1);
            sim.step();
            assertEquals(0, sim.peek("count"), "8-bit counter wraps");
        }
    }

    @Test
    public void wideSignalsRoundTripBeyond64Bits() {
        try (Simulator sim = open(COUNTER)) {
            sim.reset(1);
            SignalInfo addend = sim.signal("addend");
            SignalInfo total = sim.signal("total");
            assertEquals(100, total.width());
            BigInteger a = BigInteger.ONE.shiftLeft(99).add(BigInteger.valueOf(0x1234_5678_9ABC_DEF0L));
            sim.poke(addend, a);
            sim.poke("enable", 1);
            sim.step(3);
            BigInteger expected = a.multiply(BigInteger.valueOf(3)).mod(TWO_TO_100);
            assertEquals(expected, sim.peekBig(total));
            assertEquals(expected, sim.peekBig("acc"));
            assertThrows(SimulationException.class, () -> sim.peek(total), "a 100-bit signal needs peekBig");
            sim.poke(addend, 7L);
            assertEquals(BigInteger.valueOf(7), sim.peekBig(addend), "a long poke clears the upper words");
        }
    }

    @Test
    public void signedPortsTakeNegativeValues() {
        try (Simulator sim = open(MEMORY_TOP)) {
            sim.poke("sample", -5);
            assertEquals(5, sim.peek("negated"));
            sim.poke("sample", 3);
            assertEquals(0xFD, sim.peek("negated"), "peek gives the bit pattern");
            sim.poke("sample", BigInteger.valueOf(-128));
            assertEquals(0x80, sim.peek("negated"));
            assertThrows(SimulationException.class, () -> sim.poke("sample", -129));
        }
    }

    @Test
    public void internalSignalsOfInstancesByHierarchicalPath() {
        try (Simulator sim = open(MEMORY_TOP)) {
            sim.reset(1);
            sim.step(4);
            assertEquals(4, sim.peek("ctr.value"));
            assertEquals(4, sim.peek("ctr.count"));
            assertEquals(12, sim.peekBig("ctr.acc").intValueExact());
            assertEquals(4, sim.peek("ctr_count"), "the parent's net from the instance output");
            assertEquals(4, sim.peek("counted"));
            SignalInfo inner = sim.signal("ctr.value");
            assertEquals(SignalInfo.Kind.INTERNAL, inner.kind());
            assertTrue(sim.signals().contains(inner));
        }
    }

    @Test
    public void memoryBackdoorAndPortsAgree() {
        try (Simulator sim = open(MEMORY_TOP)) {
            MemoryInfo words = sim.memory("words");
            assertEquals(16, words.depth());
            assertEquals(72, words.width());
            BigInteger wide = BigInteger.ONE.shiftLeft(71).or(BigInteger.valueOf(0xABCDEF));
            sim.writeMemory(words, 9, wide);
            sim.poke("rd_addr", 9);
            assertEquals(wide, sim.peekBig("rd_data"), "a backdoor write is visible to an asynchronous read at once");

            sim.poke("wr_en", 1);
            sim.poke("wr_addr", 3);
            sim.poke("wr_data", BigInteger.valueOf(0x55AA));
            sim.step();
            sim.poke("wr_en", 0);
            assertEquals(BigInteger.valueOf(0x55AA), sim.readMemory(words, 3));
            sim.writeMemory(words, 9, BigInteger.ZERO);
            assertEquals(BigInteger.ZERO, sim.peekBig("rd_data"));
            assertThrows(SimulationException.class, () -> sim.readMemory(words, 16));
            assertThrows(SimulationException.class, () -> sim.writeMemory(words, 0, TWO_TO_100));
        }
    }

    @Test
    public void timeAndCyclesFollowThePrimaryClock() {
        try (Simulator sim = open(COUNTER)) {
            assertEquals(0, sim.timePs());
            sim.step();
            assertEquals(5_000, sim.timePs(), "first rising edge at 5 ns");
            sim.step(2);
            assertEquals(25_000, sim.timePs());
            assertEquals(3, sim.cycle());
        }
    }

    @Test
    public void secondClockTicksInTimeOrder() {
        // Primary rises at 5, 15, 25, 35 ns; the fast clock (4 ns) at 1, 5, 9, ..., 33 ns: 9 edges.
        SimulationOptions o = SimulationOptions.defaults().withClocks(ClockSpec.of("clk"), new ClockSpec("clk_fast", 4_000, 1_000));
        try (Simulator sim = backend().open(MEMORY_TOP, o)) {
            sim.step(4);
            assertEquals(9, sim.peek("fast_count"));
            assertEquals(4, sim.peek("counted"));
            assertEquals(35_000, sim.timePs());
        }
    }

    @Test
    public void randomInitialStateIsReproducibleBySeed() {
        SimulationOptions seeded = SimulationOptions.defaults().withRandomInit(42);
        BigInteger first;
        try (Simulator sim = backend().open(COUNTER, seeded)) {
            first = sim.peekBig("acc");
        }
        try (Simulator sim = backend().open(COUNTER, seeded)) {
            assertEquals(first, sim.peekBig("acc"), "same seed, same power-up state");
        }
        try (Simulator sim = backend().open(COUNTER, SimulationOptions.defaults().withRandomInit(7))) {
            assertNotEquals(first, sim.peekBig("acc"), "another seed, another 100-bit power-up state");
        }
        try (Simulator sim = open(COUNTER)) {
            assertEquals(BigInteger.ZERO, sim.peekBig("acc"), "zero init by default");
        }
    }

    @Test
    public void twoCopiesOfOneDesignAndTwoDesignsKeepSeparateState() {
        try (Simulator a = open(COUNTER); Simulator b = open(COUNTER); Simulator m = open(MEMORY_TOP)) {
            a.reset(1);
            b.reset(1);
            m.reset(1);
            a.poke("enable", 1);
            a.step(10);
            b.poke("enable", 1);
            b.step(3);
            m.step(6);
            assertEquals(10, a.peek("count"));
            assertEquals(3, b.peek("count"));
            assertEquals(6, m.peek("ctr.value"));
        }
    }

    @Test
    public void vcdIsWrittenWithTheSignalsAndTimes() throws Exception {
        Path vcd = dir.resolve("counter.vcd");
        try (Simulator sim = backend().open(COUNTER, SimulationOptions.defaults().withVcd(vcd))) {
            sim.reset(1);
            sim.poke("enable", 1);
            sim.step(4);
        }
        String text = Files.readString(vcd);
        assertTrue(text.contains("$timescale"), text);
        assertTrue(text.contains(" count ") || text.contains(" count["), "count is dumped:\n" + text);
        assertTrue(text.contains(" value "), "internal registers are dumped");
        assertTrue(text.contains("#5000") && text.contains("#45000"), "edges at 5 ns .. 45 ns");
    }

    @Test
    public void vcdWindowLimitsTheDumpedCycles() throws Exception {
        Path vcd = dir.resolve("window.vcd");
        SimulationOptions o = SimulationOptions.defaults().withVcd(vcd).withVcdWindow(2, 3);
        try (Simulator sim = backend().open(COUNTER, o)) {
            sim.poke("enable", 1);
            sim.step(6);
        }
        List<Long> times = Files.readAllLines(vcd).stream().filter(l -> l.startsWith("#")).map(l -> Long.parseLong(l.substring(1))).toList();
        // Cycle 2 begins at the second rising edge (15 ns); cycle 3 ends at the fourth (35 ns).
        // (A backend may also write the initial values at #0.)
        assertTrue(times.contains(15_000L) && times.contains(30_000L), times.toString());
        assertTrue(times.stream().allMatch(t -> t == 0 || (t >= 15_000 && t <= 35_000)), times.toString());
    }

    @Test
    public void vcdScopeFilterKeepsTheChosenHierarchy() throws Exception {
        Path inner = dir.resolve("inner.vcd");
        try (Simulator sim = backend().open(MEMORY_TOP, SimulationOptions.defaults().withVcd(inner).withVcdScopes(Set.of("ctr"), 0))) {
            sim.step(2);
        }
        Set<String> innerVars = vcdVariables(inner);
        assertTrue(innerVars.contains("acc"), innerVars.toString());
        assertFalse(innerVars.contains("rd_data") || innerVars.contains("ticks"), innerVars.toString());

        Path topOnly = dir.resolve("top.vcd");
        try (Simulator sim = backend().open(MEMORY_TOP, SimulationOptions.defaults().withVcd(topOnly).withVcdScopes(Set.of(""), 1))) {
            sim.step(2);
        }
        Set<String> topVars = vcdVariables(topOnly);
        assertTrue(topVars.contains("rd_data") && topVars.contains("ticks"), topVars.toString());
        assertFalse(topVars.contains("acc"), "instance ctr is below depth 1: " + topVars);
    }

    /** The names declared by {@code $var} lines of a VCD. */
    static Set<String> vcdVariables(Path vcd) throws Exception {
        return Files.readAllLines(vcd).stream().map(String::trim).filter(l -> l.startsWith("$var"))
                .map(l -> l.split("\\s+")[4]).collect(Collectors.toSet());
    }

    @Test
    public void mistakesGiveClearMessages() {
        Simulator sim = open(COUNTER);
        SimulationException unknown = assertThrows(SimulationException.class, () -> sim.signal("cuont"));
        assertTrue(unknown.getMessage().contains("count"), unknown.getMessage());
        SimulationException output = assertThrows(SimulationException.class, () -> sim.poke("count", 1));
        assertTrue(output.getMessage().contains("output"), output.getMessage());
        SimulationException internal = assertThrows(SimulationException.class, () -> sim.poke("value", 1));
        assertTrue(internal.getMessage().contains("internal"), internal.getMessage());
        SimulationException wide = assertThrows(SimulationException.class, () -> sim.poke("enable", 2));
        assertTrue(wide.getMessage().contains("enable") && wide.getMessage().contains("1 bits"), wide.getMessage());
        assertThrows(SimulationException.class, () -> sim.poke("clk", 1));
        assertThrows(SimulationException.class, () -> sim.memory("nothing"));
        sim.close();
        SimulationException closed = assertThrows(SimulationException.class, () -> sim.peek("count"));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
