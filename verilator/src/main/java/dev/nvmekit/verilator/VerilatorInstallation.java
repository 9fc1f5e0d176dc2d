package dev.nvmekit.verilator;

import dev.nvmekit.sim.SimulationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Verilator and the C++ compiler live on this machine, and Verilator's version.
 *
 * <p>Everything is found without running either tool (the version comes from
 * {@code verilated_config.h}), so that loading a cached model starts no process at all.
 *
 * @param verilator  the {@code verilator} script
 * @param includeDir Verilator's runtime sources and headers ({@code $VERILATOR_ROOT/include})
 * @param version    Verilator's version string, e.g. {@code "5.006 2023-01-22"}
 * @param compiler   the C++ compiler ({@code $CXX} or {@code g++})
 */
public record VerilatorInstallation(Path verilator, Path includeDir, String version, Path compiler) {
    /** What to tell a user whose machine has no Verilator. */
    public static final String INSTALL_HINT = "Verilator is not installed: install it with `apt-get install -y verilator` "
            + "(Debian/Ubuntu; Verilator 5.x), or put `verilator` on the PATH and set VERILATOR_ROOT";

    private static final Pattern VERSION = Pattern.compile("#define\\s+VERILATOR_VERSION\\s+\"([^\"]+)\"");

    /**
     * Finds Verilator and a C++ compiler from the environment ({@code PATH}, {@code VERILATOR_ROOT},
     * {@code CXX}).
     *
     * @throws SimulationException with installation advice when something is missing
     */
    public static VerilatorInstallation locate(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        Path verilator = onPath(path, "verilator").orElseThrow(() -> new SimulationException(INSTALL_HINT));
        Path include = includeDir(env, verilator).orElseThrow(() -> new SimulationException(
                "Verilator's runtime headers (verilated.h) were not found next to " + verilator
                        + ": set VERILATOR_ROOT to Verilator's root directory, or reinstall with `apt-get install -y verilator`"));
        String version = version(include.resolve("verilated_config.h"));
        String cxx = env.getOrDefault("CXX", "g++");
        Path compiler = (cxx.contains("/") ? Optional.of(Path.of(cxx)).filter(Files::isExecutable) : onPath(path, cxx))
                .orElseThrow(() -> new SimulationException("the C++ compiler `" + cxx
                        + "` that Verilator models are built with was not found: install it with `apt-get install -y g++`"));
        return new VerilatorInstallation(verilator, include, version, compiler);
    }

    /** Finds Verilator from this process's environment. */
    public static VerilatorInstallation locate() {
        return locate(System.getenv());
    }

    private static Optional<Path> onPath(String path, String name) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static Optional<Path> includeDir(Map<String, String> env, Path verilator) {
        String root = env.get("VERILATOR_ROOT");
        if (root != null && !root.isEmpty()) {
            Path p = Path.of(root, "include");
            return Files.isRegularFile(p.resolve("verilated.h")) ? Optional.of(p) : Optional.empty();
        }
        // A distribution install keeps the runtime in <prefix>/share/verilator beside <prefix>/bin.
        Path bin = verilator.toAbsolutePath().getParent();
        for (Path p : new Path[] {bin.resolveSibling("share/verilator/include"), bin.resolveSibling("include")}) {
            if (Files.isRegularFile(p.resolve("verilated.h"))) return Optional.of(p.normalize());
        }
        return Optional.empty();
    }

    private static String version(Path configHeader) {
        try {
            Matcher m = VERSION.matcher(Files.readString(configHeader));
            if (m.find()) return m.group(1);
        } catch (IOException e) {
            throw new SimulationException("cannot read Verilator's version from " + configHeader + ": " + e.getMessage(), e);
        }
        throw new SimulationException("no VERILATOR_VERSION in " + configHeader + ": is this a Verilator installation?");
    }

    /** The major version, e.g. 5 for "5.006 2023-01-22". */
    public int majorVersion() {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
