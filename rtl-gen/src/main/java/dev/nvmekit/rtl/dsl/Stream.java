package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * A valid/ready handshake carrying a payload: the bundle {@code <prefix>_valid},
 * {@code <prefix>_ready} (flipped), then {@code <prefix>_<field>} for each payload field. A
 * transfer happens on a clock edge where both valid and ready are 1 ({@link #fire()}). The
 * usual rules apply (AXI4-Stream, SpinalHDL {@code Stream}): once valid is 1 the producer keeps
 * it and the payload unchanged until the transfer; valid must not wait for ready.
 *
 * <p>{@code T} is the Java type of the payload, given by a {@link PayloadType}: a class of your
 * own ({@code Stream<Cmd>}, then {@code s.payload().opcode}), one {@link Signal}
 * ({@code Stream<Signal>}) or the untyped {@link Bundle} ({@code Stream<Bundle>},
 * {@code s.payload().get("x")}). Declared by a component with {@code streamIn(prefix, type)} (a
 * stream it consumes), {@code streamOut} (one it produces) or {@code streamWire}; streams
 * connect when their payload fields are the same, whatever their Java types.
 *
 * @param <T> the Java type of the payload
 */
public final class Stream<T> {
    /** Field names of the handshake; a payload may not reuse them. */
    public static final String VALID = "valid";
    public static final String READY = "ready";

    /** 1 when the producer offers a payload. */
    public final Signal valid;
    /** 1 when the consumer takes it (flows against the stream). */
    public final Signal ready;
    private final Bundle bundle;
    private final BundleSpec payload;
    private final PayloadType<T> type;
    private final T view;

    Stream(Bundle bundle, PayloadType<T> type) {
        this.bundle = bundle;
        this.type = type;
        this.payload = type.spec();
        this.valid = bundle.get(VALID);
        this.ready = bundle.get(READY);
        java.util.Map<String, Signal> fields = new java.util.LinkedHashMap<>();
        for (BundleSpec.Field f : payload.fields()) fields.put(f.name(), bundle.get(f.name()));
        this.view = type.view(new Bundle(bundle.owner(), bundle.prefix(), payload, fields));
    }

    /** The payload as its Java type: your class's fields, the one {@link Signal}, or the {@link Bundle}. */
    public T payload() {
        return view;
    }

    /** The payload's type. */
    public PayloadType<T> payloadType() {
        return type;
    }

    /**
     * The same signals seen with another Java type of the same fields (e.g. a {@code Stream<Bundle>}
     * of an imported block as your {@code Stream<Cmd>}); different fields are an error at your line.
     */
    public <U> Stream<U> as(PayloadType<U> other) {
        if (!other.spec().equals(payload)) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), bundle.owner().moduleBaseName(),
                    bundle.prefix(), "stream '" + bundle.prefix() + "' " + payload.describe() + " cannot be seen as " + other.spec().describe()
                            + "; their fields differ")));
        }
        return new Stream<>(bundle, other);
    }

    /** The spec of a stream bundle: valid, flipped ready, then the payload fields. */
    static BundleSpec handshake(BundleSpec payload) {
        List<BundleSpec.Field> all = new ArrayList<>();
        all.add(BundleSpec.Field.of(VALID, 1));
        all.add(BundleSpec.Field.flipped(READY, 1));
        all.addAll(payload.fields());
        return new BundleSpec(all);
    }

    /** Why {@code payload} cannot be a stream payload, or null if it can. */
    static String payloadProblem(BundleSpec payload) {
        for (BundleSpec.Field f : payload.fields()) {
            if (f.name().equals(VALID) || f.name().equals(READY)) {
                return "payload field '" + f.name() + "' clashes with the stream's own " + f.name() + " signal; rename it";
            }
            if (f.flipped()) {
                return "payload field '" + f.name() + "' is flipped; a payload travels with valid, only ready flows back";
            }
        }
        return null;
    }

    /** The payload field {@code field} (whatever the payload's Java type). */
    public Signal payload(String field) {
        if (payload.field(field).isEmpty()) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), bundle.owner().moduleBaseName(),
                    bundle.prefix(), "stream '" + bundle.prefix() + "' has no payload field '" + field + "'; its payload is "
                            + payload.describe())));
        }
        return bundle.get(field);
    }

    /** The payload signals in field order. */
    public List<Signal> payloadSignals() {
        return payload.fields().stream().map(f -> bundle.get(f.name())).toList();
    }

    /** The payload's spec. */
    public BundleSpec payloadSpec() {
        return payload;
    }

    /** The payload packed into one value, the first field in the most significant bits. */
    public Value payloadBits() {
        if (payload.fields().isEmpty()) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), bundle.owner().moduleBaseName(),
                    bundle.prefix(), "stream '" + bundle.prefix() + "' has an empty payload; there are no bits to pack")));
        }
        return Values.concat(payloadSignals().stream().map(Value::asUnsigned).toList());
    }

    /** Drives the payload fields from a value packed as {@link #payloadBits()} packs them. */
    public void setPayloadBits(Value bits) {
        SourceLocation at = SourceCapture.caller();
        if (bits.width() != payload.forwardWidth()) {
            bundle.owner().reportError(at, bundle.prefix(), "the payload of stream '" + bundle.prefix() + "' packs into "
                    + payload.forwardWidth() + " bits but is set from " + bits.width() + " bits");
            return;
        }
        int hi = bits.width() - 1;
        for (BundleSpec.Field f : payload.fields()) {
            Signal s = bundle.get(f.name());
            Value part = bits.asUnsigned().slice(hi, hi - f.width() + 1);
            s.owner().assign(s, f.signed() ? part.asSigned() : part, at);
            hi -= f.width();
        }
    }

    /** Drives this stream's payload fields from {@code source}'s (valid and ready untouched). */
    public void setPayloadFrom(Stream<?> source) {
        SourceLocation at = SourceCapture.caller();
        if (!payload.equals(source.payload)) {
            bundle.owner().reportError(at, bundle.prefix(), "cannot copy the payload of stream '" + source.prefix() + "' "
                    + source.payload.describe() + " to stream '" + prefix() + "' " + payload.describe() + "; their fields differ");
            return;
        }
        for (BundleSpec.Field f : payload.fields()) {
            Signal mine = bundle.get(f.name());
            mine.owner().assign(mine, source.bundle.get(f.name()), at);
        }
    }

    /** 1 on a cycle where a transfer happens: valid and ready. */
    public Value fire() {
        return valid.and(ready);
    }

    /** Connects this stream to {@code source}: valid and payload from it, ready back to it. */
    public void connectFrom(Stream<?> source) {
        SourceLocation at = SourceCapture.caller();
        if (!payload.equals(source.payload)) {
            Component reporter = source.bundle.owner() == bundle.owner().parentComponent() ? source.bundle.owner() : bundle.owner();
            reporter.reportError(at, prefix(), "cannot connect stream '" + prefix() + "' " + payload.describe()
                    + " from stream '" + source.prefix() + "' " + source.payload.describe() + "; their payloads differ");
            return;
        }
        valid.owner().assign(valid, source.valid, at);
        source.ready.owner().assign(source.ready, ready, at);
        for (BundleSpec.Field f : payload.fields()) {
            Signal mine = bundle.get(f.name());
            mine.owner().assign(mine, source.bundle.get(f.name()), at);
        }
    }

    /** The stream as a bundle (valid, ready, payload). */
    public Bundle bundle() {
        return bundle;
    }

    /** The common prefix of the stream's signals. */
    public String prefix() {
        return bundle.prefix();
    }

    @Override
    public String toString() {
        return "stream " + prefix() + " " + payload.describe();
    }
}
