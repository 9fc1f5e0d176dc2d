package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.DesignChecks;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.Direction;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Port;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A check about part of an expression names the line that built that part, when it is known. */
class ExpressionSiteChecksTest {
    private static final SignalType U8 = SignalType.unsigned(8);
    private static final SourceLocation STATEMENT = new SourceLocation("Top.java", 5);
    private static final SourceLocation OPERATOR = new SourceLocation("Top.java", 9);
    private static final SourceLocation DECLARED = new SourceLocation("Top.java", 2);

    private static Diagnostic onlyError(Expr value) {
        ModuleDef m = new ModuleDef("top", List.of(new Port("a", Direction.IN, U8, DECLARED), new Port("y", Direction.OUT, U8, DECLARED)),
                List.of(), List.of(), List.of(new Assign("y", value, STATEMENT)), List.of(), List.of(), List.of(), Optional.empty(), DECLARED);
        List<Diagnostic> errors = DesignChecks.run(new Design("top", List.of(m))).stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors::toString);
        return errors.getFirst();
    }

    @Test
    void aBadReadInsideAnOperatorNamesTheOperatorsLine() {
        Expr a = new Expr.Ref("a", U8, DECLARED);
        Expr ghost = new Expr.Ref("ghost", U8, DECLARED);
        assertEquals(OPERATOR, onlyError(new Expr.Binary(Expr.BinaryOp.ADD, a, ghost, U8, OPERATOR)).location());
        assertEquals(OPERATOR, onlyError(new Expr.MemRead("ram", a, U8, OPERATOR)).location());
    }

    @Test
    void withoutAKnownLocationTheStatementsLineIsUsed() {
        Expr a = new Expr.Ref("a", U8);
        assertEquals(STATEMENT, onlyError(new Expr.Binary(Expr.BinaryOp.ADD, a, new Expr.Ref("ghost", U8, DECLARED), U8)).location());
        assertEquals(STATEMENT, onlyError(new Expr.Ref("ghost", U8, DECLARED)).location(), "a bare read is named by its statement, not the declaration");
    }
}
