package dev.nvmekit.verilator;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The waveform format a Verilator model is built to write. Verilator compiles the tracing code
 * into the model, so a model writes either VCD ({@code --trace}) or FST ({@code --trace-fst}),
 * never both: the format is part of the model's cache key, and a design traced in both formats
 * is built twice.
 */
enum TraceFormat {
    /** Value change dump, text; the default, and what every other nvmekit backend writes. */
    VCD("--trace", List.of("-DVM_TRACE_FST=0", "-DVM_TRACE_VCD=1"), "verilated_vcd_c", List.of()),
    /** GTKWave's compressed Fast Signal Trace; Verilator's FST writer needs zlib. */
    FST("--trace-fst", List.of("-DVM_TRACE_FST=1", "-DVM_TRACE_VCD=0"), "verilated_fst_c", List.of("-lz"));

    final String verilatorFlag;
    final List<String> defines;
    final String runtimeSource;
    final List<String> linkLibraries;

    TraceFormat(String verilatorFlag, List<String> defines, String runtimeSource, List<String> linkLibraries) {
        this.verilatorFlag = verilatorFlag;
        this.defines = defines;
        this.runtimeSource = runtimeSource;
        this.linkLibraries = linkLibraries;
    }

    /** FST when the waveform file's name ends in {@code .fst} (any case), else VCD. */
    static TraceFormat of(Optional<Path> waveform) {
        return waveform.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fst") ? FST : VCD).orElse(VCD);
    }
}
