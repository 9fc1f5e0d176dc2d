package dev.nvmekit.rtl.verilog;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.examples.Alu;
import dev.nvmekit.rtl.examples.Counter;
import dev.nvmekit.rtl.examples.PllUser;
import dev.nvmekit.rtl.examples.RoundRobin4;
import dev.nvmekit.rtl.examples.SimpleFifo;
import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden examples elaborate and their Verilog passes Verilator -Wall, Icarus and Yosys. */
class GoldenExamplesTest {
    @TempDir
    Path dir;

    private Design check(String what, Supplier<Component> top) {
        Design d = Elaborator.elaborate(top.get()).design();
        ToolAvailability.assertAllPassed(VerilogLint.all(d, dir), what);
        return d;
    }

    @Test
    void counter() {
        Design d = check("counter", () -> new Counter(8));
        String v = VerilogEmitter.emit(d);
        assertTrue(v.contains("module counter ("), v);
        assertTrue(v.contains("value <= value + 8'd1;"), v);
    }

    @Test
    void fifo() {
        String v = VerilogEmitter.emit(check("fifo", () -> new SimpleFifo(16, 3)));
        assertTrue(v.contains("reg  [15:0] storage [0:7];"), v);
    }

    @Test
    void alu() {
        String v = VerilogEmitter.emit(check("alu", () -> new Alu(8)));
        assertTrue(v.contains("input  wire signed [7:0] a"), v);
    }

    @Test
    void arbiter() {
        check("arbiter", RoundRobin4::new);
    }

    @Test
    void blackBoxUser() {
        Path source = Path.of("src/test/resources/verilog/external_counter.v").toAbsolutePath();
        String v = VerilogEmitter.emit(check("blackbox user", () -> new PllUser(source.toString())));
        assertTrue(v.contains("external_counter #(.WIDTH(8)) ext ("), v);
    }
}
