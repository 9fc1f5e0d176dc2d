package dev.nvmekit.testbench.run;

import dev.nvmekit.waveforms.Signal;
import dev.nvmekit.waveforms.VcdReader;
import dev.nvmekit.waveforms.Waveform;
import dev.nvmekit.waveforms.render.SvgWaveformRenderer;
import dev.nvmekit.waveforms.render.WaveView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The picture of the first workload command's life, drawn from the run's VCD: the SQ tail
 * doorbell write on BAR0, the SQE fetch on the AXI master, the command on {@code cmd_}, its
 * completion on {@code cpl_}, the CQE write to host memory and the MSI-X request on {@code irq_},
 * with every valid/ready transfer shaded.
 */
public final class FirstCommandWave {
    /** The rows, in the order the command meets them. */
    static final List<String> PORTS = List.of(
            "s_axil_awvalid", "s_axil_awready", "s_axil_awaddr", "s_axil_wvalid", "s_axil_wready", "s_axil_wdata",
            "m_axi_arvalid", "m_axi_arready", "m_axi_araddr", "m_axi_arlen", "m_axi_rvalid", "m_axi_rready", "m_axi_rlast",
            "cmd_valid", "cmd_ready", "cmd_sqid",
            "cpl_valid", "cpl_ready", "cpl_sqid", "cpl_cid", "cpl_status",
            "m_axi_awvalid", "m_axi_awready", "m_axi_awaddr", "m_axi_wvalid", "m_axi_wready", "m_axi_wlast",
            "m_axi_bvalid", "m_axi_bready",
            "irq_valid", "irq_ready", "irq_vector");

    /** An SVG, or empty with the reason in {@code note}. */
    public record Picture(String svg, String note) {
    }

    private FirstCommandWave() {
    }

    /** Draws the first command of {@code o} from its VCD; never throws for a missing or partial dump. */
    public static Picture draw(RunOutcome o) {
        if (o.vcd().isEmpty()) return new Picture("", "No VCD was written (--no-vcd), so there is no waveform.");
        if (o.firstCommand().isEmpty()) return new Picture("", "The workload issued no command.");
        RunOutcome.FirstCommand c = o.firstCommand().get();
        SimulationSetup.CycleWindow w = o.vcdWindow().orElseThrow();
        if (c.submitSimCycle() < w.from() || c.doneSimCycle() > w.to()) {
            return new Picture("", "The first command ran in cycles " + c.submitSimCycle() + ".." + c.doneSimCycle()
                    + ", outside the VCD window " + w.from() + ":" + w.to() + ".");
        }
        Waveform wave;
        try {
            wave = VcdReader.read(o.vcd().get());
        } catch (IOException e) {
            return new Picture("", "Cannot read " + o.vcd().get() + ": " + e.getMessage());
        }
        Optional<String> clock = find(wave, "clk");
        if (clock.isEmpty()) return new Picture("", "The VCD has no clk signal.");
        List<String> rows = new ArrayList<>();
        for (String port : PORTS) find(wave, port).ifPresent(rows::add);
        long period = o.clockPeriodPs();
        long from = Math.max(0, c.submitTimePs() - 3 * period);
        long to = c.doneTimePs() + 4 * period;
        long cycles = c.doneSimCycle() - c.submitSimCycle();
        WaveView view = WaveView.of(rows).clock(clock.get()).window(from, to).width((int) Math.min(2400, Math.max(900, (cycles + 7) * 14)));
        String what = String.format("The first command: a %s on SQ %d, submitted at cycle %d and reaped at cycle %d (%d cycles, %.0f ns). "
                        + "Shaded cycles are valid/ready transfers.", c.write() ? "write" : "read", c.qid(), c.submitSimCycle(),
                c.doneSimCycle(), cycles, o.ns(cycles));
        return new Picture(SvgWaveformRenderer.render(wave, view), what);
    }

    /**
     * The port's path: {@code nvme_frontend.port} from the embedded simulator, {@code TOP.nvme_frontend.port}
     * from Verilator; else the shallowest signal so named.
     */
    private static Optional<String> find(Waveform wave, String port) {
        for (String candidate : List.of("nvme_frontend." + port, "TOP.nvme_frontend." + port, port)) {
            Optional<Signal> s = wave.signal(candidate);
            if (s.isPresent()) return Optional.of(s.get().path());
        }
        return wave.signals().stream().map(Signal::path).filter(p -> p.endsWith("." + port))
                .min(java.util.Comparator.comparingInt(p -> p.split("\\.").length));
    }
}
