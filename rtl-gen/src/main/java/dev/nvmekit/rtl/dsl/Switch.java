package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code switchOn(sel).is(0, body).is(1, 2, body)....otherwise(body)}: the first matching
 * {@code is} runs, as a chain of {@code when}s; a value listed twice is an error.
 */
public final class Switch {
    private final Component owner;
    private final Value selector;
    private final SourceLocation location;
    private final Set<Long> seen = new HashSet<>();
    private WhenChain chain;

    Switch(Component owner, Value selector, SourceLocation location) {
        this.owner = owner;
        this.selector = selector;
        this.location = location;
    }

    /** Runs {@code body} when the selector equals {@code value}. */
    public Switch is(long value, Runnable body) {
        return isAny(new long[] {value}, body);
    }

    /** Runs {@code body} when the selector equals either value. */
    public Switch is(long value1, long value2, Runnable body) {
        return isAny(new long[] {value1, value2}, body);
    }

    /** Runs {@code body} when the selector equals any of {@code values}. */
    public Switch isAny(long[] values, Runnable body) {
        SourceLocation at = SourceCapture.caller();
        Value hit = null;
        for (long v : values) {
            if (!seen.add(v)) {
                owner.reportError(at, "", "switch (at " + location + ") lists value " + v + " twice");
                continue;
            }
            if (!Values.fits(v, selector.type())) {
                owner.reportError(at, "", "switch value " + v + " does not fit the selector's " + selector.type());
                continue;
            }
            Value eq = selector.eq(Values.constant(v, selector.type()));
            hit = hit == null ? eq : hit.or(eq);
        }
        if (hit == null) return this;
        Value condition = hit;
        chain = chain == null ? owner.when(condition, body) : chain.elseWhen(condition, body);
        return this;
    }

    /** Runs {@code body} when no {@code is} matched. */
    public void otherwise(Runnable body) {
        if (chain == null) {
            body.run();
        } else {
            chain.otherwise(body);
        }
    }
}
