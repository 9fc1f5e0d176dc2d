package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A block in SpinalHDL's Verilog conventions (spinal_stream_adder.v, written for this test) is
 * imported, its Streams recognised and connected to a Java design with one call each, and the
 * whole runs on the embedded backend.
 */
class SpinalStreamBlockTest {
    static final BundleSpec CMD = BundleSpec.of(BundleSpec.Field.of("payload_a", 8), BundleSpec.Field.of("payload_b", 8));
    static final BundleSpec RSP = BundleSpec.word("payload", 9);

    /** A Java design that feeds the SpinalHDL adder from its own streams. */
    static final class Host extends Component {
        Host(ImportedVerilog adderVerilog) {
            this(adderVerilog, SpinalBlock::imported);
        }

        Host(ImportedVerilog adderVerilog, java.util.function.Function<ImportedVerilog, SpinalBlock> form) {
            Stream cmd = streamIn("cmd", CMD);
            Stream rsp = streamOut("rsp", RSP);
            Signal sum = out("running_sum", 16);
            SpinalBlock adder = instance("adder", form.apply(adderVerilog));
            adder.stream("cmd").connectFrom(cmd);
            rsp.connectFrom(adder.stream("rsp"));
            sum.set(adder.flow("total").get("payload"));
        }
    }

    @Test
    void streamsConnectWithOneCallAndSimulate() {
        ImportedVerilog v = VerilogImporter.read(List.of(ImportAgainstIcarusTest.RESOURCES.resolve("spinal_stream_adder.v")), "StreamAdder");
        assertEquals(ResetKind.ASYNC_HIGH, v.module().clockDomains().getFirst().kind(), "SpinalHDL's default reset is async, active high");
        Design d = Elaborator.elaborate(new Host(v)).design();
        List<Integer> results = new ArrayList<>();
        try (Simulator sim = new EmbeddedBackend().open(d, SimulationOptions.defaults())) {
            sim.poke("rst", 1);
            sim.step(2);
            sim.poke("rst", 0);
            int sent = 0;
            for (int cycle = 0; cycle < 40 && results.size() < 6; cycle++) {
                sim.poke("cmd_valid", sent < 6 ? 1 : 0);
                sim.poke("cmd_payload_a", 100 + sent);
                sim.poke("cmd_payload_b", 200 + sent);
                sim.poke("rsp_ready", cycle % 3 == 0 ? 0 : 1);
                boolean cmdFire = sim.peek("cmd_valid") == 1 && sim.peek("cmd_ready") == 1;
                if (sim.peek("rsp_valid") == 1 && sim.peek("rsp_ready") == 1) results.add((int) sim.peek("rsp_payload"));
                sim.step();
                if (cmdFire) sent++;
            }
            sim.step();
            assertEquals(List.of(300, 302, 304, 306, 308, 310), results, "every command answered once, in order, under back-pressure");
            assertEquals(300 + 302 + 304 + 306 + 308 + 310, sim.peek("running_sum"));
        }
    }

    /**
     * The blackbox form (the emitted Java design plus SpinalHDL's own Verilog, as Verilator or
     * synthesis would read them) run on Icarus gives the imported form's outputs on the embedded
     * backend, cycle for cycle after reset.
     */
    @Test
    void blackBoxFormOnIcarusMatchesImportedFormOnTheEmbeddedBackend(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(VerilogBench.icarusAvailable(), "iverilog is not installed");
        java.nio.file.Path source = ImportAgainstIcarusTest.RESOURCES.resolve("spinal_stream_adder.v");
        ImportedVerilog v = VerilogImporter.read(List.of(source), "StreamAdder");
        Design imported = Elaborator.elaborate(new Host(v)).design();
        Design boxed = Elaborator.elaborate(new Host(v, SpinalBlock::blackBox)).design();
        java.nio.file.Path emitted = dir.resolve("host.v");
        java.nio.file.Files.writeString(emitted, dev.nvmekit.rtl.verilog.VerilogEmitter.emit(boxed));
        var stimulus = VerilogBench.stimulus(boxed.topModule(), "rst", 42, 150);
        var expected = VerilogBench.icarus(List.of(emitted, source), boxed.topModule(), java.util.Map.of(), stimulus, dir);
        var got = VerilogBench.embedded(imported, stimulus);
        int compared = 0;
        for (int c = 2; c < stimulus.size(); c++) {
            for (int i = 0; i < got.get(c).size(); i++) {
                if (expected.get(c).get(i) == null) continue;
                compared++;
                assertEquals(expected.get(c).get(i), got.get(c).get(i), "cycle " + c + " output " + VerilogBench.outputs(boxed.topModule()).get(i).name());
            }
        }
        assertEquals((stimulus.size() - 2) * VerilogBench.outputs(boxed.topModule()).size(), compared, "every output defined after reset");
    }

    @Test
    void blackBoxFormKeepsPortsSourcesAndDomain() {
        ImportedVerilog v = VerilogImporter.read(List.of(ImportAgainstIcarusTest.RESOURCES.resolve("spinal_stream_adder.v")), "StreamAdder");
        final class Wrapper extends Component {
            Wrapper() {
                Stream cmd = streamIn("cmd", CMD);
                Stream rsp = streamOut("rsp", RSP);
                SpinalBlock adder = instance("adder", SpinalBlock.blackBox(v));
                adder.stream("cmd").connectFrom(cmd);
                rsp.connectFrom(adder.stream("rsp"));
            }
        }
        Design d = Elaborator.elaborate(new Wrapper()).design();
        assertTrue(d.module("StreamAdder").isBlackBox());
        assertTrue(d.module("StreamAdder").blackBox().orElseThrow().verilogFiles().getFirst().endsWith("spinal_stream_adder.v"));
        String verilog = dev.nvmekit.rtl.verilog.VerilogEmitter.emit(d);
        assertTrue(verilog.contains(".clk(clk)") && verilog.contains(".reset(rst)"), verilog);
        assertTrue(verilog.contains(".io_cmd_payload_a(adder_io_cmd_payload_a)") && verilog.contains("StreamAdder adder ("), verilog);
    }
}
