package dev.nvmekit.waveforms.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nvmekit.sim.vcd.VcdSignal;
import dev.nvmekit.sim.vcd.VcdWriter;
import dev.nvmekit.waveforms.ClockEdges;
import dev.nvmekit.waveforms.VcdReader;
import dev.nvmekit.waveforms.Waveform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgWaveformRendererTest {
    private static final List<String> SIGNALS = List.of("tb.clk", "tb.dut.sq_valid", "tb.dut.sq_ready",
            "tb.dut.sq_data", "tb.dut.state", "tb.dut.<odd>&name");

    /** 20 cycles of 10 ns; sq transfers when valid and ready are both high before an edge. */
    static Waveform handshakeDump() throws IOException {
        StringWriter text = new StringWriter();
        try (VcdWriter w = new VcdWriter(text, "1ns")) {
            w.pushScope("tb");
            VcdSignal clk = w.declare("clk", 1);
            w.pushScope("dut");
            VcdSignal valid = w.declare("sq_valid", 1);
            VcdSignal ready = w.declare("sq_ready", 1);
            VcdSignal data = w.declare("sq_data", 32);
            VcdSignal state = w.declare("state", 3);
            VcdSignal odd = w.declare("<odd>&name", 1);
            w.popScope();
            w.popScope();
            for (int cycle = 0; cycle < 20; cycle++) {
                w.time(cycle * 10L);
                w.change(clk, 0);
                // valid in cycles 2..7, ready in cycles 4..9: transfers at the edges in cycles 4..7
                w.change(valid, cycle >= 2 && cycle <= 7 ? 1 : 0);
                w.change(ready, cycle >= 4 && cycle <= 9 ? 1 : 0);
                w.change(data, 0xC0DE0000L + cycle);
                w.change(state, cycle < 3 ? "xxx" : cycle < 5 ? "zzz" : Integer.toBinaryString(cycle % 8));
                w.change(odd, cycle % 3 == 0 ? "z" : cycle % 3 == 1 ? "x" : "1");
                w.time(cycle * 10L + 5);
                w.change(clk, 1);
            }
            w.time(200);
        }
        return VcdReader.read(new StringReader(text.toString()), "handshake.vcd");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int countClass(Document doc, String className) {
        int n = 0;
        for (String tag : List.of("rect", "text", "line", "polygon")) {
            NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                if (className.equals(((Element) nodes.item(i)).getAttribute("class"))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void svgIsWellFormedAndNamesEverySignal() throws Exception {
        Waveform w = handshakeDump();
        String svg = SvgWaveformRenderer.render(w, WaveView.of(SIGNALS).clock("tb.clk").width(2000));
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String allText = doc.getDocumentElement().getTextContent();
        for (String s : SIGNALS) {
            assertTrue(allText.contains(s), s + " is named in the picture");
        }
        assertTrue(allText.contains("c0de0007"), "bus values are shown in hex");
        assertTrue(countClass(doc, "x") > 0, "x on a 1-bit signal is drawn");
        assertTrue(countClass(doc, "z") > 0, "z on a 1-bit signal is drawn");
        assertEquals(20, countClass(doc, "grid"), "one grid line per rising edge");
    }

    @Test
    void validReadyTransfersAreShaded() throws Exception {
        Waveform w = handshakeDump();
        long[] edges = ClockEdges.rising(w.require("tb.clk"));
        var transfers = ValidReadyTransfers.find(w.require("tb.dut.sq_valid"), w.require("tb.dut.sq_ready"), edges);
        List<Long> at = transfers.stream().map(ValidReadyTransfers.Transfer::edge).toList();
        assertEquals(List.of(45L, 55L, 65L, 75L), at);
        assertEquals(35L, transfers.getFirst().cycleStart());
        assertEquals("tb.dut.sq_ready", ValidReadyTransfers.readyFor(w, "tb.dut.sq_valid").orElseThrow().path());

        Document doc = parse(SvgWaveformRenderer.render(w, WaveView.of(SIGNALS).clock("tb.clk")));
        // valid, ready and sq_data share the stem "sq_": three rows per transfer
        assertEquals(4 * 3, countClass(doc, "xfer"));
        Document noClock = parse(SvgWaveformRenderer.render(w, WaveView.of(SIGNALS)));
        assertEquals(0, countClass(noClock, "xfer"), "no clock, no cycles to shade");
    }

    @Test
    void cycleWindowLimitsTheDrawing() throws Exception {
        Waveform w = handshakeDump();
        WaveView view = WaveView.of(List.of("tb.dut.sq_data")).clock("tb.clk").cycles(w, 3, 5);
        assertEquals(35, view.fromTime());
        assertEquals(65, view.toTime());
        String text = parse(SvgWaveformRenderer.render(w, view)).getDocumentElement().getTextContent();
        assertTrue(text.contains("c0de0004"));
        assertFalse(text.contains("c0de0009"), "values outside the window are not drawn");
        var missing = assertThrows(IllegalArgumentException.class,
                () -> SvgWaveformRenderer.render(w, WaveView.of(List.of("tb.nope"))));
        assertTrue(missing.getMessage().contains("tb.nope"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> view.cycles(w, 15, 40));
    }

    @Test
    void htmlPageIsSelfContainedWithWellFormedSvg() throws Exception {
        Waveform w = handshakeDump();
        String html = HtmlWaveformPage.render(w, WaveView.of(SIGNALS).clock("tb.clk"), "sq <handshake>");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>sq &lt;handshake&gt;</title>"));
        assertTrue(html.contains("<script>") && html.contains("zoom-in"));
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no external resources");
        assertFalse(html.contains("@import") || html.contains("url("), "no external styles");
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        List<Document> svgs = new ArrayList<>();
        while (m.find()) {
            svgs.add(parse(m.group()));
        }
        assertEquals(2, svgs.size(), "names and waves");
        assertTrue(svgs.get(0).getDocumentElement().getTextContent().contains("tb.dut.sq_valid"));
        assertEquals(12, countClass(svgs.get(1), "xfer"));
    }
}
