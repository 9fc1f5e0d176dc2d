package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.BundleSpec.Field;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.verilog.VerilogLint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Every library block, in several parameterisations, passes Verilator -Wall, Icarus and Yosys. */
class LibraryLintTest {
    private static final BundleSpec WORD = BundleSpec.word("data", 8);
    private static final BundleSpec PACKET = BundleSpec.of(Field.of("data", 32), Field.signed("offset", 5), Field.of("last", 1));

    @TempDir
    Path dir;

    static Stream<Arguments> blocks() {
        return Stream.of(
                block("fifo depth 1", () -> new StreamFifo<>(PayloadType.bundle(WORD), 1)),
                block("fifo depth 5", () -> new StreamFifo<>(PayloadType.bundle(PACKET), 5)),
                block("fifo depth 16", () -> new StreamFifo<>(PayloadType.bundle(WORD), 16)),
                block("fifo depth 256", () -> new StreamFifo<>(PayloadType.bundle(PACKET), 256)),
                block("fifo of tokens", () -> new StreamFifo<>(PayloadType.bundle(BundleSpec.empty()), 4)),
                block("skid buffer", () -> new SkidBuffer<>(PayloadType.bundle(PACKET))),
                block("skid buffer of tokens", () -> new SkidBuffer<>(PayloadType.bundle(BundleSpec.empty()))),
                block("round-robin arbiter 1", () -> new RoundRobinArbiter(1)),
                block("round-robin arbiter 5", () -> new RoundRobinArbiter(5)),
                block("stream arbiter 3", () -> new StreamArbiter<>(PayloadType.bundle(WORD), 3)),
                block("stream arbiter 4 locked", () -> new StreamArbiter<>(PayloadType.bundle(PACKET), 4, "last")),
                block("stream arbiter 1", () -> new StreamArbiter<>(PayloadType.bundle(WORD), 1)),
                block("async fork", () -> new StreamFork<>(PayloadType.bundle(PACKET), 3)),
                block("sync fork", () -> new StreamFork<>(PayloadType.bundle(WORD), 2, true)),
                block("join", () -> new StreamJoin(List.of(WORD, BundleSpec.word("tag", 4), BundleSpec.empty()))),
                block("mux 3", () -> new StreamMux<>(PayloadType.bundle(PACKET), 3)),
                block("mux 4", () -> new StreamMux<>(PayloadType.bundle(WORD), 4)),
                block("demux 3", () -> new StreamDemux<>(PayloadType.bundle(WORD), 3)),
                block("demux 1", () -> new StreamDemux<>(PayloadType.bundle(WORD), 1)),
                block("pipeline of blocks", () -> new StreamPipeline(WORD, 4)),
                block("vector register file", VectorRegisterFile::new));
    }

    private static Arguments block(String name, Supplier<Component> top) {
        return Arguments.of(name, top);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void toolsAcceptTheVerilog(String name, Supplier<Component> top) {
        Design d = Elaborator.elaborate(top.get()).design();
        ToolVerdicts.assertAllPassed(VerilogLint.all(d, dir), name);
    }
}
