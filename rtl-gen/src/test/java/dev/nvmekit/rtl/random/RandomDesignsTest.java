package dev.nvmekit.rtl.random;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.Elaboration;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.verilog.VerilogEmitter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator itself: every seed gives a well-formed design, the same one each time. */
class RandomDesignsTest {

    @Test
    void everySeedElaboratesWithoutErrorsAndEmits() {
        int withMemory = 0, withChildren = 0, wide = 0;
        for (long seed = 0; seed < 150; seed++) {
            Elaboration e;
            try {
                e = Elaborator.elaborate(RandomDesigns.design(seed));
            } catch (DesignException ex) {
                throw new AssertionError("seed " + seed + " is not well-formed:\n" + ex.getMessage(), ex);
            }
            Design d = e.design();
            assertTrue(VerilogEmitter.emit(d).contains("module random_top ("), "seed " + seed);
            if (d.modules().stream().anyMatch(m -> !m.memories().isEmpty())) withMemory++;
            if (d.modules().size() > 1) withChildren++;
            if (d.modules().stream().flatMap(m -> m.ports().stream()).anyMatch(p -> p.type().width() > 64)) wide++;
        }
        assertTrue(withMemory > 50 && withChildren > 120 && wide > 50,
                "coverage: memories " + withMemory + ", hierarchy " + withChildren + ", ports over 64 bits " + wide);
    }

    @Test
    void theSameSeedGivesTheSameDesign() {
        for (long seed : new long[] {1, 42, -7, Long.MAX_VALUE}) {
            assertEquals(Elaborator.elaborate(RandomDesigns.design(seed)).design(), Elaborator.elaborate(RandomDesigns.design(seed)).design());
        }
    }

    @Test
    void childrenWithDifferentSeedsGetDistinctModulesAndIdenticalOnesShareOne() {
        boolean sawShared = false, sawDistinct = false;
        for (long seed = 0; seed < 100 && !(sawShared && sawDistinct); seed++) {
            Design d = Elaborator.elaborate(RandomDesigns.design(seed)).design();
            ModuleDef top = d.topModule();
            long instances = top.instances().size();
            long modules = top.instances().stream().map(i -> i.module()).distinct().count();
            if (instances == 2 && modules == 1) sawShared = true;
            if (instances == 2 && modules == 2) {
                sawDistinct = true;
                assertTrue(top.instances().stream().allMatch(i -> i.module().startsWith("random_child_seed")), top.instances().toString());
            }
        }
        assertTrue(sawShared && sawDistinct, "shared " + sawShared + ", distinct " + sawDistinct);
    }
}
