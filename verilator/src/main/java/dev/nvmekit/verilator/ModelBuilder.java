package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Turns Verilog into a shared library: Verilator to C++, the C ABI wrapper beside it, the C++
 * compiler (one process per core), and a link that exports only the wrapper's {@code nk_*}
 * functions. The Verilator runtime ({@code verilated.cpp} and friends) is compiled separately,
 * once per Verilator installation, because it is most of the compile time.
 */
final class ModelBuilder {
    /** File name of a model's shared library inside its cache entry. */
    static final String LIBRARY = "libnvmekit_model.so";

    /** How Verilator is run for a VCD-writing model; part of the cache key (see {@link #verilatorFlags}). */
    static final List<String> VERILATOR_FLAGS = List.of(
            "--cc", "--prefix", "Vmodel",
            "--public-flat-rw",   // every signal keeps its name and is reachable through the scope tables
            "--trace",            // replaced by the trace format's own flag

            "--x-assign", "0", "--x-initial", "unique",   // two-state; initial state from randReset at run time
            "--no-timing",        // delays in blackbox sources are ignored, as in synthesis
            "-Wno-fatal", "-Wno-lint", "-Wno-style");

    /** How the C++ is compiled, besides the trace format's defines; part of the cache keys. */
    static final List<String> CXX_FLAGS = List.of(
            "-std=gnu++17", "-fPIC", "-O2",
            "-fno-gnu-unique",    // lets dlclose unload a model, so a rebuilt file is really reloaded
            "-faligned-new", "-w",
            "-DVM_COVERAGE=0", "-DVM_SC=0", "-DVM_TRACE=1",
            "-DVL_USER_FATAL", "-DVL_USER_FINISH");   // the wrapper reports $fatal instead of aborting the JVM

    /** Runtime sources of the Verilator include directory that every model links, besides its trace writer's. */
    static final List<String> RUNTIME_SOURCES = List.of("verilated", "verilated_dpi", "verilated_threads");

    static final String WRAPPER_RESOURCE = "nvmekit_model.cpp";

    private final VerilatorInstallation tools;
    private final TraceFormat format;
    private final int jobs;
    private final AtomicInteger verilatorRuns;
    private final AtomicInteger compilerRuns;

    ModelBuilder(VerilatorInstallation tools, TraceFormat format, AtomicInteger verilatorRuns, AtomicInteger compilerRuns) {
        this.tools = tools;
        this.format = format;
        this.jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.verilatorRuns = verilatorRuns;
        this.compilerRuns = compilerRuns;
    }

    /** Verilator's flags for a model that writes {@code format}. */
    static List<String> verilatorFlags(TraceFormat format) {
        return VERILATOR_FLAGS.stream().map(f -> f.equals("--trace") ? format.verilatorFlag : f).toList();
    }

    /** The C++ compiler's flags for a model (and runtime) that writes {@code format}. */
    static List<String> cxxFlags(TraceFormat format) {
        List<String> flags = new ArrayList<>(CXX_FLAGS);
        flags.addAll(format.defines);
        return List.copyOf(flags);
    }

    /** The runtime sources a model that writes {@code format} links. */
    static List<String> runtimeSources(TraceFormat format) {
        List<String> sources = new ArrayList<>(RUNTIME_SOURCES);
        sources.add(format.runtimeSource);
        return List.copyOf(sources);
    }

