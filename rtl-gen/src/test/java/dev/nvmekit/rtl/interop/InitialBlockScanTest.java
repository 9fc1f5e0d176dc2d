package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Initial blocks that wait are refused at the file and line of the timing control, wherever it
 * sits in the block's statements; initial values pass. Each case is a module body with the
 * initial block starting on line 3 ('|' is a line break).
 */
class InitialBlockScanTest {
    private static Path module(Path dir, String body) throws Exception {
        Path f = dir.resolve("case.v");
        Files.writeString(f, "module m (input wire clk, input wire x, output reg q);\n  reg [7:0] mem [0:3];\n"
                + body.replace('|', '\n') + "\n  integer i;\nendmodule\n");
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', value = {
            "initial #(10) q = 1;~3~delay '#(10)'",
            "initial begin|  q = 0;|  #(10) q = 1;|end~5~delay '#(10)'",
            "initial begin q = 0; #10 q = 1; end~3~delay '#10'",
            "initial begin q = 0; #1.5 q = 1; end~3~delay '#1.5'",
            "initial begin q = 0;|  # 2ns q = 1; end~4~delay '# 2ns'",
            "initial begin q = 0; #`DLY q = 1; end~3~delay '#`DLY'",
            "initial q = #5 1'b1;~3~delay '#5'",
            "initial begin|  q = 0;|  @(posedge clk) q = 1;|end~5~event control '@(posedge clk)'",
            "initial begin q = 0; @clk q = 1; end~3~event control '@clk'",
            "initial begin q = 0; repeat (3) @(posedge clk); end~3~event control '@(posedge clk)'",
            "initial begin q = 0; wait (x) q = 1; end~3~'wait'",
            "initial forever q = !q;~3~forever loop",
            "initial fork|  begin q = 0; end|  #10 q = 1;|join~5~delay '#10'",
            "initial for (i = 0; i < 4; i = i + 1) begin|  mem[i] = 0;|  #(10);|end~5~delay '#(10)'",
            "initial if (x) begin q = 0; end|else|  #(10) q = 1;~5~delay '#(10)'",
            "initial begin|  case (x)|    1'b0: q = 0;|    default: @(posedge clk) q = 1;|  endcase|end~6~event control '@(posedge clk)'",
            "task pulse; begin #10 q = 1; end endtask|initial pulse;~4~calls task 'pulse', which waits at line 3",
    })
    void waitingInitialBlockIsRefusedAtItsLine(String body, int line, String kind, @TempDir Path dir) throws Exception {
        Path f = module(dir, body);
        List<Diagnostic> found = InitialBlockScan.scan(f, "m");
        assertEquals(1, found.size(), found.toString());
        String text = found.getFirst().toString();
        assertTrue(text.startsWith("case.v:" + line + ":"), text);
        assertTrue(text.contains(kind) && text.contains(f.toString()), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "initial q = 1'b0;",
            "initial begin for (i = 0; i < 4; i = i + 1) mem[i] = 8'h11 * i; end",
            "initial begin|  case (x) 1'b0: q = 0; default: q = 1; endcase|  mem[0] = 8'h1f;|end",
            "initial begin $display(\"#5 @(x) wait\"); q = 0; end // #10 @(posedge clk)",
            "/* initial #5 q = 1; */ initial q = 0;",
            "initial $readmemh(\"data.hex\", mem);",
            "initial q = 0;|always @(posedge clk) q <= #1 x;",
    })
    void initialValuesPass(String body, @TempDir Path dir) throws Exception {
        assertEquals(List.of(), InitialBlockScan.scan(module(dir, body), "m"));
    }

    /** A testbench beside the design: the design imports; a Yosys failure on the testbench is explained by the scan. */
    @Test
    void testbenchInTheSameFileIsNotTheImportsConcern(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("with_tb.v");
        Files.writeString(f, """
                module dut (input wire clk, input wire d, output reg q);
                  always @(posedge clk) q <= d;
                endmodule
                module dut_tb;
                  reg clk = 0, d = 0;
                  wire q;
                  dut u (.clk(clk), .d(d), .q(q));
                  initial begin
                    #5 d = 1;
                  end
                  always #5 clk = ~clk;
                endmodule
                module wrapper (input wire clk, input wire d, output wire q);
                  dut inner (.clk(clk), .d(d), .q(q));
                endmodule
                """);
        InitialBlockScan.Findings forDut = InitialBlockScan.scan(List.of(f), "wrapper");
        assertEquals(List.of(), forDut.used());
        assertEquals(1, forDut.unused().size(), forDut.toString());
        assertEquals("dut_tb", forDut.unused().getFirst().module());
        assertEquals(1, InitialBlockScan.scan(List.of(f), "dut_tb").used().size(), "the testbench as top is refused");
        // Yosys parses delays (and ignores them), so the design imports.
        assertEquals("wrapper", VerilogImporter.read(List.of(f), "wrapper").module().name());

        Path g = dir.resolve("with_event_tb.v");
        Files.writeString(g, Files.readString(f).replace("#5 d = 1;", "@(posedge clk) d = 1;"));
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(g), "wrapper"));
        assertTrue(e.getMessage().contains("Yosys") && e.getMessage().contains("module dut_tb is not part of wrapper")
                && e.getMessage().contains("with_event_tb.v:9"), e.getMessage());
    }

    @Test
    void importerRefusesBeforeRunningYosys(@TempDir Path dir) throws Exception {
        Path f = module(dir, "initial begin|  q = 0;|  #(10) q = 1;|end|always @(posedge clk) q <= x;");
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(f), "m"));
        assertTrue(e.getMessage().contains("case.v:5") && e.getMessage().contains("delay '#(10)'"), e.getMessage());
    }
}
