package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.check.DesignChecks;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a design with blackboxes simulatable on the embedded backend: each blackbox
 * ({@code BlackBox} in the DSL) is replaced by its Verilog source imported through
 * {@link VerilogImporter}, specialised with the parameters of its instance. A blackbox used
 * with two parameter sets becomes two modules ({@code name}, {@code name_1}). The imported
 * ports must be the ones the blackbox declares (names, directions, widths): a mismatch, such as
 * a {@code WIDTH} parameter that was not passed, is an error at the instance.
 *
 * <pre>{@code
 * Design runnable = BlackBoxImport.resolve(Elaborator.elaborate(new PllUser("rtl/external_counter.v")).design());
 * }</pre>
 */
public final class BlackBoxImport {
    private BlackBoxImport() {
    }

    /** {@code design} with every blackbox that has Verilog sources replaced by their import. */
    public static Design resolve(Design design) {
        return resolve(design, PowerUp.UNDEFINED);
    }

    /** As {@link #resolve(Design)}, with {@code powerUp} for the imported state without initial values. */
    public static Design resolve(Design design, PowerUp powerUp) {
        Map<String, Map<Map<String, String>, String>> variants = new LinkedHashMap<>();
        Map<String, ModuleDef> imported = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        List<ModuleDef> modules = new ArrayList<>();
        for (ModuleDef m : design.modules()) {
            if (m.isBlackBox()) continue;
            List<Instance> instances = new ArrayList<>();
            for (Instance i : m.instances()) {
                ModuleDef child = design.module(i.module());
                if (!child.isBlackBox() || child.blackBox().orElseThrow().verilogFiles().isEmpty()) {
                    instances.add(i);
                    continue;
                }
                Map<Map<String, String>, String> byParameters = variants.computeIfAbsent(child.name(), k -> new LinkedHashMap<>());
                String name = byParameters.get(i.parameters());
                if (name == null) {
                    name = byParameters.isEmpty() ? child.name() : child.name() + "_" + byParameters.size();
                    byParameters.put(Map.copyOf(i.parameters()), name);
                    ModuleDef body = body(child, i, name, powerUp, problems);
                    if (body != null) imported.put(name, body);
                }
                instances.add(new Instance(i.name(), name, i.bindings(), Map.of(), i.location()));
            }
            modules.add(new ModuleDef(m.name(), m.ports(), m.clockDomains(), m.wires(), m.assigns(), m.registers(), m.memories(),
                    instances, m.blackBox(), m.location()));
        }
        if (!problems.isEmpty()) throw new DesignException(problems);
        // Imported bodies are flat, so putting them first keeps the modules children-first.
        List<ModuleDef> all = new ArrayList<>(imported.values());
        for (ModuleDef m : design.modules()) {
            if (m.isBlackBox() && !variants.containsKey(m.name())) all.add(m);
        }
        all.addAll(modules);
        Design out = new Design(design.top(), all);
        List<Diagnostic> errors = DesignChecks.run(out).stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) throw new DesignException(errors);
        return out;
    }

    private static ModuleDef body(ModuleDef box, Instance at, String name, PowerUp powerUp, List<Diagnostic> problems) {
        ModuleDef.BlackBoxSource source = box.blackBox().orElseThrow();
        List<Path> files = source.verilogFiles().stream().map(Path::of).toList();
        ModuleDef m;
        try {
            m = VerilogImporter.read(files, source.verilogModule(), at.parameters(), powerUp).module();
        } catch (DesignException e) {
            problems.addAll(e.diagnostics());
            return null;
        }
        for (Port declared : box.ports()) {
            Port found = m.port(declared.name()).orElse(null);
            String problem = found == null ? "has no port '" + declared.name() + "'"
                    : found.direction() != declared.direction() ? "has port '" + declared.name() + "' as " + found.direction()
                    : found.type().width() != declared.type().width() ? "has port '" + declared.name() + "' " + found.type().width() + " bits wide"
                    : null;
            if (problem != null) {
                problems.add(problem(at.location(), box.name(), "blackbox " + box.name() + " declares port '" + declared.name() + "' as "
                        + declared.direction() + " " + declared.type() + ", but module " + source.verilogModule() + " of " + source.verilogFiles()
                        + " with parameters " + at.parameters() + " " + problem));
            }
        }
        if (m.ports().size() != box.ports().size()) {
            List<String> extra = m.ports().stream().map(Port::name).filter(p -> box.port(p).isEmpty()).toList();
            if (!extra.isEmpty()) {
                problems.add(problem(at.location(), box.name(), "module " + source.verilogModule() + " has ports " + extra
                        + " that blackbox " + box.name() + " does not declare"));
            }
        }
        return new ModuleDef(name, m.ports(), m.clockDomains(), m.wires(), m.assigns(), m.registers(), m.memories(), m.instances(),
                java.util.Optional.empty(), m.location());
    }

    private static Diagnostic problem(SourceLocation at, String module, String message) {
        return Diagnostic.error(at, module, "", message);
    }
}
