package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regression: random design 2819 writes a memory only at a constant address; Yosys turns it into
 * registers and, without initial contents, reported the never-written words as undriven.
 */
class ConstantAddressMemoryTest {
    @Test
    void memoryWrittenAtOneConstantAddressPassesAllTools() throws Exception {
        Design d = Elaborator.elaborate(RandomDesigns.design(2819)).design();
        Path dir = Files.createTempDirectory("nvmekit-2819");
        EmittedVerilogProperties.assertAccepted(EmittedVerilogProperties.lintConcurrently(d, dir), "random design 2819");
    }
}
