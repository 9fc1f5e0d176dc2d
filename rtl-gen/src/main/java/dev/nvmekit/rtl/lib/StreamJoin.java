package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.dsl.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Waits until all {@code n} input streams are valid and passes them on as one transfer whose
 * payload holds every input's fields. Ports: streams {@code in_0..in_<n-1>} (each with its own
 * payload), stream {@code out} with payload {@link #joined} of the inputs' (field names must
 * be distinct across inputs). All inputs and the output fire on the same edge.
 */
public final class StreamJoin extends Component {
    /** The inputs, {@code in_0..}. */
    public final List<Stream<Bundle>> inputs;
    /** The joined stream. */
    public final Stream<Bundle> out;

    /** A join of streams with the given payloads (at least one). */
    public StreamJoin(List<BundleSpec> payloads) {
        parameter("n", payloads.size());
        parameter("width", payloads.stream().mapToInt(BundleSpec::forwardWidth).sum());
        require(!payloads.isEmpty(), "a stream join needs at least 1 input");
        Set<String> seen = new HashSet<>();
        String clash = null;
        for (BundleSpec p : payloads) for (BundleSpec.Field f : p.fields()) if (!seen.add(f.name())) clash = f.name();
        require(clash == null, "the joined inputs both have a payload field '" + clash + "'; join needs distinct field names");
        List<Stream<Bundle>> ins = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) ins.add(streamIn("in_" + i, payloads.get(i)));
        inputs = List.copyOf(ins);
        out = streamOut("out", clash == null ? joined(payloads) : BundleSpec.empty());

        Value allValid = bool(true);
        for (Stream<Bundle> s : inputs) allValid = allValid.and(s.valid);
        out.valid.set(allValid);
        for (Stream<Bundle> s : inputs) {
            s.ready.set(out.fire());
            if (clash == null) for (BundleSpec.Field f : s.payloadSpec().fields()) out.payload(f.name()).set(s.payload(f.name()));
        }
    }

    /** The payload of the joined stream: every input's fields, in input order. */
    public static BundleSpec joined(List<BundleSpec> payloads) {
        List<BundleSpec.Field> all = new ArrayList<>();
        for (BundleSpec p : payloads) all.addAll(p.fields());
        return new BundleSpec(all);
    }
}
