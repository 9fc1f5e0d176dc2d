package dev.nvmekit.sim.designs;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Domain;
import dev.nvmekit.rtl.dsl.Mem;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.ir.ResetKind;

/**
 * Test design: a 72-bit register file on a memory, a signed port, a {@link WideCounter} instance
 * {@code ctr} (100-bit accumulator) and a counter in a second clock domain.
 */
public final class MemoryTop extends Component {
    public MemoryTop() {
        Signal wrEn = in("wr_en", 1);
        Signal wrAddr = in("wr_addr", 4);
        Signal wrData = in("wr_data", 72);
        Signal rdAddr = in("rd_addr", 4);
        Signal rdData = out("rd_data", 72);
        Signal sample = inSigned("sample", 8);
        Signal negated = outSigned("negated", 8);
        Signal ctrCount = out("counted", 8);
        Signal fastCount = out("fast_count", 16);

        Mem words = mem("words", 72, 16);
        when(wrEn, () -> words.write(wrAddr, wrData));
        rdData.set(words.read(rdAddr));
        negated.set(sample.neg());

        WideCounter ctr = instance("ctr", new WideCounter(8));
        ctr.enable.set(bool(true));
        ctr.addend.set(lit(3, 100));
        ctrCount.set(ctr.count);

        Domain fast = domain("fast", "clk_fast", "rst_fast", ResetKind.SYNC_HIGH);
        withDomain(fast, () -> {
            Reg ticks = reg("ticks", 16).init(0);
            ticks.set(ticks.add(1));
            fastCount.set(ticks);
        });
    }
}
