package dev.nvmekit.testbench.cli;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The options that choose a design: its name or class, and generator parameters. */
final class DesignOptions {
    @Option(names = {"-d", "--design"}, defaultValue = "nvme_frontend",
            description = "design to build: a named design (default ${DEFAULT-VALUE}) or a Component class name")
    String design;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "generator parameter, e.g. ioQueues=4 (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();
}
