package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.ClockDomain;
import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Register;
import dev.nvmekit.rtl.ir.ResetKind;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clock domains of an imported module: one per clock input port that clocks a flip-flop or
 * memory port. Its reset is the asynchronous reset of its {@code $adff} cells (one port, one
 * polarity per clock), otherwise the most used synchronous reset of its {@code $sdff} cells that
 * is an input port named like a reset ({@code rst}, {@code reset}, {@code rst_n}...). Other
 * synchronous resets, such as the clear that Yosys finds in {@code if (start) count <= 0}, are
 * folded into the register's next value, which has the same effect.
 */
final class ClockPlan {
    private final NetlistConversion conversion;
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final List<ClockDomain> domains = new ArrayList<>();

    private static final class Plan {
        final String clock;
        String asyncReset;
        boolean asyncHigh;
        final Map<String, Integer> syncVotes = new LinkedHashMap<>();
        ClockDomain domain;

        Plan(String clock) {
            this.clock = clock;
        }
    }

    ClockPlan(NetlistConversion conversion) {
        this.conversion = conversion;
    }

    /** Records the clock (and reset) of a flip-flop or memory cell. */
    void note(YosysNetlist.Cell c) {
        if (c.type().equals("$mem_v2")) {
            for (int i = 0; i < c.integer("RD_PORTS"); i++) {
                if (c.bit("RD_CLK_ENABLE", i)) plan(c.port("RD_CLK")[i], c.source());
            }
            for (int i = 0; i < c.integer("WR_PORTS"); i++) {
                if (c.bit("WR_CLK_ENABLE", i)) plan(c.port("WR_CLK")[i], c.source());
            }
            return;
        }
        Plan p = plan(c.port("CLK")[0], c.source());
        if (p == null) return;
        if (c.type().startsWith("$adff")) {
            String rst = conversion.singleBitInput(c.port("ARST")[0]);
            boolean high = c.flag("ARST_POLARITY");
            if (rst == null) {
                conversion.error(c.source(), "", "asynchronous reset of a register is driven by logic, not by an input port; "
                        + "the IR takes asynchronous resets from ports only");
            } else if (p.asyncReset == null) {
                p.asyncReset = rst;
                p.asyncHigh = high;
            } else if (!p.asyncReset.equals(rst) || p.asyncHigh != high) {
                conversion.error(c.source(), rst, "clock '" + p.clock + "' has more than one asynchronous reset ("
                        + p.asyncReset + " and " + (high ? "" : "!") + rst + "); one clock domain has one reset");
            }
        } else if (c.type().startsWith("$sdff") && !c.type().equals("$sdffce")) {
            String rst = conversion.singleBitInput(c.port("SRST")[0]);
            if (rst != null && looksLikeReset(rst)) p.syncVotes.merge(rst + (c.flag("SRST_POLARITY") ? "+" : "-"), 1, Integer::sum);
        }
    }

    private static boolean looksLikeReset(String name) {
        String n = name.toLowerCase();
        return n.contains("rst") || n.contains("reset");
    }

    private Plan plan(int clockBit, SourceLocation at) {
        String clock = conversion.singleBitInput(clockBit);
        if (clock == null) {
            conversion.error(at, "", "a clock is driven by logic or by a bit of a wider port (" + conversion.describeBit(clockBit)
                    + "); clocks must be 1-bit input ports (derived and gated clocks are not supported)");
            return null;
        }
        return plans.computeIfAbsent(clock, Plan::new);
    }

    /** Fixes each domain's reset once every cell is noted. */
    void decide() {
        for (Plan p : plans.values()) {
            if (p.asyncReset != null) {
                p.domain = new ClockDomain(p.clock, p.clock, Optional.of(p.asyncReset), p.asyncHigh ? ResetKind.ASYNC_HIGH : ResetKind.ASYNC_LOW);
            } else if (!p.syncVotes.isEmpty()) {
                String best = p.syncVotes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                String port = best.substring(0, best.length() - 1);
                p.domain = new ClockDomain(p.clock, p.clock, Optional.of(port), best.endsWith("+") ? ResetKind.SYNC_HIGH : ResetKind.SYNC_LOW);
            } else {
                p.domain = new ClockDomain(p.clock, p.clock, Optional.empty(), ResetKind.NONE);
            }
            domains.add(p.domain);
        }
    }

    List<ClockDomain> domains() {
        return domains;
    }

    /** The domain clocked by net bit {@code clockBit} (noted before). */
    ClockDomain domainOf(int clockBit) {
        return plans.get(conversion.singleBitInput(clockBit)).domain;
    }

    /** The register for a flip-flop cell whose output is named {@code name}. */
    Register register(YosysNetlist.Cell c, String name, Optional<BigInteger> init) {
        BitVectors v = conversion.bits;
        SignalType t = SignalType.unsigned(c.integer("WIDTH"));
        ClockDomain d = domainOf(c.port("CLK")[0]);
        Expr q = new Expr.Ref(name, t);
        Expr data = v.vector(c.port("D"));
        Expr held = c.connections().containsKey("EN") ? Expr.Mux.of(active(c, "EN", "EN_POLARITY"), data, q) : data;
        Optional<BigInteger> resetValue = Optional.empty();
        Expr next = held;
        switch (c.type()) {
            case "$adff", "$adffe" -> resetValue = Optional.of(value(c, "ARST_VALUE"));
            case "$sdff", "$sdffe", "$sdffce" -> {
                Expr rv = BitVectors.literal(value(c, "SRST_VALUE"), t.width());
                String rst = conversion.singleBitInput(c.port("SRST")[0]);
                boolean high = c.flag("SRST_POLARITY");
                boolean domainReset = !c.type().equals("$sdffce") && rst != null && d.reset().equals(Optional.of(rst))
                        && !d.kind().asynchronous() && d.kind().activeHigh() == high;
                if (domainReset) {
                    resetValue = Optional.of(value(c, "SRST_VALUE"));
                } else if (c.type().equals("$sdffce")) {
                    // The clear acts only when the enable does (Yosys: "sync reset gated by clock enable").
                    next = Expr.Mux.of(active(c, "EN", "EN_POLARITY"), Expr.Mux.of(active(c, "SRST", "SRST_POLARITY"), rv, data), q);
                } else {
                    next = Expr.Mux.of(active(c, "SRST", "SRST_POLARITY"), rv, held);
                }
            }
            default -> {
            }
        }
        return new Register(name, t, d.name(), next, resetValue, init, c.source());
    }

    private Expr active(YosysNetlist.Cell c, String port, String polarity) {
        Expr e = conversion.bits.vector(c.port(port));
        return c.flag(polarity) ? e : Expr.Unary.of(Expr.UnaryOp.NOT, e);
    }

    private static BigInteger value(YosysNetlist.Cell c, String param) {
        return c.number(param);
    }
}
