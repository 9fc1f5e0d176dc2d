package dev.nvmekit.sim.vcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VcdWriterTest {

    @Test
    void writesHeaderDumpvarsAndOnlyRealChanges() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(text, "1ns")) {
            vcd.pushScope("tb");
            VcdSignal clk = vcd.declare("clk", 1);
            vcd.pushScope("dut");
            VcdSignal count = vcd.declare("count", 8, VcdVarType.REG);
            vcd.popScope();
            vcd.popScope();
            vcd.time(0);
            vcd.change(clk, 0);
            vcd.time(5);
            vcd.change(clk, 1);
            vcd.change(count, 3);
            vcd.change(count, 1); // the last change at one time wins
            vcd.time(10);
            vcd.change(clk, 1); // no real change: time 10 must not appear
            vcd.time(15);
            vcd.change(clk, 0);
            vcd.time(20);
        }
        String expected = """
                $version nvmekit VcdWriter $end
                $timescale 1ns $end
                $scope module tb $end
                $var wire 1 ! clk $end
                $scope module dut $end
                $var reg 8 " count [7:0] $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #0
                $dumpvars
                0!
                bx "
                $end
                #5
                1!
                b1 "
                #15
                0!
                #20
                """;
        assertEquals(expected, text.toString());
    }

    @Test
    void compactsVectorsWithoutChangingTheirMeaning() {
        assertEquals("1", VcdValues.compact("0001"));
        assertEquals("0", VcdValues.compact("0000"));
        assertEquals("0x", VcdValues.compact("000x"));
        assertEquals("x", VcdValues.compact("xxxx"));
        assertEquals("x0", VcdValues.compact("xxx0"));
        assertEquals("10", VcdValues.compact("10"));
        assertEquals("z1", VcdValues.compact("zzz1"));
        assertEquals("00000101", VcdValues.fromBits("101", 8));
        assertEquals("xxxxx101", VcdValues.fromBits("x101", 8));
    }

    @Test
    void acceptsWideValuesAsBigIntegerWordsAndBits() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(text, "1ps")) {
            VcdSignal wide = vcd.declare("wide", 4096);
            vcd.change(wide, BigInteger.ONE.shiftLeft(4095));
            vcd.time(1);
            vcd.change(wide, new long[] {5, 0, 1});
            vcd.time(2);
            vcd.change(wide, "z01");
        }
        String out = text.toString();
        assertTrue(out.contains("b1" + "0".repeat(4095) + " !"), "BigInteger value");
        assertTrue(out.contains("b1" + "0".repeat(125) + "101 !"), "word value");
        assertTrue(out.contains("bz01 !"), "4-state value");
    }

    @Test
    void rejectsMisuseWithClearMessages() {
        VcdWriter vcd = new VcdWriter(new StringWriter(), "10ns");
        VcdSignal s = vcd.declare("s", 4);
        assertThrows(IllegalArgumentException.class, () -> vcd.change(s, 16));
        assertThrows(IllegalArgumentException.class, () -> vcd.declare("big", 4097));
        assertThrows(IllegalArgumentException.class, () -> vcd.declare("has space", 1));
        vcd.time(10);
        assertThrows(IllegalStateException.class, () -> vcd.declare("late", 1));
        assertThrows(IllegalArgumentException.class, () -> vcd.time(5));
        assertThrows(IllegalArgumentException.class, () -> new VcdWriter(new StringWriter(), "3ns"));
    }

    @Test
    void identifierCodesAreShortAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = VcdIdentifiers.code(i);
            assertTrue(seen.add(code), "duplicate code " + code);
            assertTrue(code.chars().allMatch(c -> c >= '!' && c <= '~'));
            assertTrue(code.length() <= (i < 94 ? 1 : 3));
        }
    }

    @Test
    void aliasesShareOneCode() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(text, "1ns")) {
            vcd.pushScope("tb");
            VcdSignal clk = vcd.declare("clk", 1);
            vcd.pushScope("dut");
            VcdSignal inner = vcd.alias(clk, "clk");
            vcd.popScope();
            vcd.popScope();
            assertEquals(clk.code(), inner.code());
            vcd.change(inner, 1);
        }
        assertTrue(text.toString().contains("$var wire 1 ! clk $end\n$scope module dut $end\n$var wire 1 ! clk $end"));
    }

    @Test
    void scopeFilterDropsSignalsAndEmptyScopes() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(text, "1ns", VcdFilter.all().scopes("tb.dut").depth(0))) {
            vcd.pushScope("tb");
            VcdSignal clk = vcd.declare("clk", 1);
            vcd.pushScope("dut");
            VcdSignal count = vcd.declare("count", 8);
            vcd.pushScope("fifo");
            VcdSignal level = vcd.declare("level", 4);
            vcd.popScope();
            vcd.popScope();
            vcd.popScope();
            assertFalse(clk.recorded());
            assertTrue(count.recorded());
            assertFalse(level.recorded());
            vcd.change(clk, 1);
            vcd.change(count, 7);
            vcd.change(level, 2);
        }
        String out = text.toString();
        assertFalse(out.contains("clk"));
        assertFalse(out.contains("fifo"));
        assertTrue(out.contains("$scope module tb $end\n$scope module dut $end\n$var wire 8 ! count [7:0] $end"));
        assertTrue(out.contains("b111 !"));
    }

    @Test
    void timeWindowStartsWithTheStateAtItsFirstInstant() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(text, "1ns", VcdFilter.all().cycles(2, 3, 10))) {
            VcdSignal count = vcd.declare("count", 8);
            for (int cycle = 0; cycle < 8; cycle++) {
                vcd.change(cycle * 10L + 5, count, cycle);
            }
            vcd.time(80);
        }
        String body = text.toString().substring(text.toString().indexOf("$enddefinitions $end\n") + 21);
        assertEquals("""
                #20
                $dumpvars
                b1 !
                $end
                #25
                b10 !
                #35
                b11 !
                #39
                """, body);
    }
}