    /** The C ABI wrapper's source text, shipped as a resource. */
    static String wrapperSource() {
        try (InputStream in = ModelBuilder.class.getResourceAsStream(WRAPPER_RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + WRAPPER_RESOURCE + " is missing from the verilator module");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + WRAPPER_RESOURCE, e);
        }
    }

    /** Compiles the Verilator runtime into object files in {@code out}. */
    void buildRuntime(Path out) {
        List<List<String>> compiles = new ArrayList<>();
        for (String name : runtimeSources(format)) {
            compiles.add(compileCommand(tools.includeDir().resolve(name + ".cpp"), out.resolve(name + ".o"), List.of()));
        }
        compileAll(compiles, out, "compiling the Verilator runtime");
    }

    /** Verilates {@code source} and links it with the wrapper and {@code runtime}'s objects into {@code out/LIBRARY}. */
    void buildModel(ModelSource source, Path runtime, Path scratch, Path out) throws IOException {
        Path top = scratch.resolve(source.top() + ".v");
        Files.writeString(top, source.verilog());
        Path obj = scratch.resolve("obj");
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.verilator().toString());
        cmd.addAll(verilatorFlags(format));
        cmd.addAll(List.of("-Mdir", obj.toString(), "--top-module", source.top(), top.toString()));
        source.blackBoxFiles().forEach(f -> cmd.add(f.toString()));
        verilatorRuns.incrementAndGet();
        ToolRun.run(cmd, scratch).requireSuccess("Verilator (verilating design " + source.top() + ")", ToolRun::verilatorError);

        Files.writeString(obj.resolve(WRAPPER_RESOURCE), wrapperSource());
        List<List<String>> compiles = new ArrayList<>();
        List<Path> objects = new ArrayList<>();
        List<Path> units = unityFiles(obj);
        for (int i = 0; i < units.size(); i++) {
            Path o = scratch.resolve("unit" + i + ".o");
            objects.add(o);
            compiles.add(compileCommand(units.get(i), o, List.of("-I" + obj)));
        }
        compileAll(compiles, scratch, "compiling the Verilator model of " + source.top());

        Path exports = scratch.resolve("exports.map");
        Files.writeString(exports, "{ global: nk_*; local: *; };\n");
        List<String> link = new ArrayList<>(List.of(tools.compiler().toString(), "-shared", "-o", out.resolve(LIBRARY).toString()));
        objects.forEach(o -> link.add(o.toString()));
        for (String name : runtimeSources(format)) link.add(runtime.resolve(name + ".o").toString());
        link.addAll(List.of("-Wl,--version-script=" + exports, "-pthread"));
        link.addAll(format.linkLibraries);
        compilerRuns.incrementAndGet();
        ToolRun.run(link, scratch).requireSuccess("linking the Verilator model of " + source.top(), ToolRun::compilerError);
    }

    /**
     * Groups Verilator's C++ files and the wrapper into one translation unit per core (as
     * Verilator's own {@code __ALL.cpp}), balanced by size: the headers are parsed once per
     * unit instead of once per file.
     */
    private List<Path> unityFiles(Path obj) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(obj)) {
            sources = s.filter(p -> p.getFileName().toString().endsWith(".cpp"))
                    .sorted(Comparator.comparingLong(ModelBuilder::size).reversed().thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        int n = Math.min(jobs, sources.size());
        List<StringBuilder> texts = new ArrayList<>();
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) texts.add(new StringBuilder());
        for (Path src : sources) {
            int smallest = 0;
            for (int i = 1; i < n; i++) if (sizes[i] < sizes[smallest]) smallest = i;
            sizes[smallest] += size(src);
            texts.get(smallest).append("#include \"").append(src.getFileName()).append("\"\n");
        }
        List<Path> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path u = obj.resolve("nvmekit_unit" + i + ".cpp");
            Files.writeString(u, texts.get(i));
            units.add(u);
        }
        return units;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private List<String> compileCommand(Path source, Path object, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.compiler().toString());
        cmd.addAll(cxxFlags(format));
        cmd.add("-I" + tools.includeDir());
        cmd.add("-I" + tools.includeDir().resolve("vltstd"));
        cmd.addAll(extra);
        cmd.addAll(List.of("-c", source.toString(), "-o", object.toString()));
        return cmd;
    }

    /** Runs the compiles, as many at once as there are cores, and fails with the first error. */
    private void compileAll(List<List<String>> commands, Path dir, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, commands.size()));
        try {
            List<Future<ToolRun>> runs = new ArrayList<>();
            for (List<String> c : commands) {
                compilerRuns.incrementAndGet();
                runs.add(pool.submit(() -> ToolRun.run(c, dir)));
            }
            for (Future<ToolRun> f : runs) f.get().requireSuccess(what, ToolRun::compilerError);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new SimulationException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted while " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
