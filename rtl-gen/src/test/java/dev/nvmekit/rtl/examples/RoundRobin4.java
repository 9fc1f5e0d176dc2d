package dev.nvmekit.rtl.examples;

import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Reg;
import dev.nvmekit.rtl.dsl.Signal;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.List;

/** Golden example: a four-way round-robin arbiter with a registered last grant. */
public final class RoundRobin4 extends Component {
    public RoundRobin4() {
        Signal request = in("request", 4);
        Signal grant = out("grant", 4);
        Signal grantValid = out("grant_valid", 1);
        Reg last = reg("last", 2).init(3);

        // Priority rotates: requester last+1 first. Build the four candidate orders and pick by last.
        List<Value> choices = new ArrayList<>();
        for (int start = 1; start <= 4; start++) {
            Value pick = lit(0, 4);
            for (int k = 3; k >= 0; k--) {
                int idx = (start + k) % 4;
                pick = mux(request.bit(idx), lit(1L << idx, 4), pick);
            }
            choices.add(pick);
        }
        Signal chosen = named("chosen", pick(last, choices));
        grant.set(chosen);
        grantValid.set(request.orR());
        when(request.orR(), () -> last.set(
                mux(chosen.bit(0), lit(0, 2), mux(chosen.bit(1), lit(1, 2), mux(chosen.bit(2), lit(2, 2), lit(3, 2))))));
    }
}
