package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.examples.SimpleFifo;
import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated Scala has the shape of SpinalHDL's documented BlackBox API. */
class SpinalBlackBoxWriterTest {
    @Test
    void fifoBlackBox() {
        Design d = Elaborator.elaborate(new SimpleFifo(16, 3)).design();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("width", "16");
        params.put("depth", "8");
        String scala = SpinalBlackBoxWriter.write(d, "com.acme.ssd", List.of("rtl/simple_fifo.v"), params);
        assertTrue(scala.contains("package com.acme.ssd"), scala);
        assertTrue(scala.contains("import spinal.core._"), scala);
        assertTrue(scala.contains("class SimpleFifo extends BlackBox {"), scala);
        assertTrue(scala.contains("setDefinitionName(\"simple_fifo\")"), scala);
        // push_valid, push_ready, push_data share a prefix: one nested bundle, names joined with '_' as in the Verilog.
        assertTrue(scala.contains("    val push = new Bundle {\n      val valid = in Bool()\n      val ready = out Bool()\n      val data = in Bits(16 bits)\n    }"), scala);
        assertTrue(scala.contains("val count = out Bits(4 bits)"), scala);
        assertTrue(scala.contains("noIoPrefix()"), scala);
        assertTrue(scala.contains("mapClockDomain(clock = io.clk, reset = io.rst, resetActiveLevel = HIGH)"), scala);
        assertTrue(scala.contains("addRTLPath(\"rtl/simple_fifo.v\")"), scala);
        assertTrue(scala.contains("object SimpleFifoParameters {\n  val width = 16\n  val depth = 8\n}"), scala);
    }

    /** A design with a second clock domain: that domain is a ClockDomain parameter of the BlackBox, mapped to its own pins. */
    @Test
    void secondClockDomainIsAParameter() {
        final class TwoClocks extends dev.nvmekit.rtl.dsl.Component {
            TwoClocks() {
                dev.nvmekit.rtl.dsl.Signal a = in("a", 4);
                dev.nvmekit.rtl.dsl.Signal slow = out("slow", 4);
                dev.nvmekit.rtl.dsl.Signal fast = out("fast", 4);
                slow.set(regNext("slow_q", a));
                dev.nvmekit.rtl.dsl.Domain f = domain("fast", "fast_clk", "fast_rst_n", dev.nvmekit.rtl.ir.ResetKind.ASYNC_LOW);
                withDomain(f, () -> fast.set(regNext("fast_q", a)));
            }
        }
        Design d = Elaborator.elaborate(new TwoClocks()).design();
        String scala = SpinalBlackBoxWriter.write(d, "com.acme", List.of("two_clocks.v"), Map.of());
        assertTrue(scala.contains("class TwoClocks(fastDomain: ClockDomain) extends BlackBox {"), scala);
        assertTrue(scala.contains("  mapClockDomain(clock = io.clk, reset = io.rst, resetActiveLevel = HIGH)\n"), scala);
        assertTrue(scala.contains("  mapClockDomain(fastDomain, clock = io.fast_clk, reset = io.fast_rst_n, resetActiveLevel = LOW)\n"), scala);
    }
}
