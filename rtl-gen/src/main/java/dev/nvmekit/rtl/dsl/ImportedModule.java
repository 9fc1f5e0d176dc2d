package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component whose body is a ready-made IR module instead of Java code: a netlist imported
 * from Verilog ({@code dev.nvmekit.rtl.interop.VerilogImporter}), simulatable on the embedded
 * backend, or the same module's ports with its Verilog sources as a blackbox (for Verilator and
 * synthesis). Its ports are the module's; read them with {@link #port}. When the module has one
 * clock domain, its clock and reset ports are the component's implicit domain, connected to
 * the parent's current domain like any DSL child (a reset of the other polarity is inverted).
 * Subclasses group ports into streams and bundles with {@link #streamPort} and {@link #bundlePort}.
 */
public class ImportedModule extends Component {
    private final ModuleDef definition;
    private final Map<String, String> verilogParameters;
    private final Map<String, Signal> portSignals = new LinkedHashMap<>();

    /** A component with {@code definition}'s ports and body. */
    public ImportedModule(ModuleDef definition) {
        this(definition, Map.of());
    }

    /**
     * A component for {@code definition}; {@code verilogParameters} are written on the instance
     * when the definition is a blackbox (an imported netlist is already specialised).
     */
    public ImportedModule(ModuleDef definition, Map<String, String> verilogParameters) {
        super(definition.name());
        this.definition = definition;
        this.verilogParameters = definition.isBlackBox() ? new LinkedHashMap<>(verilogParameters) : Map.of();
        ClockDomain only = definition.clockDomains().size() == 1 ? definition.clockDomains().getFirst() : null;
        Signal clock = null;
        Signal reset = null;
        for (Port p : definition.ports()) {
            Signal s = declare(p.direction() == Direction.IN ? Signal.Kind.INPUT : Signal.Kind.OUTPUT, p.name(), p.type(), location());
            ports().add(s);
            portSignals.put(p.name(), s);
            if (only != null && p.name().equals(only.clock())) clock = s;
            if (only != null && only.reset().equals(Optional.of(p.name()))) reset = s;
        }
        if (clock != null) adoptMainDomain(new Domain(only.name(), clock, reset, only.kind()));
    }

    /** The port called {@code name}; an unknown name is an error at the caller's line listing the ports. */
    public final Signal port(String name) {
        Signal s = portSignals.get(name);
        if (s == null) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), moduleBaseName(), name,
                    "module '" + moduleBaseName() + "' has no port '" + name + "'; its ports are " + portSignals.keySet())));
        }
        return s;
    }

    /** Whether the module has a port called {@code name}. */
    public final boolean hasPort(String name) {
        return portSignals.containsKey(name);
    }

    /** The module this component stands for. */
    public final ModuleDef definition() {
        return definition;
    }

    /**
     * The existing ports {@code <prefix>_valid}, {@code <prefix>_ready} and
     * {@code <prefix>_<field>} as a {@link Stream} with {@code payload}: a stream the module
     * consumes when valid is an input, one it produces when valid is an output. Widths,
     * signedness and directions must match the ports.
     */
    protected final Stream<Bundle> streamPort(String prefix, BundleSpec payload) {
        String problem = Stream.payloadProblem(payload);
        if (problem != null) throw error(prefix, "stream '" + prefix + "': " + problem);
        return new Stream<>(bundlePort(prefix, Stream.handshake(payload)), PayloadType.bundle(payload));
    }

    /**
     * The existing ports {@code <prefix>_<field>} as a {@link Bundle} of {@code spec}: forward
     * fields all inputs (flipped ones outputs), or the reverse.
     */
    protected final Bundle bundlePort(String prefix, BundleSpec spec) {
        Map<String, Signal> fields = new LinkedHashMap<>();
        Boolean forwardIn = null;
        for (BundleSpec.Field f : spec.fields()) {
            String name = prefix.isEmpty() ? f.name() : prefix + "_" + f.name();
            Signal s = portSignals.get(name);
            if (s == null) throw error(name, "bundle '" + prefix + "' needs port '" + name + "', which module '" + moduleBaseName() + "' lacks");
            if (!s.type().equals(new SignalType(f.width(), f.signed()))) {
                throw error(name, "port '" + name + "' is " + s.type() + " but bundle field '" + f.name() + "' is "
                        + new SignalType(f.width(), f.signed()));
            }
            boolean in = (s.kind() == Signal.Kind.INPUT) != f.flipped();
            if (forwardIn == null) forwardIn = in;
            if (forwardIn != in) throw error(name, "port '" + name + "' flows the wrong way for bundle '" + prefix + "' " + spec.describe());
            fields.put(f.name(), s);
        }
        return new Bundle(this, prefix, spec, fields);
    }

    final Map<String, String> verilogParameters() {
        return verilogParameters;
    }

    private DesignException error(String signal, String message) {
        SourceLocation at = SourceCapture.caller();
        return new DesignException(List.of(Diagnostic.error(at, moduleBaseName(), signal, message)));
    }
}
