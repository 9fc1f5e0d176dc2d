package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignChecks;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.ImportedModule;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.rtl.verilog.VerilogLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import of hand-written Verilog through Yosys: structure, names, re-emission, and errors at the Verilog line. */
class VerilogImporterTest {
    static final Path DIR = Path.of("src/test/resources/interop");

    static ImportedVerilog mixed() {
        return VerilogImporter.read(List.of(DIR.resolve("mixed_top.v")), "mixed_top", Map.of("LANES", "4"));
    }

    @Test
    void multiModuleDesignKeepsNamesMemoriesAndDomain() {
        ModuleDef m = mixed().module();
        assertEquals("mixed_top", m.name());
        assertEquals(17, m.ports().size());
        assertTrue(m.port("b").orElseThrow().type().signed(), "signed port stays signed");
        assertEquals(1, m.clockDomains().size());
        assertEquals("clk", m.clockDomains().getFirst().clock());
        assertEquals(ResetKind.SYNC_HIGH, m.clockDomains().getFirst().kind());
        assertTrue(m.registers().stream().anyMatch(r -> r.name().equals("acc_u_total") && r.resetValue().isPresent()),
                "the flattened child's register keeps its hierarchical name: " + m.registers());
        Memory ram = m.memories().stream().filter(x -> x.name().equals("ram")).findFirst().orElseThrow();
        assertEquals(16, ram.depth());
        assertEquals(1, ram.syncReads().size());
        assertTrue(ram.writes().stream().allMatch(w -> w.byteEnable().isPresent()), "per-byte writes become byte enables");
        Memory lut = m.memories().stream().filter(x -> x.name().equals("lut")).findFirst().orElseThrow();
        assertEquals(List.of(17L, 34L, 51L, 68L), lut.init().stream().map(java.math.BigInteger::longValueExact).toList());
        assertTrue(DesignChecks.run(mixed().design()).stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void importedDesignEmitsLintCleanVerilog(@TempDir Path dir) {
        Design d = mixed().design();
        List<Path> files = VerilogLint.write(d, dir);
        assertPassed(VerilogLint.icarus(files, d.top(), dir));
        assertPassed(VerilogLint.verilator(files, d.top()));
    }

    @Test
    void importedModuleIsADslChild(@TempDir Path dir) {
        ImportedVerilog acc = VerilogImporter.read(List.of(DIR.resolve("mixed_top.v")), "accumulator", Map.of("WIDTH", "12"));
        final class Parent extends Component {
            Parent() {
                Signal step = in("step", 12);
                Signal go = in("go", 1);
                Signal sum = out("sum", 12);
                ImportedModule a = instance("acc", new ImportedModule(acc.module()));
                a.port("enable").set(go);
                a.port("step").set(step);
                sum.set(a.port("total"));
            }
        }
        Design d = Elaborator.elaborate(new Parent()).design();
        assertEquals(List.of("accumulator", "parent"), d.modules().stream().map(ModuleDef::name).toList());
        String v = VerilogEmitter.emit(d);
        assertTrue(v.contains("accumulator acc ("), v);
        assertTrue(v.contains(".clk(clk)") && v.contains(".rst(rst)"), "clock and reset follow the parent's domain:\n" + v);
        List<Path> files = VerilogLint.write(d, dir);
        assertPassed(VerilogLint.icarus(files, d.top(), dir));
    }

    @Test
    void latchIsReportedAtItsVerilogLine() {
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(DIR.resolve("latch.v")), "latchy"));
        assertTrue(e.getMessage().contains("latch.v:3") && e.getMessage().contains("$dlatch"), e.getMessage());
    }

