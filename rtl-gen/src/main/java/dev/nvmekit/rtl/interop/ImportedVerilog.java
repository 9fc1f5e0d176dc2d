package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link VerilogImporter}: the flattened top module as IR, the findings that did
 * not stop the import (unused signals, undriven bits), and where it came from, so that the same
 * module can also be used as a blackbox of its original sources.
 *
 * @param module     the imported module (its name is the Verilog top's)
 * @param warnings   warnings of the import and of the design checks
 * @param sources    the Verilog files read
 * @param parameters Verilog parameters the top was specialised with (name to Verilog text)
 */
public record ImportedVerilog(ModuleDef module, List<Diagnostic> warnings, List<Path> sources, Map<String, String> parameters) {
    public ImportedVerilog {
        warnings = List.copyOf(warnings);
        sources = List.copyOf(sources);
        parameters = Map.copyOf(parameters);
    }

    /** A design with the imported module as its top (to simulate or emit it alone). */
    public Design design() {
        return new Design(module.name(), List.of(module));
    }

    /**
     * The module's ports only, with its sources as a blackbox body (for Verilator and synthesis);
     * the clock domains found in the netlist are kept so that a DSL parent connects clock and reset.
     */
    public ModuleDef asBlackBox() {
        return new ModuleDef(module.name(), module.ports(), module.clockDomains(), List.of(), List.of(), List.of(), List.of(), List.of(),
                java.util.Optional.of(new ModuleDef.BlackBoxSource(module.name(), sources.stream().map(Path::toString).toList())),
                module.location());
    }
}
