package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.math.BigInteger;

/**
 * Picks one of {@code n} requesters, rotating priority so that none waits forever.
 *
 * <p>Ports: {@code request} (in, n bits, one per requester), {@code advance} (in, 1 bit: the
 * granted requester is served this cycle), {@code grant} (out, n bits, one-hot or 0),
 * {@code grant_index} (out, the granted requester's number), {@code grant_valid} (out, some
 * request is granted). The grant is combinational from {@code request}; priority changes only
 * on an edge where {@code advance} and {@code grant_valid} are 1: the winner becomes the lowest
 * priority, the requester after it the highest. A requester that keeps requesting is therefore
 * granted within {@code n - 1} advances of others. After reset requester 0 has priority.
 */
public final class RoundRobinArbiter extends Component {
    /** One request bit per requester. */
    public final Signal request;
    /** Advance the priority past the current winner. */
    public final Signal advance;
    /** The winner, one-hot (0 when nobody requests). */
    public final Signal grant;
    /** The winner's number. */
    public final Signal grantIndex;
    /** Whether anybody is granted. */
    public final Signal grantValid;

    /** An arbiter for {@code n} (1 or more) requesters. */
    public RoundRobinArbiter(int n) {
        parameter("n", n);
        require(n >= 1, "a round-robin arbiter needs at least 1 requester, got " + n);
        int count = Math.max(1, n);
        request = in("request", count);
        advance = in("advance", 1);
        grant = out("grant", count);
        grantIndex = out("grant_index", indexWidth(count));
        grantValid = out("grant_valid", 1);

        // Requesters strictly above the last winner go first; the lowest set bit wins.
        Reg above = reg("priority_mask", count).init(BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE));
        Signal masked = named("masked_request", request.and(above));
        Value candidates = masked.orR().select(masked, request);
        grant.set(candidates.and(candidates.neg()));
        grantValid.set(request.orR());
        grantIndex.set(oneHotToIndex(grant, grantIndex.width()));
        when(advance.and(grantValid), () -> above.set(grant.or(grant.sub(1)).not()));
    }

    /** Bits for a number 0..n-1 (at least 1). */
    static int indexWidth(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    }

    private Value oneHotToIndex(Value oneHot, int width) {
        Value index = lit(0, width);
        for (int i = 1; i < oneHot.width(); i++) {
            index = index.or(oneHot.bit(i).replicate(width).and(lit(i, width)));
        }
        return index;
    }
}
