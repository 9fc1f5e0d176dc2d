package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.examples.Counter;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Instance;
import dev.nvmekit.rtl.ir.ModuleDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.nvmekit.rtl.checks.Findings.elaborated;
import static dev.nvmekit.rtl.checks.Findings.error;
import static dev.nvmekit.rtl.checks.Findings.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names reach the Verilog unmangled, so they must be identifiers, not keywords, and unique. */
class NamingChecksTest {

    /** A module whose explicit name is a Verilog keyword. */
    static final class KeywordModule extends Component {
        final String line;

        KeywordModule() {
            super("module"); line = Findings.here();
            out("o", 1).set(1);
        }
    }

    /** A child without parameters: identical copies share one module. */
    static final class Leaf extends Component {
        final Signal a = in("a", 2);
        final Signal y = out("y", 2);

        Leaf() {
            y.set(a.not());
        }
    }

    /** A child whose variants differ but do not record parameters: told apart by an index. */
    static final class Unparameterised extends Component {
        final Signal y;

        Unparameterised(int width) {
            y = out("y", width);
            y.set(0);
        }
    }

    @Test
    void verilogAndSystemVerilogKeywordsAreRejectedAsNames() {
        Probe p = new Probe("top") {{
            mark("reg"); Signal r = wire("reg", 1);
            mark("logic"); Signal l = in("logic", 1);
            mark("always"); reg("always", 1).init(0);
            r.set(l);
            out("o", 1).set(r);
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("reg"), "top.reg", "'reg' is a reserved word in Verilog; choose another name");
        error(all, p.at("logic"), "top.logic", "'logic' is a reserved word in Verilog");
        error(all, p.at("always"), "top.always", "'always' is a reserved word in Verilog");
    }

    @Test
    void aKeywordModuleNameIsRejected() {
        KeywordModule k = new KeywordModule();
        error(errorsOf(k), k.line, "module", "module name: 'module' is a reserved word in Verilog");
    }

    @Test
    void namesThatAreNotIdentifiersAreRejected() {
        Probe p = new Probe("top") {{
            mark("digit"); Signal a = in("2x", 1);
            mark("dash"); Signal b = in("a-b", 1);
            mark("empty"); Signal c = in("", 1);
            out("o", 1).set(a.and(b).and(c));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("digit"), "top.2x", "'2x' is not a plain identifier");
        error(all, p.at("dash"), "top.a-b", "'a-b' is not a plain identifier");
        error(all, p.at("empty"), "top", "a name must not be empty");
    }

    @Test
    void aDuplicateNameIsRejectedAtTheSecondDeclaration() {
        Probe p = new Probe("top") {{
            Signal x = in("x", 1);
            mark("second"); Signal again = wire("x", 1);
            again.set(x);
            out("o", 1).set(again);
        }};
        error(errorsOf(p), p.at("second"), "top.x", "duplicate name 'x' in 'top'; every port, signal, memory and instance needs its own name");
    }

    @Test
    void anInstancesPortNetCollidingWithAUserNameIsADuplicate() {
        Probe p = new Probe("top") {{
            Signal w = wire("u_a", 2);
            w.set(0);
            mark("u"); Leaf l = instance("u", new Leaf());
            l.a.set(w);
            out("o", 2).set(l.y);
        }};
        error(errorsOf(p), p.at("u"), "top.u_a", "duplicate name 'u_a' in 'top'");
    }

    @Test
    void aComponentPlacedTwiceIsRejected() {
        Probe p = new Probe("top") {{
            Leaf leaf = new Leaf();
            instance("first", leaf);
            mark("second"); instance("second", leaf);
            leaf.a.set(0);
            out("o", 2).set(leaf.y);
        }};
        error(errorsOf(p), p.at("second"), "top.second",
                "component 'leaf' is already instance 'first' of 'top'; construct a new one for each instance");
    }

    @Test
    void parameterisedChildrenGetDistinctStableNamesAndIdenticalOnesShareAModule() {
        for (int round = 0; round < 2; round++) {
            Probe p = new Probe("top") {{
                Signal en = in("en", 1);
                Counter c8 = instance("narrow", new Counter(8));
                Counter c16 = instance("big", new Counter(16));
                Counter again8 = instance("narrow2", new Counter(8));
                Leaf l1 = instance("l1", new Leaf());
                Leaf l2 = instance("l2", new Leaf());
                for (Counter c : List.of(c8, c16, again8)) c.enable.set(en);
                l1.a.set(c8.count.slice(1, 0));
                l2.a.set(l1.y);
                out("o", 8).set(c8.count.xor(again8.count).xor(c16.count.truncate(8)).xor(l2.y.resize(8)));
                out("w", 3).set(cat(c8.wrap, c16.wrap, again8.wrap));
            }};
            Design d = elaborated(p).design();
            assertEquals(List.of("counter_width8", "counter_width16", "leaf", "top"), d.modules().stream().map(ModuleDef::name).toList());
            Map<String, String> moduleOf = d.topModule().instances().stream().collect(Collectors.toMap(Instance::name, Instance::module));
            assertEquals(Map.of("narrow", "counter_width8", "big", "counter_width16", "narrow2", "counter_width8",
                    "l1", "leaf", "l2", "leaf"), moduleOf);
        }
    }

    @Test
    void variantsWithoutParametersAreNumbered() {
        Probe p = new Probe("top") {{
            Unparameterised a = instance("a", new Unparameterised(2));
            Unparameterised b = instance("b", new Unparameterised(3));
            out("o", 5).set(a.y.cat(b.y));
        }};
        Design d = elaborated(p).design();
        assertEquals(List.of("unparameterised_0", "unparameterised_1", "top"), d.modules().stream().map(ModuleDef::name).toList());
    }
}
