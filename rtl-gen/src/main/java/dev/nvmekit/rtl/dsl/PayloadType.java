package dev.nvmekit.rtl.dsl;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link Stream} carries: the payload's fields ({@link BundleSpec}) and how the user's
 * Java type {@code T} is made from the declared payload signals, so that a {@code Stream<T>}
 * gives typed access ({@code cmd.payload().opcode}). Three kinds cover plain Java:
 * <pre>{@code
 * // Your own class: public final fields, built from the payload bundle.
 * final class Cmd {
 *     static final PayloadType<Cmd> TYPE = PayloadType.of(
 *             BundleSpec.of(Field.of("opcode", 8), Field.of("sqid", 16)), Cmd::new);
 *     final Signal opcode, sqid;
 *     Cmd(Bundle b) { opcode = b.get("opcode"); sqid = b.get("sqid"); }
 * }
 * Stream<Cmd> cmd = streamIn("cmd", Cmd.TYPE);       // cmd.payload().opcode
 * Stream<Signal> data = streamIn("in", PayloadType.signal("data", 32));   // data.payload()
 * Stream<Bundle> raw = streamIn("raw", PayloadType.bundle(spec));         // raw.payload().get("x")
 * }</pre>
 * Two payload types are compatible (streams connect) when their specs are equal.
 *
 * @param <T> the Java type through which the payload signals are used
 */
public final class PayloadType<T> {
    private final BundleSpec spec;
    private final Function<Bundle, T> view;

    private PayloadType(BundleSpec spec, Function<Bundle, T> view) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.view = Objects.requireNonNull(view, "view");
    }

    /** A payload of {@code spec}'s fields seen as {@code T}, which {@code view} builds from the payload bundle. */
    public static <T> PayloadType<T> of(BundleSpec spec, Function<Bundle, T> view) {
        return new PayloadType<>(spec, view);
    }

    /** A payload of {@code spec}'s fields used through the {@link Bundle} itself ({@code get(field)}). */
    public static PayloadType<Bundle> bundle(BundleSpec spec) {
        return new PayloadType<>(spec, b -> b);
    }

    /** A payload of one unsigned field {@code name} of {@code width} bits, used as that {@link Signal}. */
    public static PayloadType<Signal> signal(String name, int width) {
        return new PayloadType<>(BundleSpec.word(name, width), b -> b.get(name));
    }

    /** A payload with no fields: the stream is a handshake only (tokens). */
    public static PayloadType<Bundle> none() {
        return bundle(BundleSpec.empty());
    }

    /** The payload's fields. */
    public BundleSpec spec() {
        return spec;
    }

    /** The typed view of a declared payload bundle. */
    T view(Bundle payload) {
        return view.apply(payload);
    }

    @Override
    public String toString() {
        return "payload " + spec.describe();
    }
}
