package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SpinalHDL-style block with two ClockDomains (spinal_fifo_cc.v, a dual-clock FIFO written
 * for this test): both domains are found with their own reset kind and polarity, each is mapped
 * to a Java design's {@link Domain}, and the whole runs on the embedded backend with two clocks
 * of unrelated periods, every word arriving once and in order across the crossing.
 */
class SpinalMultiClockTest {
    static final BundleSpec BYTE = BundleSpec.word("payload", 8);

    static ImportedVerilog fifo() {
        return VerilogImporter.read(List.of(ImportAgainstIcarusTest.RESOURCES.resolve("spinal_fifo_cc.v")), "StreamFifoCC");
    }

    /** A design with a push and a pop domain (both resets synchronous, active high) around the block. */
    static final class Host extends Component {
        Host(ImportedVerilog verilog, Function<ImportedVerilog, SpinalBlock> form) {
            Domain push = domain("push", "push_clk", "push_rst", ResetKind.SYNC_HIGH);
            Domain pop = domain("pop", "pop_clk", "pop_rst", ResetKind.SYNC_HIGH);
            Stream in = streamIn("in", BYTE);
            var popped = out("popped", 8);
            var checksum = out("checksum", 16);
            SpinalBlock fifo = instance("fifo", form.apply(verilog));
            fifo.mapClockDomain("push", push);
            fifo.mapClockDomain("pop", pop);
            fifo.stream("push").connectFrom(in);
            Stream drained = fifo.stream("pop");
            // The parent's own pop-domain logic: back-pressure on two cycles of three, and a running record of what left.
            withDomain(pop, () -> {
                Reg phase = reg("ready_phase", 2).init(0);
                phase.set(mux(phase.eq(2), lit(0, 2), phase.add(lit(1, 2))));
                drained.ready.set(phase.ne(0));
                Reg count = reg("count", 8).init(0);
                Reg sum = reg("sum", 16).init(0);
                when(drained.fire(), () -> {
                    count.set(count.add(lit(1, 8)));
                    sum.set(sum.mul(lit(31, 16)).truncate(16).add(drained.payload("payload").resize(16)));
                });
                popped.set(count);
                checksum.set(sum);
            });
        }
    }

    @Test
    void bothClockDomainsAreFoundWithTheirResets() {
        List<ClockDomain> domains = fifo().module().clockDomains();
        assertEquals(2, domains.size(), domains.toString());
        ClockDomain push = domains.stream().filter(d -> d.clock().equals("push_clk")).findFirst().orElseThrow();
        ClockDomain pop = domains.stream().filter(d -> d.clock().equals("pop_clk")).findFirst().orElseThrow();
        assertEquals(Optional.of("push_reset"), push.reset());
        assertEquals(ResetKind.ASYNC_HIGH, push.kind(), "SpinalHDL's default: asynchronous, active high");
        assertEquals(Optional.of("pop_resetn"), pop.reset());
        assertEquals(ResetKind.SYNC_LOW, pop.kind(), "ClockDomainConfig(resetKind = SYNC, resetActiveLevel = LOW)");
    }

    @Test
    void wordsCrossBetweenTwoClocksOnTheEmbeddedBackend() {
        Design d = Elaborator.elaborate(new Host(fifo(), SpinalBlock::imported)).design();
        // 10 ns push clock, 26 ns pop clock: the FIFO fills, so the push side sees back-pressure too.
        SimulationOptions options = SimulationOptions.defaults().withClocks(new ClockSpec("push_clk", 10_000, 5_000), new ClockSpec("pop_clk", 26_000, 9_000));
        int words = 40;
        int expectedSum = 0;
        for (int i = 0; i < words; i++) expectedSum = (expectedSum * 31 + (17 + 7 * i) % 256) & 0xffff;
        try (Simulator sim = new EmbeddedBackend().open(d, options)) {
            sim.poke("push_rst", 1);
            sim.poke("pop_rst", 1);
            sim.step(8);
            sim.poke("push_rst", 0);
            sim.poke("pop_rst", 0);
            int sent = 0;
            int stalled = 0;
            for (int cycle = 0; cycle < 2000 && sim.peek("popped") < words; cycle++) {
                boolean offer = sent < words && cycle % 5 != 4;
                sim.poke("in_valid", offer ? 1 : 0);
                sim.poke("in_payload", (17 + 7 * sent) % 256);
                boolean fire = offer && sim.peek("in_ready") == 1;
                if (offer && !fire) stalled++;
                sim.step();
                if (fire) sent++;
            }
            assertEquals(words, sent);
            assertEquals(words, sim.peek("popped"), "every word crossed once");
            assertEquals(expectedSum, sim.peek("checksum"), "in order and intact");
            assertTrue(stalled > 0, "the slower pop clock back-pressured the push side");
            assertEquals(1, sim.peek("fifo.io_pushOccupancy"), "the last pop has not crossed the two push-domain synchroniser stages yet");
            sim.step(3);
            assertEquals(0, sim.peek("fifo.io_pushOccupancy"), "the push domain sees the FIFO drained once the pointer has crossed");
        }
    }

    @Test
    void blackBoxFormWiresBothDomainsWithTheirPolarity() {
        Design d = Elaborator.elaborate(new Host(fifo(), SpinalBlock::blackBox)).design();
        String v = VerilogEmitter.emit(d);
        assertTrue(d.module("StreamFifoCC").isBlackBox());
        assertTrue(v.contains(".push_clk(fifo_push_clk)") && v.contains(".pop_clk(fifo_pop_clk)"), v);
        assertTrue(v.contains("assign fifo_push_clk = push_clk;") && v.contains("assign fifo_pop_clk = pop_clk;"), v);
        assertTrue(v.contains("assign fifo_push_reset = push_rst;"), "same polarity: straight through\n" + v);
        assertTrue(v.contains("assign fifo_pop_resetn = ~pop_rst;"), "active-low block reset from an active-high one\n" + v);
    }

    @Test
    void unknownOrSingleDomainIsAClearError() {
        ImportedVerilog v = fifo();
        final class Wrong extends Component {
            Wrong() {
                Domain d = domain("x", "x_clk", "x_rst", ResetKind.SYNC_HIGH);
                SpinalBlock fifo = instance("fifo", SpinalBlock.imported(v));
                fifo.mapClockDomain("fast", d);
            }
        }
        Exception e = assertThrows(Exception.class, () -> Elaborator.elaborate(new Wrong()));
        assertTrue(e.getMessage().contains("no clock domain 'fast'") && e.getMessage().contains("[push, pop]"), e.getMessage());
        ImportedVerilog single = VerilogImporter.read(List.of(ImportAgainstIcarusTest.RESOURCES.resolve("spinal_stream_adder.v")), "StreamAdder");
        final class Single extends Component {
            Single() {
                Domain d = domain("x", "x_clk", "x_rst", ResetKind.SYNC_HIGH);
                instance("adder", SpinalBlock.imported(single)).mapClockDomain("clk", d);
            }
        }
        Exception one = assertThrows(Exception.class, () -> Elaborator.elaborate(new Single()));
        assertTrue(one.getMessage().contains("withDomain"), one.getMessage());
    }
}
