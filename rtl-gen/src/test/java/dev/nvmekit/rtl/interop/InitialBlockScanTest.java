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

    @Test
    void importerRefusesBeforeRunningYosys(@TempDir Path dir) throws Exception {
        Path f = module(dir, "initial begin|  q = 0;|  #(10) q = 1;|end|always @(posedge clk) q <= x;");
        DesignException e = assertThrows(DesignException.class, () -> VerilogImporter.read(List.of(f), "m"));
        assertTrue(e.getMessage().contains("case.v:5") && e.getMessage().contains("delay '#(10)'"), e.getMessage());
    }
}
