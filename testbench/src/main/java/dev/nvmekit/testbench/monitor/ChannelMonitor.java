package dev.nvmekit.testbench.monitor;

import dev.nvmekit.sim.Simulator;
import dev.nvmekit.testbench.bench.CycleAgent;
import dev.nvmekit.testbench.port.FrontendPorts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A passive monitor of one valid/ready channel: records each transfer in the trace and, while the
 * source holds valid without a transfer, checks that valid and the payload stay as they were
 * (AXI handshake rule, contract §3), recording an {@code UNSTABLE} event when they do not. A
 * transfer that waited carries the cycle its valid rose as the extra field {@code valid_since}.
 * Payload ports the design lacks are left out, so partial test designs can be monitored too.
 */
public final class ChannelMonitor implements CycleAgent {
    private final FrontendPorts.Channel channel;
    private final Trace trace;
    private final Simulator.SignalInfo valid, ready;
    private final List<Simulator.SignalInfo> payload = new ArrayList<>();
    private Map<String, BigInteger> held; // payload offered in an earlier cycle and not yet taken
    private long offeredSince;           // cycle valid rose for the payload in {@code held}

    public ChannelMonitor(Simulator sim, FrontendPorts.Channel channel, Trace trace) {
        this.channel = channel;
        this.trace = trace;
        this.valid = sim.signal(channel.valid());
        this.ready = sim.signal(channel.ready());
        List<String> names = sim.signals().stream().map(Simulator.SignalInfo::path).toList();
        for (String p : channel.payload()) if (names.contains(p)) payload.add(sim.signal(p));
    }

    @Override
    public void drive(Simulator sim) {
    }

    @Override
    public void sample(Simulator sim) {
        boolean v = sim.peek(valid) == 1;
        if (!v) {
            if (held != null) trace.add(new TraceEvent(sim.cycle(), TraceEvent.Kind.UNSTABLE, channel.name(), held));
            held = null;
            return;
        }
        Map<String, BigInteger> now = new LinkedHashMap<>();
        for (Simulator.SignalInfo s : payload) now.put(s.path(), sim.peekBig(s));
        if (held != null && !held.equals(now)) trace.add(new TraceEvent(sim.cycle(), TraceEvent.Kind.UNSTABLE, channel.name(), held));
        if (held == null || !held.equals(now)) offeredSince = sim.cycle();
        if (sim.peek(ready) == 1) {
            // A transfer that waited for ready says since when it was offered (field valid_since),
            // so a checker can tell a request made before an event from one made after it.
            if (offeredSince < sim.cycle()) now.put("valid_since", BigInteger.valueOf(offeredSince));
            trace.add(new TraceEvent(sim.cycle(), TraceEvent.Kind.TRANSFER, channel.name(), now));
            held = null;
        } else {
            held = now;
        }
    }
}
