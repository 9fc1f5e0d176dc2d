package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares the signals behind bundles, streams and vectors for {@link Component}'s factories:
 * {@code <prefix>_<field>} for bundle fields (ports or wires by direction and flip) and
 * {@code <name>_<i>} for vector elements.
 */
final class Declarations {
    private Declarations() {
    }

    static Vec<Signal> vec(Component c, String name, int count, int width, Signal.Kind kind, SourceLocation at) {
        List<Signal> elements = new ArrayList<>();
        for (int i = 0; i < vecCount(c, name, count, at); i++) {
            Signal s = c.declare(kind, name + "_" + i, c.checkedType(width, false), at);
            if (kind != Signal.Kind.WIRE) c.ports().add(s);
            elements.add(s);
        }
        return new Vec<>(name, elements);
    }

    static int vecCount(Component c, String name, int count, SourceLocation at) {
        if (count >= 1) return count;
        c.reportError(at, name, "vector '" + name + "' needs at least 1 element, got " + count);
        return 1;
    }

    static <T> Stream<T> stream(Component c, String prefix, PayloadType<T> type, Signal.Kind forward, Signal.Kind back, SourceLocation at) {
        BundleSpec payload = type.spec();
        String problem = Stream.payloadProblem(payload);
        if (problem != null) {
            c.reportError(at, prefix, "stream '" + prefix + "': " + problem);
            // Declare only the fields that can be payload; the error above already stops elaboration.
            BundleSpec usable = new BundleSpec(payload.fields().stream().filter(f -> !f.flipped()
                    && !f.name().equals(Stream.VALID) && !f.name().equals(Stream.READY)).toList());
            return new Stream<>(bundle(c, prefix, Stream.handshake(usable), forward, back, at), PayloadType.of(usable, type::view));
        }
        return new Stream<>(bundle(c, prefix, Stream.handshake(payload), forward, back, at), type);
    }

    /** Signals {@code <prefix>_<field>} (just {@code <field>} for an empty prefix). */
    static Bundle bundle(Component c, String prefix, BundleSpec spec, Signal.Kind forward, Signal.Kind back, SourceLocation at) {
        Map<String, Signal> fields = new LinkedHashMap<>();
        for (BundleSpec.Field f : spec.fields()) {
            Signal.Kind kind = f.flipped() ? back : forward;
            Signal s = c.declare(kind, prefix.isEmpty() ? f.name() : prefix + "_" + f.name(), c.checkedType(f.width(), f.signed()), at);
            if (kind != Signal.Kind.WIRE) c.ports().add(s);
            fields.putIfAbsent(f.name(), s); // a repeated field name is reported by declare() as a duplicate
        }
        return new Bundle(c, prefix, spec, fields);
    }
}
