package dev.nvmekit.verilator;

import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.sim.SimulationException;
import dev.nvmekit.sim.SimulationOptions;
import dev.nvmekit.sim.Simulator;
import dev.nvmekit.sim.SimulatorBackend;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Simulates designs with Verilator: the design's Verilog is compiled by Verilator and a C++
 * compiler into a shared library (once; later runs load it from the {@link ModelCache}), and
 * the {@link Simulator} API drives it through {@code java.lang.foreign}. Test code is the same
 * as on the embedded simulator.
 *
 * <p>Needs Verilator 5 and g++ on the machine (Debian: {@code apt-get install -y verilator});
 * without them {@link #available()} is false and {@link #open} says how to install them. The
 * JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 *
 * <p>Waveforms: {@link SimulationOptions#vcd()} writes a VCD with the design's hierarchy and
 * names, as the embedded backend does; a file name ending in {@code .fst} writes GTKWave's FST
 * instead (a model built with Verilator's {@code --trace-fst}, cached apart from the VCD one;
 * its scopes keep Verilator's outer {@code TOP} scope).
 */
public final class VerilatorBackend implements SimulatorBackend {
    private final ModelCache cache;
    private VerilatorInstallation tools;
    private String unavailable;

    /** A backend with the model cache in the user's cache directory. */
    public VerilatorBackend() {
        this(ModelCache.atDefaultLocation());
    }

    /** A backend with its own model cache (tests, tools that manage the cache). */
    public VerilatorBackend(ModelCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public String name() {
        return "verilator";
    }

    @Override
    public synchronized boolean available() {
        if (tools == null && unavailable == null) {
            try {
                VerilatorInstallation found = VerilatorInstallation.locate();
                if (found.majorVersion() < 5) {
                    unavailable = "Verilator " + found.version() + " is too old: version 5 or later is needed (`apt-get install -y verilator` on Debian 12 or later)";
                } else {
                    tools = found;
                }
            } catch (SimulationException e) {
                unavailable = e.getMessage();
            }
        }
        return tools != null;
    }

    @Override
    public String unavailableReason() {
        return available() ? "" : unavailable;
    }

    /** The model cache this backend builds into and loads from. */
    public ModelCache cache() {
        return cache;
    }

    /** The Verilator installation in use. */
    public VerilatorInstallation installation() {
        requireAvailable();
        return tools;
    }

    @Override
    public Simulator open(Design design, SimulationOptions options) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(options, "options");
        requireAvailable();
        return open(design, ModelSource.of(design), options);
    }

    /**
     * Simulates {@code design} from Verilog written by other means than the emitter; the
     * Verilog must use the design's module, port and signal names.
     */
    Simulator open(Design design, ModelSource source, SimulationOptions options) {
        requireAvailable();
        Path library = cache.library(source, tools, TraceFormat.of(options.vcd()));
        return new VerilatorSimulator(design, library, options);
    }

    private void requireAvailable() {
        if (!available()) throw new SimulationException(unavailable);
    }
}
