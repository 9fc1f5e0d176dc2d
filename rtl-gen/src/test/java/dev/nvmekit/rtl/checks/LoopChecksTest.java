package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.nvmekit.rtl.checks.Findings.elaborated;
import static dev.nvmekit.rtl.checks.Findings.error;
import static dev.nvmekit.rtl.checks.Findings.errorCount;
import static dev.nvmekit.rtl.checks.Findings.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Combinational loops are errors naming the loop's signals in data-flow order, through hierarchy too. */
class LoopChecksTest {

    /** y follows a combinationally. */
    static final class Buffer extends Component {
        final Signal a = in("a", 4);
        final Signal y = out("y", 4);

        Buffer() {
            y.set(a);
        }
    }

    /** A Buffer one level down: the combinational path crosses two module boundaries. */
    static final class Wrapper extends Component {
        final Signal a = in("a", 4);
        final Signal y = out("y", 4);

        Wrapper() {
            Buffer inner = instance("inner", new Buffer());
            inner.a.set(a);
            y.set(inner.y.add(1));
        }
    }

    @Test
    void threeWireLoopIsReportedInDataFlowOrderWithEveryLine() {
        Probe p = new Probe("top") {{
            Signal x = in("x", 4);
            Signal a = wire("a", 4);
            Signal b = wire("b", 4);
            Signal c = wire("c", 4);
            mark("a"); a.set(c.xor(x));
            mark("b"); b.set(a.add(1));
            mark("c"); c.set(b.not());
            out("o", 4).set(c);
        }};
        List<Diagnostic> all = errorsOf(p);
        Diagnostic d = error(all, p.at("a"), "top.a", "combinational loop: a -> b -> c -> a",
                "a at " + p.at("a"), "b at " + p.at("b"), "c at " + p.at("c"), "break it with a register");
        assertEquals(1, errorCount(all), d.toString());
    }

    @Test
    void aSignalDrivenByItselfIsALoop() {
        Probe p = new Probe("top") {{
            Signal w = wire("w", 1);
            mark("w"); w.set(w.not());
            out("o", 1).set(w);
        }};
        error(errorsOf(p), p.at("w"), "top.w", "combinational loop: w -> w");
    }

    @Test
    void aLoopThroughAChildsCombinationalPathIsFound() {
        Probe p = new Probe("top") {{
            mark("u"); Buffer b = instance("u", new Buffer());
            Signal w = wire("w", 4);
            mark("w"); w.set(b.y.add(1));
            b.a.set(w);
            out("o", 4).set(w);
        }};
        Diagnostic d = onlyLoop(errorsOf(p));
        assertRotation(List.of("w", "u_a", "u_y"), loopOf(d));
        assertTrue(d.message().contains("u_y at " + p.at("u")), d.toString());
        assertTrue(d.message().contains("w at " + p.at("w")), d.toString());
    }

    @Test
    void aLoopThroughTwoLevelsOfHierarchyIsFound() {
        Probe p = new Probe("top") {{
            Wrapper w = instance("u", new Wrapper());
            w.a.set(w.y);
            out("o", 4).set(w.y);
        }};
        assertRotation(List.of("u_a", "u_y"), loopOf(onlyLoop(errorsOf(p))));
    }

    @Test
    void registersAndSynchronousReadsBreakLoops() {
        Probe p = new Probe("top") {{
            Reg r = reg("r", 4).init(0);
            r.set(r.add(1));
            Buffer b = instance("u", new Buffer());
            var m = mem("m", 4, 16);
            Signal d = m.readSync("d", b.y);
            m.write(d, r);
            b.a.set(d.xor(r));
            out("o", 4).set(b.y);
        }};
        elaborated(p);
    }

    private static Diagnostic onlyLoop(List<Diagnostic> all) {
        List<Diagnostic> loops = all.stream().filter(d -> d.message().startsWith("combinational loop: ")).toList();
        assertEquals(1, loops.size(), all.toString());
        assertEquals(1, errorCount(all), all.toString());
        return loops.getFirst();
    }

    /** The signals of a loop message, without the repeated first one. */
    private static List<String> loopOf(Diagnostic d) {
        String path = d.message().substring("combinational loop: ".length(), d.message().indexOf(" ("));
        List<String> names = new ArrayList<>(List.of(path.split(" -> ")));
        assertEquals(names.getFirst(), names.getLast(), "a loop ends where it starts: " + path);
        names.removeLast();
        return names;
    }

    private static void assertRotation(List<String> expected, List<String> actual) {
        for (int i = 0; i < expected.size(); i++) {
            List<String> rotated = new ArrayList<>(expected);
            Collections.rotate(rotated, i);
            if (rotated.equals(actual)) return;
        }
        throw new AssertionError("loop " + actual + " is not the cycle " + expected + " in data-flow order");
    }
}
