package dev.nvmekit.verilator;

import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.interop.ImportedVerilog;
import dev.nvmekit.rtl.interop.SpinalBlock;
import dev.nvmekit.rtl.interop.VerilogImporter;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.sim.ClockSpec;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.Simulator.SignalInfo;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SpinalHDL blocks used as blackboxes on Verilator: the Java design is emitted and Verilator reads
 * the block's own SpinalHDL-style Verilog as the blackbox source (as {@code BlackBox.source(file)}
 * gives it), and the run agrees, cycle for cycle, with the same design holding the imported form
 * of the block on the embedded backend. The blocks are the interop tests' hand-written Verilog in
 * SpinalHDL's output conventions (rtl-gen/src/test/resources/interop/spinal_*.v): a one-domain
 * Stream adder and a dual-clock FIFO run with two unrelated clocks.
 */
class SpinalBlockOnVerilatorTest {
    private static final VerilatorBackend VERILATOR = new VerilatorBackend();
    private static final Path RESOURCES = Path.of("../rtl-gen/src/test/resources/interop");
    private static final BundleSpec CMD = BundleSpec.of(BundleSpec.Field.of("payload_a", 8), BundleSpec.Field.of("payload_b", 8));
    private static final BundleSpec BYTE = BundleSpec.word("payload", 8);

    /** A Java design feeding the one-domain SpinalHDL adder from its own streams. */
    static final class AdderHost extends Component {
        AdderHost(ImportedVerilog adder, Function<ImportedVerilog, SpinalBlock> form) {
            Stream cmd = streamIn("cmd", CMD);
            Stream rsp = streamOut("rsp", BundleSpec.word("payload", 9));
            Signal sum = out("running_sum", 16);
            Signal sumValid = out("sum_valid", 1);
            SpinalBlock block = instance("adder", form.apply(adder));
            block.stream("cmd").connectFrom(cmd);
            rsp.connectFrom(block.stream("rsp"));
            sum.set(block.flow("total").get("payload"));
            sumValid.set(block.flow("total").get("valid"));
        }
    }

    /** A Java design with a push and a pop domain around the two-domain SpinalHDL FIFO. */
    static final class FifoHost extends Component {
        FifoHost(ImportedVerilog fifo, Function<ImportedVerilog, SpinalBlock> form) {
            Domain push = domain("push", "push_clk", "push_rst", ResetKind.SYNC_HIGH);
            Domain pop = domain("pop", "pop_clk", "pop_rst", ResetKind.SYNC_HIGH);
            Stream in = streamIn("in", BYTE);
            Stream drained = streamOut("out", BYTE);
            Signal pushOccupancy = out("push_occupancy", 3);
            Signal popOccupancy = out("pop_occupancy", 3);
            SpinalBlock block = instance("fifo", form.apply(fifo));
            block.mapClockDomain("push", push);
            block.mapClockDomain("pop", pop);
            block.stream("push").connectFrom(in);
            drained.connectFrom(block.stream("pop"));
            pushOccupancy.set(block.io("pushOccupancy"));
            popOccupancy.set(block.io("popOccupancy"));
        }
    }

    @Test
    void streamAdderAsBlackBoxOnVerilatorMatchesImportedFormOnEmbedded() {
        assumeTrue(VERILATOR.available(), () -> "Verilator skipped: " + VERILATOR.unavailableReason());
        ImportedVerilog adder = VerilogImporter.read(List.of(RESOURCES.resolve("spinal_stream_adder.v")), "StreamAdder");
        Design boxed = Elaborator.elaborate(new AdderHost(adder, SpinalBlock::blackBox)).design();
        Design imported = Elaborator.elaborate(new AdderHost(adder, SpinalBlock::imported)).design();
        assertTrue(boxed.module("StreamAdder").isBlackBox() && !imported.module("StreamAdder").isBlackBox());
        int fires = lockstep(boxed, imported, SimulationOptions.defaults(), Set.of("clk"), 400, 9,
                s -> s.peek("rsp_valid") == 1 && s.peek("rsp_ready") == 1);
        assertTrue(fires > 50, "the adder answered under random back-pressure: " + fires + " responses");
    }

