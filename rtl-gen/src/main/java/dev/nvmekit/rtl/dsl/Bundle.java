package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of signals declared together from a {@link BundleSpec}, flattened to signals named
 * {@code <prefix>_<field>} (the NVMe contract's {@code cmd_valid}, {@code cmd_sqid}; SpinalHDL's
 * {@code io_x_payload_y} is prefix {@code io_x} with a field {@code payload_y}). A bundle
 * declared as an input port has its forward fields as inputs and its flipped fields as
 * outputs; an output bundle the reverse; a wire bundle is all wires.
 *
 * <p>A child instance's bundle is usable from its parent like its ports: read its outputs,
 * {@link #connectFrom} it to or from the parent's own bundles or another child's.
 */
public final class Bundle {
    private final Component owner;
    private final String prefix;
    private final BundleSpec spec;
    private final Map<String, Signal> signals;

    Bundle(Component owner, String prefix, BundleSpec spec, Map<String, Signal> signals) {
        this.owner = owner;
        this.prefix = prefix;
        this.spec = spec;
        this.signals = new LinkedHashMap<>(signals);
    }

    /** The common name prefix of the bundle's signals. */
    public String prefix() {
        return prefix;
    }

    /** The bundle's shape. */
    public BundleSpec spec() {
        return spec;
    }

    /** The component that declares the bundle's signals. */
    public Component owner() {
        return owner;
    }

    /** The signal of field {@code field}; an unknown field is an error at the caller's line. */
    public Signal get(String field) {
        Signal s = signals.get(field);
        if (s == null) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), owner.moduleBaseName(), prefix,
                    "bundle '" + prefix + "' has no field '" + field + "'; its fields are " + spec.describe())));
        }
        return s;
    }

    /** The signals in field order. */
    public List<Signal> signals() {
        return List.copyOf(signals.values());
    }

    /** The forward fields packed into one value, the first field in the most significant bits. */
    public Value asBits() {
        List<Value> parts = new ArrayList<>();
        for (BundleSpec.Field f : spec.fields()) {
            if (!f.flipped()) parts.add(signals.get(f.name()).asUnsigned());
        }
        if (parts.isEmpty()) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), owner.moduleBaseName(), prefix,
                    "bundle '" + prefix + "' has no forward fields to pack")));
        }
        return Values.concat(parts);
    }

    /** Drives the forward fields from a value packed as {@link #asBits()} packs them. */
    public void setFromBits(Value bits) {
        SourceLocation at = SourceCapture.caller();
        if (bits.width() != spec.forwardWidth()) {
            owner.reportError(at, prefix, "bundle '" + prefix + "' packs into " + spec.forwardWidth()
                    + " bits but is set from " + bits.width() + " bits");
            return;
        }
        int hi = bits.width() - 1;
        for (BundleSpec.Field f : spec.fields()) {
            if (f.flipped()) continue;
            Signal s = signals.get(f.name());
            Value part = bits.asUnsigned().slice(hi, hi - f.width() + 1);
            s.owner().assign(s, f.signed() ? part.asSigned() : part, at);
            hi -= f.width();
        }
    }

    /**
     * Connects this bundle to {@code source}: each forward field of this bundle is driven by the
     * source's, and each flipped field of the source by this bundle's. The two specs must have
     * the same fields (names, widths, signedness, directions) in the same order.
     */
    public void connectFrom(Bundle source) {
        SourceLocation at = SourceCapture.caller();
        if (!spec.equals(source.spec)) {
            Component reporter = source.owner == owner.parentComponent() ? source.owner : owner;
            reporter.reportError(at, prefix, "cannot connect bundle '" + prefix + "' " + spec.describe()
                    + " from bundle '" + source.prefix + "' " + source.spec.describe() + "; their fields differ");
            return;
        }
        for (BundleSpec.Field f : spec.fields()) {
            Signal mine = signals.get(f.name());
            Signal theirs = source.signals.get(f.name());
            if (f.flipped()) {
                theirs.owner().assign(theirs, mine, at);
            } else {
                mine.owner().assign(mine, theirs, at);
            }
        }
    }

    @Override
    public String toString() {
        return "bundle " + prefix + " " + spec.describe();
    }
}
