package dev.nvmekit.verilator;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import dev.nvmekit.sim.SimulationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Verilator compiles for one design: the top module's name, the emitted Verilog, and the
 * external Verilog files that define the design's blackboxes.
 */
public record ModelSource(String top, String verilog, List<Path> blackBoxFiles) {
    public ModelSource {
        Objects.requireNonNull(top, "top");
        Objects.requireNonNull(verilog, "verilog");
        blackBoxFiles = List.copyOf(blackBoxFiles);
    }

    /** The design's Verilog from {@link VerilogEmitter} and its blackboxes' source files. */
    public static ModelSource of(Design design) {
        return new ModelSource(design.top(), VerilogEmitter.emit(design), blackBoxFiles(design));
    }

    /** Every blackbox's Verilog file, absolute, each once; a missing file is the user's error. */
    static List<Path> blackBoxFiles(Design design) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (ModuleDef m : design.modules()) {
            if (m.blackBox().isEmpty()) continue;
            for (String f : m.blackBox().get().verilogFiles()) {
                Path p = Path.of(f).toAbsolutePath().normalize();
                if (Files.isRegularFile(p)) files.add(p);
                else missing.add(f + " (blackbox " + m.name() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new SimulationException("Verilog source of a blackbox not found: " + String.join(", ", missing)
                    + "; pass an existing file to source(...) in the BlackBox");
        }
        return List.copyOf(files);
    }
}
