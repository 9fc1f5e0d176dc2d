package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which named IR signal drives each bit of a Yosys netlist, and the IR expression for a list of
 * bits: runs of one signal's consecutive bits become slices (or the whole signal), constant
 * runs literals, and the pieces a concatenation. Undefined bits ({@code x}, {@code z}) read as
 * 0, the IR being two-state; so do bits nothing drives, which are collected for a warning.
 */
final class BitVectors {
    /** Bit {@code index} of the signal {@code name} of type {@code type}. */
    record Source(String name, int index, SignalType type) {
    }

    private final Map<Integer, Source> drivers = new HashMap<>();
    private final List<Integer> undriven = new ArrayList<>();

    /** Records that bits {@code bits} are bits 0.. of signal {@code name}; false if one already has a driver. */
    boolean drive(int[] bits, String name, SignalType type) {
        boolean ok = true;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] < 0) continue;
            if (drivers.putIfAbsent(bits[i], new Source(name, i, type)) != null) ok = false;
        }
        return ok;
    }

    /** The driver of net bit {@code bit}, or null. */
    Source driver(int bit) {
        return drivers.get(bit);
    }

    /** Whether {@code bits} are exactly the bits of one signal, in order. */
    String wholeSignal(int[] bits) {
        if (bits.length == 0 || bits[0] < 0) return null;
        Source s = drivers.get(bits[0]);
        if (s == null || s.type().width() != bits.length) return null;
        for (int i = 0; i < bits.length; i++) {
            Source b = bits[i] < 0 ? null : drivers.get(bits[i]);
            if (b == null || !b.name().equals(s.name()) || b.index() != i) return null;
        }
        return s.name();
    }

    /** Net bits read somewhere that nothing drives (each reads as 0). */
    List<Integer> undriven() {
        return undriven;
    }

    /** The unsigned expression for {@code bits} (bit 0 first, as Yosys lists them). */
    Expr vector(int[] bits) {
        if (bits.length == 0) throw new IllegalArgumentException("empty bit vector");
        List<Expr> parts = new ArrayList<>();
        int i = bits.length - 1;
        while (i >= 0) {
            Source s = bits[i] < 0 ? null : drivers.get(bits[i]);
            if (s == null) {
                int hi = i;
                BigInteger v = BigInteger.ZERO;
                while (i >= 0 && (bits[i] < 0 || drivers.get(bits[i]) == null)) {
                    if (bits[i] >= 0 && !undriven.contains(bits[i])) undriven.add(bits[i]);
                    v = v.shiftLeft(1);
                    if (bits[i] == YosysNetlist.ONE) v = v.setBit(0);
                    i--;
                }
                parts.add(new Expr.Literal(v, SignalType.unsigned(hi - i)));
                continue;
            }
            int hiIndex = s.index();
            int lo = s.index();
            i--;
            while (i >= 0 && bits[i] >= 0) {
                Source n = drivers.get(bits[i]);
                if (n == null || !n.name().equals(s.name()) || n.index() != lo - 1) break;
                lo--;
                i--;
            }
            Expr ref = unsigned(new Expr.Ref(s.name(), s.type()));
            parts.add(lo == 0 && hiIndex == s.type().width() - 1 ? ref : Expr.Slice.of(ref, hiIndex, lo));
        }
        return parts.size() == 1 ? parts.getFirst() : Expr.Concat.of(parts);
    }

    /** {@code bits} read as a signed or unsigned number. */
    Expr operand(int[] bits, boolean signed) {
        Expr e = vector(bits);
        return signed ? new Expr.Cast(e, SignalType.signed(e.width())) : e;
    }

    /** {@code e} as unsigned bits of the same width. */
    static Expr unsigned(Expr e) {
        return e.type().signed() ? new Expr.Cast(e, SignalType.unsigned(e.width())) : e;
    }

    /** {@code e} reinterpreted as {@code type} (same width). */
    static Expr as(Expr e, SignalType type) {
        return e.type().equals(type) ? e : new Expr.Cast(e, type);
    }

    /** {@code e} widened (sign- or zero-extended per its signedness) or truncated to {@code width}, keeping signedness. */
    static Expr resize(Expr e, int width) {
        if (e.width() == width) return e;
        if (e.width() < width) return new Expr.Extend(e, e.type().withWidth(width));
        Expr low = Expr.Slice.of(e, width - 1, 0);
        return e.type().signed() ? new Expr.Cast(low, SignalType.signed(width)) : low;
    }

    /** An unsigned literal. */
    static Expr literal(BigInteger value, int width) {
        return Expr.Literal.of(value, SignalType.unsigned(width));
    }
}
