package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.check.Diagnostic;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.Iterator;
import java.util.List;

/**
 * A vector of signals of one type, named {@code <name>_0}, {@code <name>_1}...: ports, wires or
 * registers declared together ({@code inVec}, {@code outVec}, {@code wireVec}, {@code regVec}).
 * Elements are used one by one ({@link #get}) or by a hardware index ({@link #read},
 * {@link #set(Value, Value)}).
 *
 * @param <S> the element kind: {@link Signal}, or {@link Reg} for a register vector
 */
public final class Vec<S extends Signal> implements Iterable<S> {
    private final String name;
    private final List<S> elements;

    Vec(String name, List<S> elements) {
        this.name = name;
        this.elements = List.copyOf(elements);
    }

    /** The vector's base name. */
    public String name() {
        return name;
    }

    /** Number of elements. */
    public int size() {
        return elements.size();
    }

    /** Element {@code i}; an index out of range is an error at the caller's line. */
    public S get(int i) {
        if (i < 0 || i >= elements.size()) {
            throw new DesignException(List.of(Diagnostic.error(SourceCapture.errorSite(SourceCapture.caller()), elements.getFirst().owner().moduleBaseName(),
                    name, "index " + i + " is outside vector '" + name + "' of " + elements.size() + " elements")));
        }
        return elements.get(i);
    }

    /** The elements in index order. */
    public List<S> elements() {
        return elements;
    }

    /** Width needed for an index that reaches every element. */
    public int indexWidth() {
        return Values.bitsFor(Math.max(0, elements.size() - 1));
    }

    /** The element at a hardware index (unsigned); an index past the end reads 0. */
    public Value read(Value index) {
        SignalType t = elements.getFirst().type();
        Value result = Values.constant(0, t);
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (index.width() < 63 && i >= (1L << index.width())) continue;
            result = Values.mux(index.eq(Values.constant(i, index.type())), elements.get(i), result);
        }
        return result;
    }

    /**
     * Assigns {@code value} to the element at a hardware index (under the enclosing
     * conditions); the other elements are untouched. An index past the end assigns nothing.
     */
    public void set(Value index, Value value) {
        SourceLocation at = SourceCapture.caller();
        S first = elements.getFirst();
        Component assigner = first.kind() == Signal.Kind.INPUT && first.owner().parentComponent() != null
                ? first.owner().parentComponent() : first.owner();
        for (int i = 0; i < elements.size(); i++) {
            if (index.width() < 63 && i >= (1L << index.width())) break;
            S e = elements.get(i);
            WhenChain.start(assigner, index.eq(Values.constant(i, index.type())), () -> e.owner().assign(e, value, at), at);
        }
    }

    /** All elements packed into one value, element 0 in the least significant bits. */
    public Value asBits() {
        return Values.concat(elements.reversed().stream().map(Value::asUnsigned).toList());
    }

    @Override
    public Iterator<S> iterator() {
        return elements.iterator();
    }

    @Override
    public String toString() {
        return "vec " + name + "[" + elements.size() + "]";
    }
}
