package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.nvmekit.rtl.checks.Findings.error;
import static dev.nvmekit.rtl.checks.Findings.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Malformed designs end in one {@link DesignException} whose message lists every finding as
 * {@code File.java:line: error: [module.signal] message}: never another exception (a stack
 * trace for the user), never silently wrong Verilog, never only the first error.
 */
class BadInputTest {
    private static final Pattern FINDING_LINE =
            Pattern.compile("BadInputTest\\.java:\\d+: (error|warning): \\[[A-Za-z0-9_.]+\\] \\S.*");

    /** A child with its own mistake, to show errors of several modules come together. */
    static final class FaultyChild extends Component {
        final Signal a = in("a", 4);
        final Signal y = out("y", 4);
        final String line;

        FaultyChild() {
            line = Findings.here(); y.set(a.resize(8));
        }
    }

    @Test
    void everyErrorOfEveryModuleIsReportedAtOnceWithItsLine() {
        var p = new Probe("top") {
            FaultyChild c;
            {
            Signal x = in("x", 4);
            c = instance("c", new FaultyChild());
            c.a.set(x);
            mark("keyword"); Signal w = wire("wire", 4);
            mark("mismatch"); w.set(x.resize(2));
            mark("undriven"); out("o", 4);
            mark("latch"); Signal l = out("l", 4); when(x.bit(0), () -> l.set(c.y));
            mark("width"); wire("huge", 5000);
            }
        };
        DesignException e = elaborationFailure(p);
        List<Diagnostic> all = e.diagnostics();
        error(all, p.c.line, "faulty_child.y", "width mismatch: 'y' is UInt(4) but is assigned UInt(8)");
        error(all, p.at("keyword"), "top.wire", "'wire' is a reserved word in Verilog");
        error(all, p.at("mismatch"), "top.wire", "width mismatch: 'wire' is UInt(4) but is assigned UInt(2)");
        error(all, p.at("width"), "top", "width 5000 is out of range 1..4096");
        assertEquals(e.errors().size(), all.stream().filter(Diagnostic::isError).count());
        assertTrue(e.getMessage().startsWith("design has " + e.errors().size() + " errors:\n"), e.getMessage());
        for (Diagnostic d : all) assertTrue(e.getMessage().contains(d.toString()), "message lists " + d);
    }

    @Test
    void theMessageHasOneFindingPerLineEachWithFileAndLine() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 4);
            Signal b = inSigned("b", 4);
            out("o", 4).set(a.add(b));
            out("p", 2).set(a);
            wire("reg", 1);
        }};
        String[] lines = elaborationFailure(p).getMessage().split("\n");
        assertTrue(lines[0].matches("design has \\d+ errors?:"), lines[0]);
        assertTrue(lines.length >= 4, String.join("\n", lines));
        for (int i = 1; i < lines.length; i++) assertTrue(FINDING_LINE.matcher(lines[i]).matches(), "not a finding line: " + lines[i]);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty concatenation", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 1).set(cat());
                }}),
                Arguments.of("pick from nothing", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 1).set(pick(in("i", 2), List.of()));
                }}),
                Arguments.of("negative shift", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 4).set(in("i", 4).shl(-1));
                }}),
                Arguments.of("signed shift amount", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 4).set(in("i", 4).shr(inSigned("s", 2)));
                }}),
                Arguments.of("replicate zero times", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 4).set(in("i", 4).replicate(0));
                }}),
                Arguments.of("slice of a constant", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 2).set(lit(1, 4).slice(9, 8));
                }}),
                Arguments.of("mixed constants", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 4).set(lit(1, 4).add(slit(1, 4)));
                }}),
                Arguments.of("failed require", (Supplier<Component>) () -> new Probe("top") {{
                    require(false, "depth must be a power of two");
                    out("o", 1).set(1);
                }}),
                Arguments.of("component containing itself", (Supplier<Component>) () -> new Probe("top") {{
                    instance("me", this);
                    out("o", 1).set(1);
                }}),
                Arguments.of("values of two unrelated components", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 4).set(new FaultyChild().a);
                }}),
                Arguments.of("memory depth zero and width zero", (Supplier<Component>) () -> new Probe("top") {{
                    out("o", 1).set(mem("m", 0, 0).read(in("a", 1)).orR());
                }}),
                Arguments.of("a when condition of a wide value", (Supplier<Component>) () -> new Probe("top") {{
                    Signal o = out("o", 1);
                    o.set(0);
                    when(in("c", 3), () -> o.set(1));
                }}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedDesignsEndInADesignExceptionNamingThisFile(String what, Supplier<Component> design) {
        DesignException e;
        try {
            e = elaborationFailure(design.get());
        } catch (DesignException thrownEarly) {
            e = thrownEarly;
        } catch (RuntimeException other) {
            throw new AssertionError(what + ": got " + other + " instead of a DesignException", other);
        }
        assertTrue(!e.errors().isEmpty(), what);
        for (Diagnostic d : e.errors()) {
            assertTrue(d.location().toString().matches("BadInputTest\\.java:\\d+"), what + ": " + d);
        }
    }

    private static DesignException elaborationFailure(Component top) {
        try {
            Elaborator.elaborate(top);
        } catch (DesignException e) {
            return e;
        }
        return fail("expected a DesignException");
    }
}
