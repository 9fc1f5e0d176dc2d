package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.Assign;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static dev.nvmekit.rtl.checks.Findings.elaborated;
import static dev.nvmekit.rtl.checks.Findings.error;
import static dev.nvmekit.rtl.checks.Findings.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Width rules: nothing truncates silently, widening is explicit or by the stated operator rules. */
class WidthChecksTest {

    @Test
    void assigningAWiderValueIsAnErrorNamingTruncate() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 8);
            Signal o = out("o", 4);
            mark("set"); o.set(a);
        }};
        error(errorsOf(p), p.at("set"), "top.o", "width mismatch: 'o' is UInt(4) but is assigned UInt(8)",
                "use truncate(4) or resize(4)");
    }

    @Test
    void assigningANarrowerValueIsAnErrorNamingResize() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 3);
            Signal o = out("o", 9);
            mark("set"); o.set(a);
        }};
        error(errorsOf(p), p.at("set"), "top.o", "'o' is UInt(9) but is assigned UInt(3)", "widen it with resize(9)");
    }

    @Test
    void operatorsWidenToTheWiderOperandSoTheResultDoesNotFitANarrowTarget() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 8);
            Signal b = in("b", 4);
            Signal o = out("o", 4);
            mark("add"); o.set(b.add(a));
        }};
        error(errorsOf(p), p.at("add"), "top.o", "'o' is UInt(4) but is assigned UInt(8)");
    }

    @Test
    void operatorResultWidthsFollowTheStatedRules() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 8);
            Signal b = in("b", 5);
            out("sum", 8).set(a.add(b));
            out("carry", 9).set(a.addExpand(b));
            out("borrow", 9).set(a.subExpand(b));
            out("product", 13).set(a.mul(b));
            out("shifted", 8).set(a.shl(b));
            out("less", 1).set(a.lt(b));
            out("parity", 1).set(a.xorR());
            out("joined", 13).set(a.cat(b));
            out("copies", 15).set(b.replicate(3));
        }};
        ModuleDef top = elaborated(p).design().topModule();
        assertEquals(SignalType.unsigned(13), assign(top, "product").value().type());
        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, assign(top, "sum").value());
        assertInstanceOf(Expr.Extend.class, sum.right(), "the narrower operand is zero-extended, not the wider truncated");
    }

    @Test
    void resizeAndTruncateNarrowAndWidenExplicitly() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 8);
            Signal s = inSigned("s", 4);
            out("low", 4).set(a.truncate(4));
            out("resized", 3).set(a.resize(3));
            out("wide", 12).set(a.resize(12));
            outSigned("sext", 8).set(s.resize(8));
            outSigned("strunc", 2).set(s.truncate(2));
        }};
        ModuleDef top = elaborated(p).design().topModule();
        assertEquals(new Expr.Slice(new Expr.Ref("a", SignalType.unsigned(8)), 3, 0, SignalType.unsigned(4)),
                assign(top, "low").value());
        assertEquals(new Expr.Extend(new Expr.Ref("s", SignalType.signed(4)), SignalType.signed(8)), assign(top, "sext").value());
        assertEquals(SignalType.signed(2), assign(top, "strunc").value().type());
    }

    @Test
    void truncatingToMoreBitsIsAnError() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 4);
            Signal o = out("o", 8);
            mark("t"); o.set(a.truncate(8).resize(8));
        }};
        error(errorsOf(p), p.at("t"), "top", "truncate to 8 bits, but the value has 4");
    }

    @Test
    void mixingSignedAndUnsignedIsAnErrorForOperatorsMulAndMux() {
        Probe p = new Probe("top") {{
            Signal u = in("u", 8);
            Signal s = inSigned("s", 8);
            Signal c = in("c", 1);
            mark("add"); Signal x = named("x", s.add(u));
            mark("mul"); Signal y = named("y", s.mul(u));
            mark("mux"); Signal z = named("z", mux(c, s, u));
            out("o", 1).set(x.orR().or(y.orR()).or(z.orR()));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("add"), "top", "add mixes SInt(8) and UInt(8); convert one with asSigned() or asUnsigned()");
        error(all, p.at("mul"), "top", "mul mixes SInt(8) and UInt(8)");
        error(all, p.at("mux"), "top", "mux arms mix SInt(8) and UInt(8)");
    }

    @Test
    void assigningSignedToUnsignedIsAnErrorNamingTheConversion() {
        Probe p = new Probe("top") {{
            Signal s = inSigned("s", 8);
            Signal o = out("o", 8);
            mark("set"); o.set(s);
        }};
        error(errorsOf(p), p.at("set"), "top.o", "'o' is UInt(8) but is assigned SInt(8)", "asSigned()/asUnsigned()");
    }

    @Test
    void widthsOutsideOneTo4096AreErrorsAtTheDeclaringLine() {
        Probe p = new Probe("top") {{
            mark("zero"); Signal a = in("a", 0);
            mark("big"); Signal b = wire("b", 4097);
            mark("neg"); Signal c = out("c", -3);
            mark("reg"); reg("r", 5000).noReset();
            b.set(a.resize(4096));
            c.set(b.orR());
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("zero"), "top", "width 0 is out of range 1..4096");
        error(all, p.at("big"), "top", "width 4097 is out of range 1..4096");
        error(all, p.at("neg"), "top", "width -3 is out of range 1..4096");
        error(all, p.at("reg"), "top", "width 5000 is out of range 1..4096");
    }

    @Test
    void resultsWiderThan4096AreErrorsNotExceptions() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 3000);
            Signal b = in("b", 3000);
            mark("mul"); Signal m = named("m", a.mul(b));
            mark("cat"); Signal c = named("c", a.cat(b));
            mark("rep"); Signal r = named("r", a.replicate(2));
            mark("ext"); Signal e = named("e", a.extend(4097));
            out("o", 1).set(m.orR().or(c.orR()).or(r.orR()).or(e.orR()));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("mul"), "top", "6000 bits");
        error(all, p.at("cat"), "top", "concatenation of 6000 bits is over the limit of 4096");
        error(all, p.at("rep"), "top", "concatenation of 6000 bits is over the limit of 4096");
        error(all, p.at("ext"), "top", "cannot extend a 3000-bit value to 4097 bits");
    }

    @Test
    void constantsThatDoNotFitAreErrors() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 4);
            Signal o = out("o", 4);
            Signal w = out("w", 100);
            mark("lit"); Value big = lit(16, 4);
            mark("neg"); Value negWide = lit(-1, 100);
            mark("add"); Value sum = a.add(20);
            mark("set"); o.set(99);
            o.set(big.xor(sum));
            w.set(negWide);
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("lit"), "top", "constant 16 does not fit UInt(4)");
        error(all, p.at("neg"), "top", "constant -1 does not fit UInt(100)");
        error(all, p.at("add"), "top", "constant 20 does not fit UInt(4)");
        error(all, p.at("set"), "top.o", "constant 99 does not fit UInt(4) of 'o'");
    }

    @Test
    void constantsFitSixtyThreeAndSixtyFourBitValues() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 63);
            Signal b = in("b", 64);
            out("x", 63).set(a.add(1).xor(Long.MAX_VALUE));
            out("y", 64).set(b.add(Long.MAX_VALUE));
            mark("neg"); out("z", 63).set(a.sub(-1));
        }};
        error(errorsOf(p), p.at("neg"), "top", "constant -1 does not fit UInt(63)");
    }

    @Test
    void bigIntegerConstantsAreCheckedNotMasked() {
        Probe p = new Probe("top") {{
            Signal o = out("o", 4);
            mark("reg"); Reg r = reg("r", 4).init(BigInteger.valueOf(300));
            mark("set"); o.set(BigInteger.valueOf(16));
            mark("lit"); Value big = lit(BigInteger.ONE.shiftLeft(70), 70);
            r.set(r.add(big.truncate(4)));
            o.set(r);
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("reg"), "top.r", "reset value 300 does not fit UInt(4)");
        error(all, p.at("set"), "top.o", "constant 16 does not fit UInt(4) of 'o'");
        error(all, p.at("lit"), "top", "does not fit UInt(70)");
    }

    @Test
    void negativeBigIntegerResetValuesAreTwosComplementPatterns() {
        Probe p = new Probe("top") {{
            Reg r = reg("r", SignalType.signed(4)).init(BigInteger.valueOf(-8));
            r.set(r.add(slit(1, 4)));
            outSigned("o", 4).set(r);
        }};
        assertEquals(BigInteger.valueOf(8), elaborated(p).design().topModule().registers().getFirst().resetValue().orElseThrow());
    }

    @Test
    void sliceOutsideTheVectorAndNonBitConditionsAreErrors() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 8);
            Signal o = out("o", 2);
            mark("slice"); Value s = a.slice(9, 8);
            mark("when"); when(a, () -> o.set(s));
            mark("mux"); Value m = mux(a, s, s.not());
            o.set(m);
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("slice"), "top", "slice [9:8] is outside this 8-bit value");
        error(all, p.at("when"), "top", "a when condition must be 1 bit, got UInt(8)");
        error(all, p.at("mux"), "top", "a mux select must be 1 bit, got 8 bits");
    }

    private static Assign assign(ModuleDef m, String target) {
        return m.assigns().stream().filter(a -> a.target().equals(target)).findFirst().orElseThrow();
    }
}
