package dev.nvmekit.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VcdReaderTest {

    /** Features seen in Icarus, Verilator and GTKWave output, in one file. */
    private static final String RICH = """
            $date Mon Jan  1 00:00:00 2024 $end
            $version
               hand written
            $end
            $comment several
               lines $end
            $timescale 10 ps $end
            $attrbegin misc 07 tb.dut 1 $end
            $scope module tb $end
             $var wire  1 ! clk $end
             $var reg 72 " wide [71:0] $end
             $scope module dut $end
              $var wire 1 ! clk $end
              $var wire 4 # bus[3:0] $end
              $var wire 1 $ bit [3] $end
              $var real 64 % temp $end
              $scope task t $end
               $var integer 32 & i $end
              $upscope $end
              $scope begin blk $end
               $scope fork f $end
                $var event 1 ' ev $end
               $upscope $end
              $upscope $end
             $upscope $end
            $upscope $end
            $enddefinitions $end
            #0
            $dumpvars
            0!
            bx "
            bz #
            X$
            r0.5 %
            b0 &
            $end
            #5
            1!
            b1x0z #
            r1e3 %
            $comment mid-run $end
            #10
            $dumpoff
            x!
            bx #
            $end
            #20
            $dumpon
            0!
            b1010 #
            $end
            b1 #
            #30
            $dumpall
            1!
            b1 #
            $end
            bWIDEBITS "
            """.replace("WIDEBITS", "10".repeat(36));

    private static Waveform read(String text) throws IOException {
        return VcdReader.read(new StringReader(text), "test.vcd");
    }

    @Test
    void readsHeaderHierarchyAndAliases() throws IOException {
        Waveform w = read(RICH);
        assertEquals(new Timescale(10, "ps"), w.timescale());
        assertEquals("hand written", w.version());
        assertEquals(List.of("several lines", "mid-run"), w.comments());
        assertEquals(30, w.endTime());
        Scope dut = w.root().child("tb").orElseThrow().child("dut").orElseThrow();
        assertEquals("tb.dut", dut.path());
        assertEquals("task", dut.child("t").orElseThrow().kind());
        assertEquals("fork", dut.child("blk").orElseThrow().child("f").orElseThrow().kind());
        assertEquals(List.of("tb.clk", "tb.wide", "tb.dut.clk", "tb.dut.bus", "tb.dut.bit[3]", "tb.dut.temp",
                "tb.dut.t.i", "tb.dut.blk.f.ev"), w.signals().stream().map(Signal::path).toList());
        assertSame(w.require("tb.clk").trace(), w.require("tb.dut.clk").trace(), "aliases share one trace");
    }

    @Test
    void keepsFourStateWideAndRealValues() throws IOException {
        Waveform w = read(RICH);
        Signal bus = w.require("tb.dut.bus");
        assertEquals(LogicValue.parse("zzzz", 4), bus.valueAt(0));
        assertEquals(LogicValue.parse("1x0z", 4), bus.valueAt(7));
        assertEquals(LogicValue.parse("xxxx", 4), bus.valueAt(10), "$dumpoff values are x");
        assertEquals(LogicValue.of(1, 4), bus.valueAt(20), "a later change at one time wins");
        assertEquals(LogicValue.of(1, 4), bus.valueBefore(30));
        assertEquals(new RealValue(1000.0), w.require("tb.dut.temp").valueAt(5));
        LogicValue wide = (LogicValue) w.require("tb.wide").valueAt(30);
        assertEquals(72, wide.width());
        assertEquals("aa".repeat(9), wide.toHexString());
        assertEquals(LogicValue.unknown(1), w.require("tb.dut.bit[3]").valueAt(0));
        assertEquals(LogicValue.unknown(4), bus.valueBefore(0), "unknown before the first change");
    }

    @Test
    void readsWhatTheWriterOfTheSimModuleWrites() throws IOException {
        String text = """
                $timescale 1ns $end
                $var wire 8 ! top_level $end
                $enddefinitions $end
                #3
                b11 !
                """;
        Waveform w = read(text);
        assertEquals("top_level", w.signals().getFirst().path());
        assertEquals(LogicValue.of(3, 8), w.require("top_level").valueAt(3));
        assertEquals(1, w.root().signals().size());
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            $scope module a $end\\n$var wire 1 ! x $end\\n$upscope $end\\n$enddefinitions $end\\n#0\\n1\"           | 6 | unknown identifier code
            $var wire 1 ! x $end\\n$enddefinitions $end\\n#5\\n#3                                                 | 4 | goes back
            $var wire 4 ! x $end\\n$enddefinitions $end\\nb1021 !                                                 | 3 | not a 4-state bit
            $var wire 2 ! x $end\\n$enddefinitions $end\\n\\n\\nb101 !                                            | 5 | has 3 bits
            $var wire two ! x $end                                                                              | 1 | width must be a number
            $timescale 7ns $end                                                                                 | 1 | not a timescale
            $upscope $end                                                                                       | 1 | without an open $scope
            $var wire 1 ! x $end\\nb1 !                                                                         | 2 | unexpected 'b1' in the header
            $var wire 1 ! x $end                                                                                | 1 | no $enddefinitions
            $var wire 1 ! x $end\\n$enddefinitions $end\\n#1x                                                   | 3 | bad timestamp
            $var wire 1 ! x $end\\n$enddefinitions $end\\n$dumpvars\\n0!                                         | 3 | never closed
            $var wire 1 ! x $end\\n$enddefinitions $end\\n$end                                                  | 3 | $end without an open
            $comment never closed                                                                               | 1 | never closed
            """)
    void malformedInputNamesTheLine(String text, int line, String message) {
        VcdFormatException e = assertThrows(VcdFormatException.class, () -> read(text.replace("\\n", "\n")));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.vcd:" + line + ": "), e.getMessage());
        assertTrue(e.detail().contains(message), e.getMessage());
    }
}
