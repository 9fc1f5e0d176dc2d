package dev.nvmekit.rtl.checks;

import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Memory;
import dev.nvmekit.rtl.ir.SignalType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static dev.nvmekit.rtl.checks.Findings.elaborated;
import static dev.nvmekit.rtl.checks.Findings.error;
import static dev.nvmekit.rtl.checks.Findings.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Memories: exact address widths, whole-byte enables, matching data, sane depth and contents. */
class MemoryChecksTest {

    @Test
    void addressesMustHaveExactlyTheAddressWidth() {
        Probe p = new Probe("top") {{
            Signal wide = in("wide", 8);
            Signal narrow = in("narrow", 2);
            Signal signed = inSigned("signed_addr", 4);
            Signal d = in("d", 8);
            Mem m = mem("m", 8, 16);
            mark("read"); Value r = m.read(wide);
            mark("write"); m.write(narrow, d);
            mark("sync"); Signal s = m.readSync("s", signed);
            out("o", 8).set(r.xor(s));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("read"), "top.m", "address of memory 'm' must be UInt(4), got UInt(8); use resize(4)");
        error(all, p.at("write"), "top.m", "must be UInt(4), got UInt(2)");
        error(all, p.at("sync"), "top.m", "must be UInt(4), got SInt(4)");
    }

    @Test
    void aConstantAddressPastTheLastWordIsAnError() {
        Probe p = new Probe("top") {{
            Signal d = in("d", 8);
            Mem m = mem("m", 8, 6);
            mark("write"); m.write(lit(7, 3), d);
            mark("read"); Value r = m.read(lit(6, 3));
            Value ok = m.read(lit(5, 3));
            out("o", 8).set(r.xor(ok));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("write"), "top.m", "address 7 is outside memory 'm' of depth 6");
        error(all, p.at("read"), "top.m", "address 6 is outside memory 'm' of depth 6");
        assertEquals(2, Findings.errorCount(all));
    }

    @Test
    void byteEnablesNeedWholeBytesAndOneBitPerByte() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 2);
            Signal d16 = in("d16", 16);
            Signal d12 = in("d12", 12);
            Signal be = in("be", 3);
            Mem m = mem("m", 16, 4);
            Mem odd = mem("odd", 12, 4);
            mark("count"); m.write(a, d16, be);
            mark("bytes"); odd.write(a, d12, be.bit(0));
            out("o", 28).set(m.read(a).cat(odd.read(a)));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("count"), "top.m", "byte enables of memory 'm' need a word of whole bytes and 2 enable bits, got 3");
        error(all, p.at("bytes"), "top.odd", "byte enables of memory 'odd' need a word of whole bytes");
    }

    @Test
    void writtenDataMustMatchTheWordType() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 1);
            Signal d = in("d", 4);
            Mem m = mem("m", 8, 2);
            mark("write"); m.write(a, d);
            out("o", 8).set(m.read(a));
        }};
        error(errorsOf(p), p.at("write"), "top.m", "memory 'm' holds UInt(8) words but is written UInt(4)");
    }

    @Test
    void depthAndInitialContentsAreChecked() {
        Probe p = new Probe("top") {{
            Signal a = in("a", 1);
            mark("depth"); Mem empty = mem("empty", 8, 0);
            Mem small = mem("small_mem", 8, 2);
            mark("init"); small.init(1, 2, 3);
            mark("word"); mem("w", 4, 2).init(16);
            mark("enable"); Signal s = small.readSync("s", a, lit(3, 2));
            out("o", 16).set(empty.read(a).cat(s));
        }};
        List<Diagnostic> all = errorsOf(p);
        error(all, p.at("depth"), "top.empty", "memory depth must be >= 1, got 0");
        error(all, p.at("init"), "top.small_mem", "3 initial words for a memory of depth 2");
        error(all, p.at("word"), "top.w", "16", "does not fit UInt(4)");
        error(all, p.at("enable"), "top.s", "read enable must be 1 bit");
    }

    @Test
    void portsInsideWhenAreEnabledByTheConditionAndByteEnablesReachTheIr() {
        Probe p = new Probe("top") {{
            Signal we = in("we", 1);
            Signal re = in("re", 1);
            Signal a = in("a", 3);
            Signal d = in("d", 16);
            Signal be = in("be", 2);
            Mem m = mem("m", 16, 8).init(7, 9);
            when(we, () -> m.write(a, d, be));
            Signal q = m.readSync("q", a, re);
            out("o", 32).set(q.cat(m.read(a)));
        }};
        Memory m = elaborated(p).design().topModule().memories().getFirst();
        Expr.Ref we = new Expr.Ref("we", SignalType.BIT);
        Expr.Ref re = new Expr.Ref("re", SignalType.BIT);
        assertEquals(3, m.addressWidth());
        assertEquals(List.of(BigInteger.valueOf(7), BigInteger.valueOf(9)), m.init());
        assertEquals(we, m.writes().getFirst().enable());
        assertEquals(new Expr.Ref("be", SignalType.unsigned(2)), m.writes().getFirst().byteEnable().orElseThrow());
        assertEquals(re, m.syncReads().getFirst().enable());
    }
}
