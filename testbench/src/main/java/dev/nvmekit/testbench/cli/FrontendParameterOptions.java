package dev.nvmekit.testbench.cli;

import dev.nvmekit.nvme.FrontendParameters;

import java.util.List;
import java.util.Map;

/** Reads {@code --param name=value} options into the NVMe front end's generator parameters. */
final class FrontendParameterOptions {
    static final List<String> NAMES = List.of("ioQueues", "maxQueueEntries", "dmaDataBits", "axiIdBits",
            "doorbellStride", "fetchBurst", "msixVectors", "ticksPer100us");

    private FrontendParameterOptions() {
    }

    /** The defaults of contract §2 overridden by {@code params}; an unknown name or bad number is a usage error. */
    static FrontendParameters parse(Map<String, String> params) {
        FrontendParameters p = FrontendParameters.DEFAULT;
        for (Map.Entry<String, String> e : params.entrySet()) {
            int v;
            try {
                v = Integer.parseInt(e.getValue().trim());
            } catch (NumberFormatException ex) {
                throw new Main.UsageError("parameter " + e.getKey() + "=" + e.getValue() + " is not a whole number");
            }
            p = switch (e.getKey()) {
                case "ioQueues" -> p.withIoQueues(v);
                case "maxQueueEntries" -> p.withMaxQueueEntries(v);
                case "dmaDataBits" -> p.withDmaDataBits(v);
                case "axiIdBits" -> p.withAxiIdBits(v);
                case "doorbellStride" -> p.withDoorbellStride(v);
                case "fetchBurst" -> p.withFetchBurst(v);
                case "msixVectors" -> p.withMsixVectors(v);
                case "ticksPer100us" -> p.withTicksPer100us(v);
                default -> throw new Main.UsageError("unknown parameter '" + e.getKey() + "' of nvme_frontend; known: " + NAMES);
            };
        }
        List<String> problems = p.problems();
        if (!problems.isEmpty()) throw new Main.UsageError(String.join("; ", problems));
        return p;
    }
}
