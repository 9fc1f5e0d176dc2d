package dev.nvmekit.testbench.monitor;

import dev.nvmekit.testbench.nvme.CompletionQueueEntry;
import dev.nvmekit.testbench.nvme.SubmissionQueueEntry;
import dev.nvmekit.testbench.port.BusWord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceCheckerTest {
    static final long ASQ = 0x1_0000_0000L, ACQ = 0x1_0000_1000L;
    static final int BUS = 16;

    /** Builds traces of an admin queue of 4 entries on a 16-byte bus, one event per cycle. */
    static final class Script {
        final Trace trace = new Trace();
        long cycle;

        Script() {
            trace.meta("dataBytes", Integer.toString(BUS));
        }

        Script ev(String channel, Object... kv) {
            return ev(TraceEvent.Kind.TRANSFER, channel, kv);
        }

        Script ev(TraceEvent.Kind kind, String channel, Object... kv) {
            Map<String, BigInteger> f = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                Object v = kv[i + 1];
                f.put((String) kv[i], v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue()));
            }
            trace.add(new TraceEvent(cycle++, kind, channel, f));
            return this;
        }

        Script reg(long offset, long value) {
            return ev("s_axil_aw", "s_axil_awaddr", offset).ev("s_axil_w", "s_axil_wdata", value & 0xFFFF_FFFFL, "s_axil_wstrb", 0xF);
        }

        Script enable() {
            return reg(0x24, 0x0003_0003).reg(0x28, ASQ).reg(0x2C, ASQ >>> 32).reg(0x30, ACQ).reg(0x34, ACQ >>> 32).reg(0x14, 0x0046_0001);
        }

        Script fetch(int entry, int count, int id, SubmissionQueueEntry... sqes) {
            ev("m_axi_ar", "m_axi_araddr", ASQ + 64L * entry, "m_axi_arlen", count * 4 - 1, "m_axi_arsize", 4, "m_axi_arburst", 1, "m_axi_arid", id);
            for (int s = 0; s < count; s++) {
                byte[] b = sqes[s].encode();
                for (int beat = 0; beat < 4; beat++) {
                    ev("m_axi_r", "m_axi_rdata", BusWord.of(b, beat * 16, 16), "m_axi_rresp", 0,
                            "m_axi_rlast", s == count - 1 && beat == 3 ? 1 : 0, "m_axi_rid", id);
                }
            }
            return this;
        }

        Script cmd(SubmissionQueueEntry sqe) {
            return ev("cmd", "cmd_sqid", 0, "cmd_sqe", sqe.toBusWord());
        }

        Script cpl(int cid) {
            return ev("cpl", "cpl_sqid", 0, "cpl_cid", cid, "cpl_status", 0, "cpl_dw0", 0, "cpl_dw1", 0);
        }

        Script cqe(int entry, int cid, int sqhd, boolean phase) {
            CompletionQueueEntry c = new CompletionQueueEntry(0, 0, sqhd, 0, cid, phase, dev.nvmekit.testbench.nvme.CompletionStatus.SUCCESS);
            ev("m_axi_aw", "m_axi_awaddr", ACQ + 16L * entry, "m_axi_awlen", 0, "m_axi_awsize", 4, "m_axi_awburst", 1, "m_axi_awid", 1);
            return ev("m_axi_w", "m_axi_wdata", BusWord.of(c.encode()), "m_axi_wstrb", 0xFFFF, "m_axi_wlast", 1);
        }

        Script b(int resp) {
            return ev("m_axi_b", "m_axi_bresp", resp, "m_axi_bid", 1);
        }

        Script irq(int v) {
            return ev("irq", "irq_vector", v);
        }

        List<Violation> check() {
            return TraceChecker.check(trace);
        }
    }

    static SubmissionQueueEntry sqe(int cid) {
        return SubmissionQueueEntry.builder(0x06).cid(cid).cdw10(1).build();
    }

    /** One Identify through a 4-entry admin queue, correct in every respect. */
    static Script goodCommand(int cid) {
        return new Script().enable().reg(0x1000, 1).fetch(0, 1, 0, sqe(cid)).cmd(sqe(cid)).cpl(cid)
                .cqe(0, cid, 1, true).b(0).irq(0).reg(0x1004, 1);
    }

    @Test
    void aCorrectCommandPasses() {
        assertEquals(List.of(), goodCommand(7).check());
    }

    @Test
    void aCorrectWrapOfTheQueuesPasses() {
        Script s = new Script().enable();
        for (int i = 0; i < 6; i++) {
            int e = i % 4;
            s.reg(0x1000, (e + 1) % 4).fetch(e, 1, 0, sqe(i)).cmd(sqe(i)).cpl(i).cqe(e, i, (e + 1) % 4, i < 4).b(0).irq(0).reg(0x1004, (e + 1) % 4);
        }
        assertEquals(List.of(), s.check());
    }

    static void assertRule(Script s, String rule) {
        List<Violation> v = s.check();
        assertTrue(v.stream().anyMatch(x -> x.rule().equals(rule)), "expected a " + rule + " violation, got " + v);
    }

    @Test
    void fetchingPastTheTailIsCaught() {
        assertRule(new Script().enable().reg(0x1000, 1).fetch(0, 2, 0, sqe(1), sqe(2)), "§4.3 fetch");
    }

    @Test
    void fetchingAnEntryTwiceIsCaught() {
        assertRule(new Script().enable().reg(0x1000, 2).fetch(0, 1, 0, sqe(1)).fetch(0, 1, 0, sqe(1)), "§4.3 fetch");
    }

    @Test
    void aHandedOutEntryThatWasNotFetchedIsCaught() {
        assertRule(new Script().enable().reg(0x1000, 1).fetch(0, 1, 0, sqe(1)).cmd(sqe(2)), "§3.5 cmd");
    }

    @Test
    void wrongPhaseIsCaught() {
        assertRule(new Script().enable().reg(0x1000, 1).fetch(0, 1, 0, sqe(3)).cmd(sqe(3)).cpl(3).cqe(0, 3, 1, false), "§4.4 phase");
    }

    @Test
    void sqHeadBeyondWhatWasHandedOutIsCaught() {
        assertRule(new Script().enable().reg(0x1000, 1).fetch(0, 1, 0, sqe(3)).cmd(sqe(3)).cpl(3).cqe(0, 3, 2, true), "§4.4 SQHD");
    }

    @Test
    void aCidCompletedTwiceIsCaught() {
        assertRule(goodCommand(5).cpl(5).cqe(1, 5, 1, true), "CID once");
    }

    @Test
    void anInterruptBeforeTheCqeWriteIsAnsweredIsCaught() {
        assertRule(new Script().enable().reg(0x1000, 1).fetch(0, 1, 0, sqe(3)).cmd(sqe(3)).cpl(3).cqe(0, 3, 1, true).irq(0), "§3.4 interrupt");
    }

    @Test
    void overrunningAFullCqIsCaught() {
        Script s = new Script().enable().reg(0x1000, 0);
        // Tail 0 after a wrap of 4: four commands; the host never frees CQ entries.
        for (int i = 0; i < 4; i++) {
            s.reg(0x1000, (i + 1) % 4).fetch(i, 1, 0, sqe(i)).cmd(sqe(i)).cpl(i).cqe(i, i, (i + 1) % 4, true).b(0);
        }
        assertRule(s, "§4.5 overrun");
    }

    @Test
    void fetchingAfterAnErrorResponseIsCaught() {
        Script s = new Script().enable().reg(0x1000, 2);
        s.ev("m_axi_ar", "m_axi_araddr", ASQ, "m_axi_arlen", 3, "m_axi_arsize", 4, "m_axi_arburst", 1, "m_axi_arid", 0);
        for (int beat = 0; beat < 4; beat++) s.ev("m_axi_r", "m_axi_rdata", 0, "m_axi_rresp", 2, "m_axi_rlast", beat == 3 ? 1 : 0, "m_axi_rid", 0);
        s.fetch(1, 1, 0, sqe(9));
        assertRule(s, "§3.3 host memory error");
    }

    @Test
    void burstsCrossing4KiBAndUnstablePayloadsAreCaught() {
        Script s = new Script().ev("m_axi_ar", "m_axi_araddr", 0x2000_0FF0L, "m_axi_arlen", 1, "m_axi_arsize", 4, "m_axi_arburst", 1, "m_axi_arid", 0);
        assertRule(s, "§3.3 AXI");
        assertRule(new Script().ev(TraceEvent.Kind.UNSTABLE, "cmd", "cmd_sqid", 1), "§3 handshake");
    }

    @Test
    void aSavedTraceIsCheckedTheSameWay(@TempDir Path dir) throws Exception {
        Script bad = goodCommand(5).cpl(5).cqe(1, 5, 1, true);
        Path f = dir.resolve("t.trace");
        bad.trace.save(f);
        Trace loaded = Trace.load(f);
        assertEquals(bad.trace.events(), loaded.events());
        assertEquals(bad.check(), TraceChecker.check(loaded));
    }
}
