package dev.nvmekit.sim;

import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.sim.compiled.EmbeddedBackend;
import dev.nvmekit.sim.designs.RandomDesign;
import dev.nvmekit.sim.interp.InterpreterBackend;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;

/** On random designs the compiled backend agrees with the interpreter on every signal (internal ones too), every cycle. */
class BackendAgreementProperties {
    @Property(tries = 60)
    void compiledAgreesWithInterpreter(@ForAll long seed, @ForAll @IntRange(min = 4, max = 40) int ops) {
        var design = Elaborator.elaborate(new RandomDesign(seed, ops, 2)).design();
        String mismatch = Lockstep.run(design, List.of(new InterpreterBackend(), new EmbeddedBackend()),
                SimulationOptions.defaults().withRandomInit(seed), seed, 80);
        assertNull(mismatch, "seed " + seed + ", ops " + ops + ": " + mismatch);
    }
}