    @Test
    void dualClockFifoAsBlackBoxOnVerilatorMatchesImportedFormOnEmbedded() {
        assumeTrue(VERILATOR.available(), () -> "Verilator skipped: " + VERILATOR.unavailableReason());
        ImportedVerilog fifo = VerilogImporter.read(List.of(RESOURCES.resolve("spinal_fifo_cc.v")), "StreamFifoCC");
        Design boxed = Elaborator.elaborate(new FifoHost(fifo, SpinalBlock::blackBox)).design();
        Design imported = Elaborator.elaborate(new FifoHost(fifo, SpinalBlock::imported)).design();
        assertTrue(boxed.module("StreamFifoCC").isBlackBox() && !imported.module("StreamFifoCC").isBlackBox());
        // 10 ns push clock (primary), 26 ns pop clock with its own phase: edges meet only now and then.
        SimulationOptions options = SimulationOptions.defaults()
                .withClocks(new ClockSpec("push_clk", 10_000, 5_000), new ClockSpec("pop_clk", 26_000, 9_000));
        int fires = lockstep(boxed, imported, options, Set.of("push_clk", "pop_clk"), 600, 17,
                s -> s.peek("in_valid") == 1 && s.peek("in_ready") == 1);
        // The FIFO holds 4 words, so all but 4 of those pushed also crossed to the pop side.
        assertTrue(fires > 50, "words pushed (push is the primary clock, so each counted once): " + fires);
    }

    /**
     * Drives {@code boxed} on Verilator and {@code imported} on the embedded backend with the same
     * random inputs (resets rare) and compares every signal both expose, before each primary edge
     * and at the end; returns how many cycles {@code counted} held on the Verilator side.
     */
    private static int lockstep(Design boxed, Design imported, SimulationOptions options, Set<String> clocks, int cycles, long seed,
                                Predicate<Simulator> counted) {
        try (Simulator v = VERILATOR.open(boxed, options); Simulator e = new EmbeddedBackend().open(imported, options)) {
            List<SignalInfo> inputs = v.signals().stream()
                    .filter(s -> s.kind() == SignalInfo.Kind.INPUT && !s.path().contains(".") && !clocks.contains(s.path())).toList();
            // Clock nets are left out: the embedded simulator reads clocks as 0, Verilator as the pin level.
            List<String> common = v.signals().stream().map(SignalInfo::path)
                    .filter(p -> !p.matches("(.*[._])?clk"))
                    .filter(p -> e.signals().stream().anyMatch(s -> s.path().equals(p))).toList();
            for (SignalInfo s : imported.topModule().ports().stream().map(p -> e.signal(p.name())).toList()) {
                assertTrue(clocks.contains(s.path()) || common.contains(s.path()), "top port " + s.path() + " compared; compared: " + common);
            }
            assertTrue(common.stream().anyMatch(p -> p.contains(".io_")), "the block's own ports are compared too: " + common);
            Random random = new Random(seed);
            int count = 0;
            for (int cycle = 0; cycle < cycles; cycle++) {
                for (SignalInfo in : inputs) {
                    BigInteger value = in.path().endsWith("rst") ? BigInteger.valueOf(cycle < 3 || random.nextInt(150) == 0 ? 1 : 0)
                            : new BigInteger(in.width(), random);
                    v.poke(in.path(), value);
                    e.poke(in.path(), value);
                }
                for (String p : common) assertEquals(e.peekBig(p), v.peekBig(p), p + " before edge " + cycle);
                if (counted.test(v)) count++;
                v.step();
                e.step();
            }
            assertEquals(e.timePs(), v.timePs());
            for (String p : common) assertEquals(e.peekBig(p), v.peekBig(p), p + " at the end");
            return count;
        }
    }
}
