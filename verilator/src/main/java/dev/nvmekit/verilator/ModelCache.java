package dev.nvmekit.verilator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiled Verilator models on disk, keyed by a content hash of everything that goes into one:
 * the Verilog (and blackbox sources), the Verilator version, the flags and the C ABI wrapper.
 * Loading a cached model runs neither Verilator nor the compiler; {@link #verilatorRuns()}
 * counts the runs this cache did make.
 *
 * <p>Layout: {@code <models>/<hash>/libnvmekit_model.so} and {@code <runtime>/<hash>/*.o} (the
 * Verilator runtime, compiled once per installation). Both directories may be shared by many
 * JVMs; see {@link CacheDirectory} for how concurrent builds and damaged entries are handled.
 */
public final class ModelCache {
    /** System property naming the cache directory. */
    public static final String DIR_PROPERTY = "nvmekit.verilator.cache";
    /** Environment variable naming the cache directory (the system property wins). */
    public static final String DIR_ENV = "NVMEKIT_VERILATOR_CACHE";

    private static final System.Logger LOG = System.getLogger("dev.nvmekit.verilator");
    /** Bump to invalidate every entry when the key's meaning or the build recipe changes. */
    private static final String RECIPE = "nvmekit-verilator-cache 1";

    private final CacheDirectory models;
    private final CacheDirectory runtime;
    private final AtomicInteger verilatorRuns = new AtomicInteger();
    private final AtomicInteger compilerRuns = new AtomicInteger();

    /** A cache whose models and runtime objects both live under {@code root}. */
    public ModelCache(Path root) {
        this(root.resolve("models"), root.resolve("runtime"));
    }

    /** A cache with models in one directory and the Verilator runtime objects in another. */
    public ModelCache(Path modelsRoot, Path runtimeRoot) {
        this.models = new CacheDirectory(modelsRoot);
        this.runtime = new CacheDirectory(runtimeRoot);
    }

    /** The cache in the user's default directory (see {@link #defaultRoot}). */
    public static ModelCache atDefaultLocation() {
        return new ModelCache(defaultRoot(System.getenv(), System.getProperty(DIR_PROPERTY)));
    }

    /**
     * {@code -Dnvmekit.verilator.cache}, else {@code $NVMEKIT_VERILATOR_CACHE}, else
     * {@code $XDG_CACHE_HOME/nvmekit/verilator}, else {@code ~/.cache/nvmekit/verilator}.
     */
    public static Path defaultRoot(Map<String, String> env, String property) {
        if (property != null && !property.isBlank()) return Path.of(property);
        String dir = env.get(DIR_ENV);
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "nvmekit", "verilator");
        return Path.of(System.getProperty("user.home"), ".cache", "nvmekit", "verilator");
    }

    /** Directory of the model entries. */
    public Path modelsRoot() {
        return models.root();
    }

    /** How many times this cache has run Verilator (0 when every model came from disk). */
    public int verilatorRuns() {
        return verilatorRuns.get();
    }

    /** How many compiler and linker processes this cache has started. */
    public int compilerRuns() {
        return compilerRuns.get();
    }

    /** The content hash naming the entry of {@code source}'s VCD-writing model. */
    public String key(ModelSource source, VerilatorInstallation tools) {
        return key(source, tools, TraceFormat.VCD);
    }

    /** The content hash naming the entry of {@code source}'s model that writes {@code format}. */
    String key(ModelSource source, VerilatorInstallation tools, TraceFormat format) {
        MessageDigest md = CacheDirectory.sha256();
        update(md, RECIPE, ModelBuilder.wrapperSource(), toolsKey(tools, format), String.join(" ", ModelBuilder.verilatorFlags(format)),
                source.top(), source.verilog());
        for (Path f : source.blackBoxFiles()) {
            try {
                update(md, f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                update(md, f.toString(), "unreadable: " + e.getMessage());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The shared library of {@code source}'s VCD-writing model, built (once, by one JVM) if not cached. */
    public Path library(ModelSource source, VerilatorInstallation tools) {
        return library(source, tools, TraceFormat.VCD);
    }

    /** The shared library of {@code source}'s model that writes {@code format}, built if not cached. */
    Path library(ModelSource source, VerilatorInstallation tools, TraceFormat format) {
        String key = key(source, tools, format);
        Path entry = models.obtain(key, (scratch, out) -> {
            LOG.log(Level.INFO, "verilator: building model of {0} ({1}, {2}) in {3}", source.top(), format, key.substring(0, 12), models.root());
            long t0 = System.nanoTime();
            ModelBuilder builder = new ModelBuilder(tools, format, verilatorRuns, compilerRuns);
            builder.buildModel(source, runtimeObjects(tools, format, builder), scratch, out);
            LOG.log(Level.INFO, "verilator: built model of {0} in {1} ms", source.top(), (System.nanoTime() - t0) / 1_000_000);
        });
        return entry.resolve(ModelBuilder.LIBRARY);
    }

    private Path runtimeObjects(VerilatorInstallation tools, TraceFormat format, ModelBuilder builder) {
        MessageDigest md = CacheDirectory.sha256();
        update(md, RECIPE, "runtime", toolsKey(tools, format));
        String key = HexFormat.of().formatHex(md.digest());
        return runtime.obtain(key, (scratch, out) -> {
            LOG.log(Level.INFO, "verilator: compiling the Verilator {0} runtime once into {1}", tools.version(), runtime.root());
            builder.buildRuntime(out);
        });
    }

    private static String toolsKey(VerilatorInstallation tools, TraceFormat format) {
        return String.join("\n", tools.version(), tools.includeDir().toString(), tools.compiler().toString(),
                String.join(" ", ModelBuilder.cxxFlags(format)), String.join(" ", ModelBuilder.runtimeSources(format)),
                String.join(" ", format.linkLibraries));
    }

    private static void update(MessageDigest md, String... parts) {
        for (String p : parts) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            // Length-prefixed, so that moving text between fields changes the hash.
            md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) ':');
            md.update(b);
        }
    }
}
