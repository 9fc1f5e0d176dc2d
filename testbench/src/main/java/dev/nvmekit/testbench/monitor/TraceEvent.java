package dev.nvmekit.testbench.monitor;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a transaction trace: at {@code cycle}, on {@code channel}, something of
 * {@code kind} happened with these payload {@code fields} (port name → value).
 */
public record TraceEvent(long cycle, Kind kind, String channel, Map<String, BigInteger> fields) {

    /** What a trace line records. */
    public enum Kind {
        /** A valid/ready handshake: the payload moved at this cycle's rising edge. */
        TRANSFER,
        /** A level signal (§3.9) changed to the value in the fields. */
        LEVEL,
        /** A source dropped valid or changed its payload before the handshake (fields: what it showed then). */
        UNSTABLE
    }

    public TraceEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A field's value, failing with the event in the message when it is missing. */
    public BigInteger big(String field) {
        BigInteger v = fields.get(field);
        if (v == null) throw new IllegalArgumentException("trace event has no field " + field + ": " + this);
        return v;
    }

    /** A field of at most 64 bits. */
    public long get(String field) {
        return big(field).longValue();
    }

    /** A field or {@code otherwise} when the design has no such port. */
    public long getOr(String field, long otherwise) {
        BigInteger v = fields.get(field);
        return v == null ? otherwise : v.longValue();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(cycle).append(' ').append(kind.name().toLowerCase()).append(' ').append(channel);
        fields.forEach((k, v) -> s.append(' ').append(k).append("=").append(v.toString(16)));
        return s.toString();
    }
}
