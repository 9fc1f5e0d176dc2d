package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nvmekit.rtl.checks.Findings.warning;
import static dev.nvmekit.rtl.checks.Findings.warningsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warnings do not stop elaboration: registers without reset that feed back, and unused signals. */
class WarningChecksTest {

    @Test
    void aRegisterWithoutResetThatFeedsBackIsAWarning() {
        Probe p = new Probe("top") {{
            Signal en = in("en", 1);
            mark("r"); Reg r = reg("r", 4);
            when(en, () -> r.set(r.add(1)));
            out("o", 4).set(r);
        }};
        List<Diagnostic> ws = warningsOf(p);
        warning(ws, p.at("r"), "top.r", "register 'r' feeds back on itself but has no reset value",
                "Give it init(...), or noReset() if that is intended");
        assertEquals(1, ws.size(), ws.toString());
    }

    @Test
    void noResetWaivesItAndRegistersThatOnlyHoldOrLoadDoNotWarn() {
        Probe p = new Probe("top") {{
            Signal en = in("en", 1);
            Signal a = in("a", 4);
            Reg waived = reg("waived", 4).noReset();
            waived.set(waived.add(1));
            Reg loads = reg("loads", 4);
            when(en, () -> loads.set(a));
            Reg pipe = regNext("pipe", a);
            out("o", 12).set(cat(waived, loads, pipe));
        }};
        assertEquals(List.of(), warningsOf(p));
    }

    @Test
    void aRegisterWithResetThatFeedsBackDoesNotWarn() {
        Probe p = new Probe("top") {{
            Reg r = reg("r", 4).init(3);
            r.set(r.sub(1));
            out("o", 4).set(r);
        }};
        assertEquals(List.of(), warningsOf(p));
    }

    @Test
    void unusedInputsWiresAndRegistersAreWarningsAtTheirDeclarations() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 4);
            mark("in"); in("spare", 2);
            mark("wire"); named("idle", a.not());
            mark("reg"); regNext("late", a);
            out("o", 4).set(a);
        }};
        List<Diagnostic> ws = warningsOf(p);
        warning(ws, p.at("in"), "top.spare", "input 'spare' is never used");
        warning(ws, p.at("wire"), "top.idle", "wire 'idle' is never used");
        warning(ws, p.at("reg"), "top.late", "register 'late' is never used");
        assertEquals(3, ws.size(), ws.toString());
        assertTrue(ws.stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void clockAndResetPortsAreNotReportedUnused() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 1);
            out("o", 1).set(regNext("q", a));
        }};
        assertEquals(List.of(), warningsOf(p));
    }
}
