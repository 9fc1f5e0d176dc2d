package dev.nvmekit.testbench.cli;

import dev.nvmekit.waveforms.Waveform;
import dev.nvmekit.waveforms.diff.DiffOptions;
import dev.nvmekit.waveforms.diff.DiffReport;
import dev.nvmekit.waveforms.diff.Difference;
import dev.nvmekit.waveforms.diff.SignalMapping;
import dev.nvmekit.waveforms.diff.WaveformDiff;
import dev.nvmekit.waveforms.diff.XzPolicy;
import dev.nvmekit.waveforms.render.SvgWaveformRenderer;
import dev.nvmekit.waveforms.render.WaveView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code nvmekit diff}: compare two VCDs and report the first differing signal and cycle, with a picture around it. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two VCDs (e.g. embedded vs Verilator) and report the first difference.")
final class DiffCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "LEFT") Path left;
    @Parameters(index = "1", paramLabel = "RIGHT") Path right;

    @Option(names = "--strip-left", description = "scope prefix to drop from left names, e.g. TOP.")
    String stripLeft;

    @Option(names = "--strip-right", description = "scope prefix to drop from right names")
    String stripRight;

    @Option(names = "--clock", description = "compare at rising edges of this (compared) clock name")
    String clock;

    @Option(names = "--x-as-zero", description = "treat x/z as 0 (two-state simulators against four-state ones)")
    boolean xAsZero;

    @Option(names = "--svg", description = "picture of the signals around the first difference (from the left dump)")
    Path svg;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Waveform l = WaveCommand.read(left);
        Waveform r = WaveCommand.read(right);
        DiffOptions o = DiffOptions.defaults();
        if (stripLeft != null) o = o.mapLeft(SignalMapping.stripPrefix(stripLeft));
        if (stripRight != null) o = o.mapRight(SignalMapping.stripPrefix(stripRight));
        if (clock != null) o = o.atRisingEdges(clock);
        if (xAsZero) o = o.xz(XzPolicy.X_EQUALS_ZERO);
        DiffReport report = WaveformDiff.compare(l, r, o);
        spec.commandLine().getOut().println(report.summary());
        if (report.identical()) return;
        Difference first = report.firstDifference().orElseThrow();
        if (svg != null) picture(l, first);
        throw new Main.CheckFailed("waveforms differ: first at " + first.signal() + ", time " + first.timeFs() + " fs"
                + (first.cycle() >= 0 ? ", cycle " + first.cycle() : ""));
    }

    private void picture(Waveform l, Difference first) {
        String leftName = l.signals().stream().map(s -> s.path())
                .filter(p -> p.endsWith(first.signal())).findFirst().orElse(null);
        if (leftName == null) return;
        long t = l.timescale().femtoseconds() == 0 ? 0 : first.timeFs() / l.timescale().femtoseconds();
        long span = Math.max(10, l.endTime() / 20);
        WaveView view = WaveView.of(List.of(leftName)).window(Math.max(0, t - span), t + span);
        try {
            Files.writeString(svg, SvgWaveformRenderer.render(l, view));
        } catch (IOException e) {
            throw new Main.UsageError("cannot write " + svg + ": " + e.getMessage());
        }
    }
}
