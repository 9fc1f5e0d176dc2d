package dev.nvmekit.verilator;

import java.nio.file.Path;

/** A second JVM for the concurrent build test: builds the counter model and prints how many Verilator runs it made. */
final class CacheBuildChild {
    private CacheBuildChild() {
    }

    public static void main(String[] args) {
        ModelCache cache = new ModelCache(Path.of(args[0]), Path.of(args[1]));
        VerilatorInstallation tools = VerilatorInstallation.locate();
        cache.library(ModelSource.of(TestDesigns.counter()), tools);
        System.out.println("verilator-runs=" + cache.verilatorRuns());
    }
}
