package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nvmekit.rtl.checks.Findings.elaborated;
import static dev.nvmekit.rtl.checks.Findings.error;
import static dev.nvmekit.rtl.checks.Findings.errorCount;
import static dev.nvmekit.rtl.checks.Findings.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every output and wire has exactly one driver; combinational signals are assigned on every path. */
class DriverChecksTest {

    /** A child whose output follows its input combinationally. */
    static final class Buffer extends Component {
        final Signal a;
        final Signal y;
        final String outputLine;

        Buffer() {
            a = in("a", 4);
            y = out("y", 4);
            outputLine = Findings.here(); y.set(a);
        }
    }

    @Test
    void undrivenOutputIsAnErrorAtItsDeclaration() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 1);
            mark("o"); out("o", 1);
            out("p", 1).set(a);
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("o"), "top.o", "output 'o' is never assigned (undriven); assign it a value");
        assertEquals(1, errorCount(all));
    }

    @Test
    void undrivenWireIsAnErrorAtItsDeclaration() {
        Probe p = new Probe("top") {{
            mark("w"); Signal w = wire("w", 3);
            out("o", 3).set(w);
        }};
        error(errorsOf(p), p.at("w"), "top.w", "wire 'w' is never assigned (undriven)");
    }

    @Test
    void unconnectedChildInputIsAnErrorAtTheInstance() {
        Probe p = new Probe("top") {{
            mark("u"); Buffer b = instance("u", new Buffer());
            out("o", 4).set(b.y);
        }};
        error(errorsOf(p), p.at("u"), "top.u_a", "input 'a' of instance 'u' is not connected; set it from this component");
    }

    @Test
    void twoUnconditionalAssignmentsAreMultiplyDriven() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 2);
            Signal o = out("o", 2);
            mark("first"); o.set(a);
            mark("second"); o.set(a.not());
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("second"), "top.o", "'o' is assigned here and already at " + p.at("first"), "multiply driven");
        assertEquals(1, errorCount(all));
    }

    @Test
    void twoUnconditionalAssignmentsInOneWhenBranchAreMultiplyDriven() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 2);
            Signal o = out("o", 2);
            o.set(0);
            when(a.bit(0), () -> {
                mark("first"); o.set(a);
                mark("second"); o.set(a.not());
            });
        }};
        error(errorsOf(p), p.at("second"), "top.o", "already at " + p.at("first"), "multiply driven");
    }

    @Test
    void connectingAChildInputTwiceIsMultiplyDriven() {
        Probe p = new Probe("top") {{
            Signal x = in("x", 4);
            Buffer b = instance("u", new Buffer());
            mark("first"); b.a.set(x);
            mark("second"); b.a.set(x.not());
            out("o", 4).set(b.y);
        }};
        error(errorsOf(p), p.at("second"), "top.u_a", "'u_a' is assigned here and already at " + p.at("first"));
    }

    @Test
    void assigningAnInstanceOutputFromTheParentIsAnError() {
        Probe p = new Probe("top") {{
            Signal x = in("x", 4);
            Buffer b = instance("u", new Buffer());
            b.a.set(x);
            mark("drive"); b.y.set(0);
            out("o", 4).set(b.y);
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("drive"), "top.u_y", "output 'y' of instance 'u' is driven by the instance; it cannot also be assigned here");
    }

    @Test
    void assigningAnInputInsideItsOwnComponentIsAnError() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 1);
            mark("set"); a.set(1);
            out("o", 1).set(a);
        }};
        error(errorsOf(p), p.at("set"), "top.a", "input port 'a' cannot be assigned inside its own component");
    }

    @Test
    void assigningSyncReadDataIsAnError() {
        Probe p = new Probe("top") {{
            Signal addr = in("addr", 2);
            Signal o = out("o", 8);
            var m = mem("m", 8, 4);
            Signal d = m.readSync("d", addr);
            mark("set"); d.set(0);
            o.set(d);
        }};
        error(errorsOf(p), p.at("set"), "top.d", "'d' is the read data of a memory and cannot be assigned");
    }

    @Test
    void whenWithoutOtherwiseOnACombinationalSignalIsALatch() {
        Probe p = new Probe("top") {{
            Signal c = in("c", 1);
            Signal a = in("a", 4);
            Signal o = out("o", 4);
            mark("when"); when(c, () -> o.set(a));
        }};
        error(errorsOf(p), p.at("when"), "top.o", "'o' is not assigned on every path of this when", "would infer a latch",
                "give it a default value before the when");
    }

    @Test
    void elseWhenChainMissingTheLastBranchIsALatchAtThatBranch() {
        Probe p = new Probe("top") {{
            Signal c = in("c", 2);
            Signal o = out("o", 4);
            when(c.bit(0), () -> o.set(1))
                    .elseWhen(c.bit(1), () -> o.set(2))
                    .otherwise(() -> { });
            Signal q = out("q", 4);
            when(c.bit(0), () -> q.set(1))
                    .elseWhen(c.bit(1), () -> q.set(2)); mark("elseWhen");
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("elseWhen"), "top.q", "'q' is not assigned on every path of this when");
        assertEquals(2, errorCount(all), "o (empty otherwise) and q (no otherwise) both latch");
    }

    @Test
    void switchWithoutOtherwiseIsALatchButACompleteOneIsNot() {
        Probe p = new Probe("top") {{
            Signal sel = in("sel", 2);
            Signal o = out("o", 3);
            switchOn(sel)
                    .is(0, () -> o.set(1))
                    .is(1, () -> o.set(2)); mark("last");
            Signal full = out("full", 3);
            switchOn(sel)
                    .is(0, () -> full.set(1))
                    .is(1, 2, () -> full.set(2))
                    .otherwise(() -> full.set(3));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("last"), "top.o", "'o' is not assigned on every path of this when");
        assertEquals(1, errorCount(all));
    }

    @Test
    void aDefaultBeforeTheWhenAvoidsTheLatchAndRegistersNeverLatch() {
        Probe p = new Probe("top") {{
            Signal c = in("c", 1);
            Signal o = out("o", 4);
            Signal q = out("q", 4);
            o.set(0);
            Reg r = reg("r", 4).init(0);
            when(c, () -> {
                o.set(5);
                r.set(r.add(1));
            });
            q.set(r);
        }};
        elaborated(p);
    }

    @Test
    void aSwitchValueListedTwiceOrTooWideIsAnError() {
        Probe p = new Probe("top") {{
            Signal sel = in("sel", 2);
            Signal o = out("o", 3);
            o.set(0);
            switchOn(sel)
                    .is(0, () -> o.set(1))
                    .is(0, () -> o.set(2)); mark("twice");
            switchOn(sel).is(4, () -> o.set(3)); mark("wide");
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("twice"), "top", "lists value 0 twice");
        error(all, p.at("wide"), "top", "switch value 4 does not fit the selector's UInt(2)");
    }
}
