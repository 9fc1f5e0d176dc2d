package dev.nvmekit.rtl.usage;

import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.lib.RoundRobinArbiter;
import dev.nvmekit.rtl.lib.StreamFifo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library block built with bad parameters reports the error at the user's line that
 * constructed it, not at a line inside dev.nvmekit.rtl.lib. (This class is deliberately outside
 * the DSL and library packages: it stands for user code.)
 */
class LibraryParameterErrorsTest {
    /** The line this is called from. */
    static int line() {
        return StackWalker.getInstance().walk(f -> f.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    static final class UsesFifo extends Component {
        final int fifoLine;

        UsesFifo(int depth) {
            fifoLine = line(); StreamFifo<Bundle> f = instance("queue", new StreamFifo<>(PayloadType.bundle(BundleSpec.word("data", 8)), depth));
            f.push.valid.set(0);
            f.push.payload("data").set(0);
            f.pop.ready.set(1);
        }
    }

    static final class UsesWideAndArbiter extends Component {
        final int wideLine;
        final int arbiterLine;

        UsesWideAndArbiter() {
            wideLine = line(); instance("wide", new StreamFifo<>(PayloadType.bundle(BundleSpec.word("data", 5000)), 2));
            arbiterLine = line(); instance("arb", new RoundRobinArbiter(0));
        }
    }

    @Test
    void fifoDepthZeroNamesTheUsersLine() {
        UsesFifo top = new UsesFifo(0);
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(top));
        assertTrue(e.getMessage().contains("LibraryParameterErrorsTest.java:" + top.fifoLine + ": error: [stream_fifo] a FIFO needs depth >= 1, got 0"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("StreamFifo.java"), e.getMessage());
    }

    @Test
    void aWidthOutOfRangeAndACountOfZeroNameTheUsersLines() {
        UsesWideAndArbiter top = new UsesWideAndArbiter();
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(top));
        String m = e.getMessage();
        assertTrue(m.contains("LibraryParameterErrorsTest.java:" + top.wideLine + ": error:") && m.contains("5000"), m);
        assertTrue(m.contains("LibraryParameterErrorsTest.java:" + top.arbiterLine + ": error: [round_robin_arbiter] a round-robin arbiter needs at least 1 requester, got 0"), m);
        assertTrue(!m.contains("StreamFifo.java") && !m.contains("RoundRobinArbiter.java"), m);
    }

    @Test
    void aGoodFifoStillElaboratesWithItsOwnLinesInTheIr() {
        var d = Elaborator.elaborate(new UsesFifo(4)).design();
        var fifo = d.modules().stream().filter(m -> m.name().startsWith("stream_fifo")).findFirst().orElseThrow();
        // IR nodes inside the library keep the library's lines (equal blocks give one module).
        assertTrue(fifo.registers().stream().allMatch(r -> r.location().file().equals("StreamFifo.java")), fifo.registers().toString());
    }
}
