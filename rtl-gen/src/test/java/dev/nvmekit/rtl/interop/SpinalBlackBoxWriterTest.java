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
}
