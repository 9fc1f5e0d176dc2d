package dev.nvmekit.waveforms.render;

import dev.nvmekit.waveforms.LogicValue;
import dev.nvmekit.waveforms.Signal;
import dev.nvmekit.waveforms.SignalValue;
import dev.nvmekit.waveforms.Waveform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cycles in which a valid/ready handshake transfers data: valid and ready both 1 just
 * before a rising clock edge, as the receiving flip-flops see them.
 */
public final class ValidReadyTransfers {

    /**
     * One transfer: the cycle from the previous edge to the edge that completes it.
     *
     * @param cycleStart time of the previous rising edge (or one period before the first edge)
     * @param edge time of the rising edge at which the transfer happens
     */
    public record Transfer(long cycleStart, long edge) {
    }

    private ValidReadyTransfers() {
    }

    /**
     * The ready signal paired with {@code validPath}: the same path with a trailing {@code valid}
     * replaced by {@code ready} (matching its case), when the dump has it.
     */
    public static Optional<Signal> readyFor(Waveform waveform, String validPath) {
        String lower = validPath.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith("valid")) {
            return Optional.empty();
        }
        String stem = validPath.substring(0, validPath.length() - 5);
        String tail = validPath.substring(validPath.length() - 5);
        String ready = tail.equals("VALID") ? "READY" : Character.isUpperCase(tail.charAt(0)) ? "Ready" : "ready";
        return waveform.signal(stem + ready);
    }

    /** Transfers of the pair at the given rising edges, in time order. */
    public static List<Transfer> find(Signal valid, Signal ready, long[] edges) {
        List<Transfer> transfers = new ArrayList<>();
        for (int k = 0; k < edges.length; k++) {
            if (isOne(valid.valueBefore(edges[k])) && isOne(ready.valueBefore(edges[k]))) {
                long start = k > 0 ? edges[k - 1] : edges.length > 1 ? edges[0] - (edges[1] - edges[0]) : edges[0];
                transfers.add(new Transfer(Math.max(0, start), edges[k]));
            }
        }
        return transfers;
    }

    private static boolean isOne(SignalValue v) {
        return v instanceof LogicValue l && l.isOne();
    }
}
