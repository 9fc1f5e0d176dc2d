package dev.nvmekit.testbench.cli;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Elaboration;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.interop.SpinalBlackBoxWriter;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.verilog.VerilogLint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code nvmekit generate}: elaborate a design, check it, and write its Verilog and a JSON of its ports. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Emit the Verilog of a design (default: nvme_frontend) and a JSON of its ports and parameters.")
final class GenerateCommand implements Runnable {
    @Mixin
    DesignOptions designOptions;

    @Option(names = {"-o", "--out"}, defaultValue = "out", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--spinal-package", paramLabel = "PACKAGE",
            description = "also write a SpinalHDL BlackBox definition of the top (Scala) in this package")
    String spinalPackage;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Elaboration e = Elaborator.elaborate(DesignCatalog.standard().build(designOptions.design, designOptions.params));
        List<Path> files = VerilogLint.write(e.design(), out);
        writeJson(e.design(), designOptions.params, out.resolve(e.design().top() + ".json"));
        if (spinalPackage != null) writeSpinalBlackBox(e.design(), files);
        for (Diagnostic w : e.warnings()) spec.commandLine().getErr().println(w);
        spec.commandLine().getOut().println("wrote " + files.size() + " Verilog file(s) for " + e.design().top() + " to " + out);
    }

    private void writeSpinalBlackBox(Design d, List<Path> files) {
        if (!spinalPackage.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new Main.UsageError("--spinal-package '" + spinalPackage + "' is not a Scala package name");
        }
        String scala = SpinalBlackBoxWriter.write(d, spinalPackage,
                files.stream().map(f -> f.toAbsolutePath().toString()).toList(), designOptions.params);
        String className = scala.lines().filter(l -> l.startsWith("class ")).findFirst().orElseThrow().split(" ")[1];
        try {
            Files.writeString(out.resolve(className + ".scala"), scala);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static void writeJson(Design d, Map<String, String> params, Path file) {
        ModuleDef top = d.topModule();
        String ports = top.ports().stream().map(GenerateCommand::portJson).collect(Collectors.joining(",\n    "));
        String ps = params.entrySet().stream().map(p -> "\"" + p.getKey() + "\": \"" + p.getValue() + "\"").collect(Collectors.joining(", "));
        String modules = d.modules().stream().map(m -> "\"" + m.name() + "\"").collect(Collectors.joining(", "));
        String json = "{\n  \"top\": \"" + d.top() + "\",\n  \"parameters\": {" + ps + "},\n  \"modules\": [" + modules
                + "],\n  \"ports\": [\n    " + ports + "\n  ]\n}\n";
        try {
            Files.writeString(file, json);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String portJson(Port p) {
        return "{\"name\": \"" + p.name() + "\", \"direction\": \"" + p.direction().name().toLowerCase()
                + "\", \"width\": " + p.type().width() + ", \"signed\": " + p.type().signed() + "}";
    }
}
