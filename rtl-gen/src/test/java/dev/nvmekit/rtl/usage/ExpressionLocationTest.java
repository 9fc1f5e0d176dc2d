package dev.nvmekit.rtl.usage;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;
import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.SourceLocation;
import dev.nvmekit.rtl.lib.RoundRobinArbiter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expression nodes built by the DSL remember the user's line, and keep it through elaboration. */
class ExpressionLocationTest {
    private static final String FILE = "ExpressionLocationTest.java";

    /** Each operator on its own line, the line noted on the same line. */
    static final class Lines extends Component {
        final int sumLine, compareLine, muxLine, literalLine;

        Lines() {
            Signal a = in("a", 8);
            Signal b = in("b", 8);
            Value sum = a.add(b); sumLine = LibraryParameterErrorsTest.line();
            Value big = sum.gt(lit(100, 8)); compareLine = LibraryParameterErrorsTest.line();
            Value one = lit(1, 8); literalLine = LibraryParameterErrorsTest.line();
            Value chosen = mux(big, sum, one); muxLine = LibraryParameterErrorsTest.line();
            out("y", 8).set(chosen);
        }
    }

    @Test
    void operatorsLiteralsAndMuxesCarryTheLineThatBuiltThem() {
        Lines top = new Lines();
        ModuleDef m = top(Elaborator.elaborate(top).design());
        Expr.Mux mux = assertInstanceOf(Expr.Mux.class, assign(m, "y").value());
        assertEquals(new SourceLocation(FILE, top.muxLine), mux.at());
        assertEquals(new SourceLocation(FILE, top.compareLine), mux.select().at());
        assertEquals(new SourceLocation(FILE, top.sumLine), mux.whenTrue().at());
        assertEquals(new SourceLocation(FILE, top.literalLine), mux.whenFalse().at());
        Expr.Binary compare = assertInstanceOf(Expr.Binary.class, mux.select());
        assertEquals(new SourceLocation(FILE, top.compareLine), compare.right().at(), "the literal 100 was built on the compare's line");
    }

    /** A library block built on one line of user code. */
    static final class UsesArbiter extends Component {
        final int line;

        UsesArbiter() {
            Signal req = in("req", 4);
            RoundRobinArbiter arb; line = LibraryParameterErrorsTest.line(); arb = instance("arb", new RoundRobinArbiter(4));
            arb.request.set(req);
            arb.advance.set(1);
            out("grant", 4).set(arb.grant);
            out("grant_valid", 1).set(arb.grantValid);
            out("grant_index", arb.grantIndex.width()).set(arb.grantIndex);
        }
    }

    @Test
    void expressionsInsideALibraryBlockNameTheUsersLineNotTheLibrary() {
        UsesArbiter top = new UsesArbiter();
        Design d = Elaborator.elaborate(top).design();
        ModuleDef arbiter = d.modules().stream().filter(m -> !m.name().equals(d.top())).findFirst().orElseThrow();
        List<Expr> nodes = new ArrayList<>();
        for (Assign a : arbiter.assigns()) collect(a.value(), nodes);
        arbiter.registers().forEach(r -> collect(r.next(), nodes));
        List<SourceLocation> known = nodes.stream().map(Expr::at).filter(at -> !at.equals(SourceLocation.UNKNOWN)).distinct().toList();
        assertFalse(known.isEmpty(), "the arbiter's expressions know where they were built");
        assertEquals(List.of(new SourceLocation(FILE, top.line)), known);
    }

    @Test
    void equalTreesBuiltOnDifferentLinesAreEqual() {
        Lines first = new Lines();
        Lines second = new Lines();
        ModuleDef a = top(Elaborator.elaborate(first).design());
        ModuleDef b = top(Elaborator.elaborate(second).design());
        assertEquals(assign(a, "y").value(), assign(b, "y").value());
        assertTrue(assign(a, "y").value().at().line() > 0);
    }

    private static ModuleDef top(Design d) {
        return d.module(d.top());
    }

    private static Assign assign(ModuleDef m, String target) {
        return m.assigns().stream().filter(a -> a.target().equals(target)).findFirst().orElseThrow();
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        switch (e) {
            case Expr.Ref r -> { }
            case Expr.Literal l -> { }
            case Expr.Unary u -> collect(u.operand(), out);
            case Expr.Binary b -> { collect(b.left(), out); collect(b.right(), out); }
            case Expr.Mux m -> { collect(m.select(), out); collect(m.whenTrue(), out); collect(m.whenFalse(), out); }
            case Expr.Concat c -> c.parts().forEach(p -> collect(p, out));
            case Expr.Slice s -> collect(s.operand(), out);
            case Expr.Extend x -> collect(x.operand(), out);
            case Expr.Cast c -> collect(c.operand(), out);
            case Expr.MemRead m -> collect(m.address(), out);
        }
    }
}
