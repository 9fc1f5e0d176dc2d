package dev.nvmekit.testbench.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The randomised soak ({@link Soak}), not part of the default run: it runs only with
 * {@code -Dsoak.commands=N} (e.g. {@code mvn -o -pl testbench -am test -Dtest=SoakTest
 * -Dsoak.commands=1000000 -Dsurefire.failIfNoSpecifiedTests=false}), optionally {@code -Dsoak.seed}
 * and {@code -Dsoak.faultEvery}. A quick seeded smoke run of the same code is always on.
 */
class SoakTest {

    @Test
    void soak() {
        long commands = Long.getLong("soak.commands", 0);
        assumeTrue(commands > 0, "soak skipped: run with -Dsoak.commands=N (e.g. 1000000)");
        Soak.Result r = Soak.run(commands, Long.getLong("soak.seed", 1), Integer.getInteger("soak.faultEvery", 2000));
        System.out.println(r);
        assertEquals(commands, r.commands());
        assertTrue(r.clean(), r + "\n" + r.violations());
    }

    @Test
    void lostCompletionsOnTheLinkAndCqeWriteErrorsEachEndInAResetAndLoseNothing() {
        Soak.Result r = Soak.run(600, 5, 150, List.of(Soak.Fault.FETCH_LOST_ON_LINK, Soak.Fault.CQE_SLVERR));
        System.out.println(r);
        assertEquals(600, r.commands());
        assertEquals(4, r.faults());
        assertTrue(r.recoveries() >= 3, "each fault ends in a controller reset (two may share one): " + r);
        assertTrue(r.clean(), r + "\n" + r.violations());
    }

    @Test
    void aShortSoakWithFaultsStaysClean() {
        Soak.Result r = Soak.run(2000, 42, 250);
        System.out.println(r);
        assertEquals(2000, r.commands());
        assertEquals(8, r.faults());
        assertTrue(r.recoveries() > 0, r.toString());
        assertTrue(r.clean(), r + "\n" + r.violations());
    }
}