    @Test
    void fallingEdgeIsReportedAtItsVerilogLine() {
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(DIR.resolve("negedge.v")), "falling"));
        assertTrue(e.getMessage().contains("negedge.v:3") && e.getMessage().contains("falling edge"), e.getMessage());
    }

    @Test
    void twoAsynchronousResetsOnOneClockAreRefused() {
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(DIR.resolve("two_resets.v")), "two_resets"));
        assertTrue(e.getMessage().contains("two_resets.v:") && e.getMessage().contains("more than one asynchronous reset"), e.getMessage());
    }

    @Test
    void yosysSyntaxErrorNamesFileAndLine() {
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(DIR.resolve("syntax.v")), "broken"));
        assertTrue(e.getMessage().contains("syntax.v:4") && e.getMessage().contains("Yosys"), e.getMessage());
    }

    @Test
    void missingTopAndFilesAreClearErrors(@TempDir Path dir) throws Exception {
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(DIR.resolve("mixed_top.v")), "no_such_top"));
        assertTrue(e.getMessage().contains("no_such_top"), e.getMessage());
        DesignException missing = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(dir.resolve("absent.v")), "x"));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path delay = dir.resolve("delay.v");
        Files.writeString(delay, "module d (input wire clk, output reg q);\n  initial begin\n    #5 q = 1;\n  end\nendmodule\n");
        DesignException timing = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(delay), "d"));
        assertTrue(timing.getMessage().contains("delay.v:3") && timing.getMessage().contains("initial block waits"), timing.getMessage());
    }

    @Test
    void gatedClockIsRefusedAtItsLine() {
        DesignException e = assertThrows(DesignException.class,
                () -> VerilogImporter.read(List.of(DIR.resolve("initialised_reads.v")), "gated_clock"));
        assertTrue(e.getMessage().contains("initialised_reads.v:42") && e.getMessage().contains("clocks must be 1-bit input ports"), e.getMessage());
    }

    /** Without initial values in the Verilog, UNDEFINED leaves power-up to the simulator; ZERO fixes it in the IR. */
    @Test
    void powerUpZeroGivesEveryRegisterAndMemoryAnInitialValue() {
        ModuleDef undefined = mixed().module();
        ModuleDef zero = VerilogImporter.read(List.of(DIR.resolve("mixed_top.v")), "mixed_top", Map.of("LANES", "4"), PowerUp.ZERO).module();
        assertTrue(undefined.registers().stream().anyMatch(r -> r.initValue().isEmpty()), undefined.registers().toString());
        assertTrue(undefined.memories().stream().anyMatch(m -> m.init().isEmpty()), "ram has no initial contents");
        assertTrue(zero.registers().stream().allMatch(r -> r.initValue().isPresent()), zero.registers().toString());
        assertTrue(zero.memories().stream().allMatch(m -> !m.init().isEmpty()), "every memory starts defined");
        assertEquals(List.of(17L, 34L, 51L, 68L), zero.memories().stream().filter(x -> x.name().equals("lut")).findFirst().orElseThrow()
                .init().stream().map(java.math.BigInteger::longValueExact).toList(), "initial values written in the Verilog stay");
    }

    @Test
    void positionalParameterOverridesTakeTheDeclarationOrder() {
        ModuleDef m = VerilogImporter.read(List.of(DIR.resolve("positional_params.v")), "positional_top").module();
        // stepper #(6, 3): WIDTH 6 by position, so the flattened counter register is 6 bits wide.
        assertEquals(6, m.registers().stream().filter(r -> r.name().contains("count")).findFirst().orElseThrow().type().width(), m.registers().toString());
        assertEquals(12, m.port("y_wide").orElseThrow().type().width());
    }

    @Test
    void tooManyPositionalOverridesAreRefusedAtTheInstance() {
        DesignException e = assertThrows(DesignException.class,
                () -> VerilogImporter.read(List.of(DIR.resolve("positional_params.v")), "too_many_overrides"));
        assertTrue(e.getMessage().contains("positional_params.v:59") && e.getMessage().contains("has only 3 parameters")
                && e.getMessage().contains("declaration order"), e.getMessage());
    }

    @Test
    void emittedVerilogImportsBackWithTheSameInterface(@TempDir Path dir) throws Exception {
        Design d = mixed().design();
        Path v = dir.resolve("again.v");
        Files.writeString(v, VerilogEmitter.emit(d));
        ModuleDef again = VerilogImporter.read(List.of(v), "mixed_top").module();
        assertEquals(d.topModule().ports(), again.ports().stream().map(p -> new dev.nvmekit.rtl.ir.Port(p.name(), p.direction(), p.type(),
                d.topModule().port(p.name()).orElseThrow().location())).toList());
        assertFalse(again.memories().isEmpty());
    }

    private static void assertPassed(VerilogLint.Result r) {
        if (r.status() == VerilogLint.Status.NOT_INSTALLED) return;
        assertTrue(r.passed(), r.tool() + ":\n" + r.output());
    }
}
