package dev.nvmekit.testbench.cli;

import dev.nvmekit.waveforms.Signal;
import dev.nvmekit.waveforms.VcdFormatException;
import dev.nvmekit.waveforms.VcdReader;
import dev.nvmekit.waveforms.Waveform;
import dev.nvmekit.waveforms.render.HtmlWaveformPage;
import dev.nvmekit.waveforms.render.SvgWaveformRenderer;
import dev.nvmekit.waveforms.render.WaveView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code nvmekit wave}: render a VCD (from this project, Verilator, Icarus, any tool) to SVG and HTML. */
@Command(name = "wave", mixinStandardHelpOptions = true,
        description = "Render a VCD to an SVG picture, an interactive HTML page and optionally a PNG.")
final class WaveCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "VCD", description = "the waveform file")
    Path vcd;

    @Option(names = {"-s", "--signals"}, split = ",", description = "signal paths to draw (default: the top scope's signals)")
    List<String> signals;

    @Option(names = "--clock", description = "clock path: enables cycle windows and valid/ready shading")
    String clock;

    @Option(names = "--cycles", paramLabel = "FIRST:LAST", description = "cycle window (needs --clock)")
    String cycles;

    @Option(names = "--svg", description = "SVG output file (default: VCD name with .svg)")
    Path svg;

    @Option(names = "--html", description = "HTML output file (default: VCD name with .html)")
    Path html;

    @Option(names = "--png", description = "also a PNG picture (rendered by headless Chromium)")
    Path png;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Waveform w = read(vcd);
        List<String> chosen = signals != null ? signals : defaultSignals(w);
        for (String s : chosen) {
            if (w.signal(s).isEmpty()) throw new Main.UsageError("no signal '" + s + "' in " + vcd);
        }
        if (chosen.isEmpty()) throw new Main.UsageError(vcd + " has no signals to draw");
        WaveView view = WaveView.of(chosen);
        if (clock != null) {
            if (w.signal(clock).isEmpty()) throw new Main.UsageError("no clock '" + clock + "' in " + vcd);
            view = view.clock(clock);
        }
        if (cycles != null) {
            String[] p = cycles.split(":");
            if (p.length != 2 || clock == null) throw new Main.UsageError("--cycles takes FIRST:LAST and needs --clock");
            try {
                view = view.cycles(w, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            } catch (NumberFormatException e) {
                throw new Main.UsageError("--cycles takes two numbers, FIRST:LAST");
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
        }
        Path svgOut = svg != null ? svg : sibling(vcd, ".svg");
        Path htmlOut = html != null ? html : sibling(vcd, ".html");
        String picture = SvgWaveformRenderer.render(w, view);
        try {
            Files.writeString(svgOut, picture);
            Files.writeString(htmlOut, HtmlWaveformPage.render(w, view, vcd.getFileName().toString()));
        } catch (IOException e) {
            throw new Main.UsageError("cannot write output: " + e.getMessage());
        }
        if (png != null) PngSnapshot.write(picture, png);
        spec.commandLine().getOut().println("wrote " + svgOut + ", " + htmlOut + (png != null ? " and " + png : ""));
    }

    static Waveform read(Path vcd) {
        try {
            return VcdReader.read(vcd);
        } catch (NoSuchFileException e) {
            throw new Main.UsageError("no such file: " + vcd);
        } catch (VcdFormatException e) {
            throw new Main.UsageError("malformed VCD: " + e.getMessage());
        } catch (IOException e) {
            throw new Main.UsageError("cannot read " + vcd + ": " + e.getMessage());
        }
    }

    private static List<String> defaultSignals(Waveform w) {
        List<Signal> top = w.root().children().isEmpty() ? w.root().signals() : w.root().children().getFirst().signals();
        return top.stream().map(Signal::path).limit(24).toList();
    }

    private static Path sibling(Path file, String ext) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ext);
    }
}
