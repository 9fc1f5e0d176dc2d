package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignChecks;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads synthesizable Verilog-2005 through Yosys and gives back the top module as IR, with the
 * Verilog names: the user's own RTL, an open core, a SpinalHDL-generated block, or Verilog this
 * toolkit emitted. The module is flattened (instances of the files' other modules are inlined,
 * their nets named {@code inst_net}); memories stay memories. The result passes
 * {@link DesignChecks}, simulates on the embedded backend, emits again with the
 * {@code VerilogEmitter}, and becomes a DSL component with {@code ImportedModule}.
 *
 * <pre>{@code
 * ImportedVerilog fifo = VerilogImporter.read(List.of(Path.of("rtl/fifo.v")), "fifo", Map.of("DEPTH", "16"));
 * Design d = fifo.design();
 * }</pre>
 *
 * <p>One Yosys run per call: {@code read_verilog; chparam; hierarchy -check; proc; flatten;
 * opt_dff -keepdc; memory_dff; opt -full -keepdc; memory_share -nosat; memory_collect; opt_clean; write_json}
 * (with {@link PowerUp#ZERO}, {@code memory_collect; setundef -zero -init} right after {@code flatten}). What the IR cannot express
 * (latches, negative-edge or derived clocks, several asynchronous resets on one clock, inout
 * ports, division) is reported as a {@link DesignException} at the Verilog file and line.
 */
public final class VerilogImporter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private VerilogImporter() {
    }

    /** Imports module {@code top} from {@code files}. */
    public static ImportedVerilog read(List<Path> files, String top) {
        return read(files, top, Map.of());
    }

    /**
     * Imports module {@code top} from {@code files}, with its Verilog parameters set to
     * {@code parameters} (name to a Verilog constant such as {@code "16"} or {@code "8'hff"}).
     */
    public static ImportedVerilog read(List<Path> files, String top, Map<String, String> parameters) {
        return read(files, top, parameters, PowerUp.UNDEFINED);
    }

    /**
     * Imports module {@code top} from {@code files} with its Verilog parameters set, and with
     * {@code powerUp} deciding what registers and memories without an initial value hold
     * ({@link PowerUp#ZERO} to simulate from power-up exactly as {@code InitPolicy.ZERO} runs the
     * original).
     */
    public static ImportedVerilog read(List<Path> files, String top, Map<String, String> parameters, PowerUp powerUp) {
        List<Diagnostic> problems = new ArrayList<>();
        if (!IDENTIFIER.matcher(top).matches()) problems.add(problem("top module name '" + top + "' is not a Verilog identifier"));
        if (files.isEmpty()) problems.add(problem("no Verilog files to read"));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) problems.add(problem("Verilog file " + f + " does not exist"));
        }
        parameters.forEach((k, v) -> {
            if (!IDENTIFIER.matcher(k).matches() || v.isBlank() || v.contains("\n") || v.contains(";")) {
                problems.add(problem("parameter " + k + " = '" + v + "' is not a name and a Verilog constant"));
            }
        });
        if (!problems.isEmpty()) throw new DesignException(problems);
        InitialBlockScan.Findings waiting = InitialBlockScan.scan(files, top);
        problems.addAll(waiting.used());
        if (!problems.isEmpty()) throw new DesignException(problems);

        StringBuilder script = new StringBuilder();
        for (Path f : files) script.append("read_verilog ").append(YosysProcess.quote(f.toString())).append('\n');
        parameters.forEach((k, v) -> script.append("chparam -set ").append(k).append(' ').append(v).append(' ').append(top).append('\n'));
        script.append("hierarchy -check -top ").append(top).append('\n').append("proc\nflatten\n");
        // Power-up zeros must be fixed before the optimisations that may reshape undefined state. setundef works on
        // collected memories only: on single $memrd cells it would turn the undefined enable of an asynchronous read
        // into 0, which Yosys 0.23 then rejects.
        if (powerUp == PowerUp.ZERO) script.append("memory_collect\nsetundef -zero -init\n");
        // memory_share -nosat: adjacent words read or written together become one wide port, as in "memory".
        script.append("opt_clean\nopt_dff -keepdc\nmemory_dff\nopt_clean\nopt -full -keepdc\nmemory_share -nosat\nmemory_collect\nopt_clean\n")
                .append("write_json %JSON%\n");
        String json;
        try {
            json = YosysProcess.run(script.toString(), top);
        } catch (DesignException e) {
            // Yosys reads every module of the files, so a testbench beside the design can be what it stumbled on.
            List<Diagnostic> all = new ArrayList<>(InstanceLocator.place(e, files).diagnostics());
            for (Diagnostic d : waiting.unused()) {
                all.add(Diagnostic.error(d.location(), d.module(), d.signal(), "module " + d.module() + " is not part of " + top
                        + ", but Yosys reads the whole file: " + d.message() + "; keep testbenches in files of their own"));
            }
            throw new DesignException(all);
        }

        YosysNetlist netlist;
        try {
            netlist = YosysNetlist.of(JsonText.parse(json), top);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new DesignException(List.of(problem("cannot read Yosys's netlist: " + e.getMessage())));
        }
        NetlistConversion conversion = new NetlistConversion(netlist, NameTable.plain(top), powerUp);
        ModuleDef module = conversion.convert();
        List<Diagnostic> all = new ArrayList<>(conversion.diagnostics);
        all.addAll(DesignChecks.run(new Design(module.name(), List.of(module))));
        if (all.stream().anyMatch(Diagnostic::isError)) throw new DesignException(all);
        return new ImportedVerilog(module, all, files, new LinkedHashMap<>(parameters));
    }

    private static Diagnostic problem(String message) {
        return Diagnostic.error(SourceLocation.UNKNOWN, "verilog import", "", message);
    }
}
