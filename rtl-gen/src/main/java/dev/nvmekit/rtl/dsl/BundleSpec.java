package dev.nvmekit.rtl.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a {@link Bundle}: an ordered list of named fields, each with a width, a
 * signedness and a direction relative to the bundle ({@code flipped} fields travel the other
 * way, like a stream's {@code ready}). A spec is plain data; the signals are made when a
 * component declares a bundle of it ({@code inBundle}, {@code outBundle}, {@code wireBundle}),
 * named {@code <prefix>_<field>}. Field names and widths are checked there and reported at the
 * user's line.
 *
 * <pre>{@code
 * BundleSpec cmd = BundleSpec.of(Field.of("sqid", 16), Field.of("sqe", 512));
 * }</pre>
 */
public record BundleSpec(List<Field> fields) {

    /** One field: {@code flipped} means it flows against the bundle's direction. */
    public record Field(String name, int width, boolean signed, boolean flipped) {
        public Field {
            Objects.requireNonNull(name, "field name");
        }

        /** An unsigned field in the bundle's direction. */
        public static Field of(String name, int width) {
            return new Field(name, width, false, false);
        }

        /** A signed field in the bundle's direction. */
        public static Field signed(String name, int width) {
            return new Field(name, width, true, false);
        }

        /** An unsigned field flowing against the bundle's direction. */
        public static Field flipped(String name, int width) {
            return new Field(name, width, false, true);
        }

        /** The same field with its direction reversed. */
        public Field flip() {
            return new Field(name, width, signed, !flipped);
        }
    }

    public BundleSpec {
        fields = List.copyOf(fields);
    }

    /** A spec of the given fields, in order. */
    public static BundleSpec of(Field... fields) {
        return new BundleSpec(List.of(fields));
    }

    /** A spec with one unsigned field (a stream of plain words). */
    public static BundleSpec word(String name, int width) {
        return of(Field.of(name, width));
    }

    /** A spec with no fields (a stream that carries only its handshake). */
    public static BundleSpec empty() {
        return new BundleSpec(List.of());
    }

    /** The field called {@code name}, if any. */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** This spec with {@code more} fields appended. */
    public BundleSpec with(Field... more) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(List.of(more));
        return new BundleSpec(all);
    }

    /** This spec with every field's direction reversed (the other end's view). */
    public BundleSpec flip() {
        return new BundleSpec(fields.stream().map(Field::flip).toList());
    }

    /** Total width of the fields in the bundle's direction (what {@link Bundle#asBits} packs). */
    public int forwardWidth() {
        return fields.stream().filter(f -> !f.flipped()).mapToInt(Field::width).sum();
    }

    /** Whether no field flows against the bundle. */
    public boolean allForward() {
        return fields.stream().noneMatch(Field::flipped);
    }

    /** A short description for messages: {@code {sqid:16, ~ready:1}}. */
    public String describe() {
        StringBuilder b = new StringBuilder("{");
        for (Field f : fields) {
            if (b.length() > 1) b.append(", ");
            b.append(f.flipped() ? "~" : "").append(f.name()).append(':').append(f.signed() ? "s" : "").append(f.width());
        }
        return b.append('}').toString();
    }
}
