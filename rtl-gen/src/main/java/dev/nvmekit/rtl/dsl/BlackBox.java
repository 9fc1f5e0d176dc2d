package dev.nvmekit.rtl.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An external Verilog module (vendor IP, a SpinalHDL or hand-written block) used by name: declare
 * its ports in the constructor, name its source files with {@link #source}, and give Verilog
 * parameters with {@link #verilogParameter}. Its body is not described in Java; the Verilator
 * backend compiles the sources, and the emitter instantiates it by {@link #verilogModule()}.
 */
public abstract class BlackBox extends Component {
    private final String verilogModule;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, String> verilogParameters = new LinkedHashMap<>();

    /** A blackbox for the Verilog module {@code verilogModule}. */
    protected BlackBox(String verilogModule) {
        super(verilogModule);
        this.verilogModule = verilogModule;
    }

    /** Adds a Verilog source file that defines the module (for simulators and synthesis). */
    protected final void source(String verilogFile) {
        sources.add(verilogFile);
    }

    /** Sets a Verilog parameter of the instance ({@code #(.name(value))}); value is Verilog text. */
    protected final void verilogParameter(String name, String value) {
        verilogParameters.put(name, value);
    }

    /** The Verilog module's name. */
    public final String verilogModule() {
        return verilogModule;
    }

    final List<String> sources() {
        return sources;
    }

    final Map<String, String> verilogParameters() {
        return verilogParameters;
    }
}
