package dev.nvmekit.testbench.benchmark;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.verilog.VerilogEmitter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Icarus Verilog clocking a design with every input but {@code rst} held at zero (a free-running
 * clock, as {@code step(n)} on the other simulators). The bench is compiled once and run twice,
 * with a short and a long cycle count, so that vvp's start-up is subtracted out.
 */
final class IcarusFreeRun {
    private IcarusFreeRun() {
    }

    /** Cycles per second, or throws with the reason Icarus could not run. */
    static double cyclesPerSecond(Design design, long cycles, long timeoutSeconds) throws IOException {
        Path dir = Files.createTempDirectory("nvmekit-icarus-bench");
        try {
            Files.writeString(dir.resolve("design.v"), VerilogEmitter.emit(design));
            StringBuilder ports = new StringBuilder(".clk(clk), .rst(rst)");
            for (Port p : design.topModule().ports()) {
                if (p.direction() != Direction.IN || p.name().equals("clk") || p.name().equals("rst")) continue;
                ports.append(String.format(Locale.ROOT, ", .%s({%d{1'b0}})", p.name(), p.type().width()));
            }
            Files.writeString(dir.resolve("tb.v"), """
                    `timescale 1ps/1ps
                    module tb;
                      reg clk = 0; reg rst = 1; integer i; integer n;
                      %s dut (%s);
                      initial begin
                        if (!$value$plusargs("n=%%d", n)) n = 1000;
                        #5000 clk = 1; #5000 clk = 0; #5000 clk = 1; #5000 clk = 0; rst = 0;
                        for (i = 0; i < n; i = i + 1) begin #5000 clk = 1; #5000 clk = 0; end
                        $finish;
                      end
                    endmodule
                    """.formatted(design.top(), ports));
            ExternalTool c = ExternalTool.run(dir, timeoutSeconds, "iverilog", "-g2005", "-o", "sim.vvp", "-s", "tb", "tb.v", "design.v");
            if (!c.ok()) throw new IOException(c.failure());
            long shortRun = Math.max(1, cycles / 10);
            ExternalTool a = ExternalTool.run(dir, timeoutSeconds, "vvp", "-n", "sim.vvp", "+n=" + shortRun);
            if (!a.ok()) throw new IOException(a.failure());
            ExternalTool b = ExternalTool.run(dir, timeoutSeconds, "vvp", "-n", "sim.vvp", "+n=" + cycles);
            if (!b.ok()) throw new IOException(b.failure());
            double dt = b.seconds() - a.seconds();
            // On a loaded machine the difference can come out tiny or negative: fall back to the long run alone.
            return dt > b.seconds() * 0.2 ? (cycles - shortRun) / dt : cycles / b.seconds();
        } finally {
            ExternalTool.delete(dir);
        }
    }
}
