package dev.nvmekit.rtl.ir;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A combinational expression over the signals of one module. Every node knows its result
 * {@link SignalType}; constructors validate operand widths so that an ill-typed tree cannot
 * exist. Width rules (stated once, used by every backend):
 * <ul>
 *   <li>{@link Binary} arithmetic and bitwise operators take operands of equal type and give
 *       that type; {@code MUL} gives the sum of the widths; comparisons give one unsigned bit;
 *       shifts keep the left operand's type (bits shifted out are lost).</li>
 *   <li>{@link Extend} widens (zero or sign per the operand's signedness), {@link Slice}
 *       narrows; nothing truncates or widens implicitly.</li>
 * </ul>
 */
public sealed interface Expr
        permits Expr.Ref, Expr.Literal, Expr.Unary, Expr.Binary, Expr.Mux, Expr.Concat,
                Expr.Slice, Expr.Extend, Expr.Cast, Expr.MemRead {

    /** The type of the value this expression computes. */
    SignalType type();

    /** Width in bits of {@link #type()}. */
    default int width() {
        return type().width();
    }

    /** A read of a named signal (port, wire, register or sync-read memory port) of the module. */
    record Ref(String name, SignalType type) implements Expr {
        public Ref {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A constant; {@code value} is held as the non-negative bit pattern of {@code type}. */
    record Literal(BigInteger value, SignalType type) implements Expr {
        public Literal {
            Objects.requireNonNull(type, "type");
            if (value.signum() < 0 || value.bitLength() > type.width()) {
                throw new IllegalArgumentException("literal bit pattern " + value + " does not fit " + type);
            }
        }

        /** A literal holding {@code v} truncated to two's complement in {@code type}'s width. */
        public static Literal of(BigInteger v, SignalType type) {
            BigInteger mask = BigInteger.ONE.shiftLeft(type.width()).subtract(BigInteger.ONE);
            return new Literal(v.and(mask), type);
        }

        /** The value read as {@code type}'s signedness says. */
        public BigInteger signedValue() {
            if (type.signed() && value.testBit(type.width() - 1)) {
                return value.subtract(BigInteger.ONE.shiftLeft(type.width()));
            }
            return value;
        }
    }

    /** Operators with one operand. Reductions give one unsigned bit. */
    enum UnaryOp { NOT, NEG, AND_REDUCE, OR_REDUCE, XOR_REDUCE }

    /** A unary operator; see {@link UnaryOp}. */
    record Unary(UnaryOp op, Expr operand, SignalType type) implements Expr {
        public Unary {
            SignalType expected = switch (op) {
                case NOT, NEG -> operand.type();
                case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> SignalType.BIT;
            };
            if (!expected.equals(type)) {
                throw new IllegalArgumentException(op + " of " + operand.type() + " gives " + expected + ", not " + type);
            }
        }

        public static Unary of(UnaryOp op, Expr operand) {
            return new Unary(op, operand, switch (op) {
                case NOT, NEG -> operand.type();
                default -> SignalType.BIT;
            });
        }
    }

    /** Operators with two operands. */
    enum BinaryOp {
        ADD, SUB, MUL, AND, OR, XOR, EQ, NE, LT, LE, GT, GE,
        /** Shift left by the right operand (any unsigned width), keeping the left operand's width. */
        SHL,
        /** Shift right by the right operand: logical for unsigned, arithmetic for signed. */
        SHR;

        /** Whether the result is one unsigned bit. */
        public boolean isComparison() {
            return switch (this) {
                case EQ, NE, LT, LE, GT, GE -> true;
                default -> false;
            };
        }

        /** Whether the operator is a shift (operands may differ). */
        public boolean isShift() {
            return this == SHL || this == SHR;
        }
    }

    /** A binary operator with the width rules stated on {@link Expr}. */
    record Binary(BinaryOp op, Expr left, Expr right, SignalType type) implements Expr {
        public Binary {
            SignalType expected = resultType(op, left.type(), right.type());
            if (!expected.equals(type)) {
                throw new IllegalArgumentException(op + " gives " + expected + ", not " + type);
            }
        }

        public static Binary of(BinaryOp op, Expr left, Expr right) {
            return new Binary(op, left, right, resultType(op, left.type(), right.type()));
        }

        /** The result type of {@code op}, or an exception saying why the operands do not fit. */
        public static SignalType resultType(BinaryOp op, SignalType l, SignalType r) {
            if (op.isShift()) {
                if (r.signed()) throw new IllegalArgumentException("shift amount must be unsigned, got " + r);
                return l;
            }
            if (op == BinaryOp.MUL) {
                if (l.signed() != r.signed()) {
                    throw new IllegalArgumentException("MUL mixes " + l + " and " + r);
                }
                return new SignalType(l.width() + r.width(), l.signed());
            }
            if (!l.equals(r)) {
                throw new IllegalArgumentException(op + " needs operands of one type, got " + l + " and " + r);
            }
            return op.isComparison() ? SignalType.BIT : l;
        }
    }

    /** {@code select ? whenTrue : whenFalse}; the arms have one type, the select is one bit. */
    record Mux(Expr select, Expr whenTrue, Expr whenFalse, SignalType type) implements Expr {
        public Mux {
            if (select.width() != 1) throw new IllegalArgumentException("mux select must be 1 bit, got " + select.type());
            if (!whenTrue.type().equals(whenFalse.type()) || !whenTrue.type().equals(type)) {
                throw new IllegalArgumentException("mux arms differ: " + whenTrue.type() + " and " + whenFalse.type());
            }
        }

        public static Mux of(Expr select, Expr whenTrue, Expr whenFalse) {
            return new Mux(select, whenTrue, whenFalse, whenTrue.type());
        }
    }

    /** Concatenation, most significant part first (as in Verilog's {@code {a, b}}); unsigned. */
    record Concat(List<Expr> parts, SignalType type) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) throw new IllegalArgumentException("empty concatenation");
            int w = parts.stream().mapToInt(Expr::width).sum();
            if (type.width() != w || type.signed()) {
                throw new IllegalArgumentException("concatenation of " + w + " bits has type " + SignalType.unsigned(w));
            }
        }

        public static Concat of(List<Expr> parts) {
            return new Concat(parts, SignalType.unsigned(parts.stream().mapToInt(Expr::width).sum()));
        }
    }

    /** Bits {@code hi..lo} (inclusive) of the operand; unsigned. */
    record Slice(Expr operand, int hi, int lo, SignalType type) implements Expr {
        public Slice {
            if (lo < 0 || hi < lo || hi >= operand.width()) {
                throw new IllegalArgumentException("slice [" + hi + ":" + lo + "] outside " + operand.type());
            }
            if (!type.equals(SignalType.unsigned(hi - lo + 1))) {
                throw new IllegalArgumentException("slice [" + hi + ":" + lo + "] has type UInt(" + (hi - lo + 1) + ")");
            }
        }

        public static Slice of(Expr operand, int hi, int lo) {
            return new Slice(operand, hi, lo, SignalType.unsigned(hi - lo + 1));
        }
    }

    /** Widening to {@code type.width()} bits: sign extension for signed operands, zero otherwise. */
    record Extend(Expr operand, SignalType type) implements Expr {
        public Extend {
            if (type.signed() != operand.type().signed() || type.width() <= operand.width()) {
                throw new IllegalArgumentException("cannot extend " + operand.type() + " to " + type);
            }
        }
    }

    /** Reinterpretation of the same bits as signed or unsigned ({@code $signed}/{@code $unsigned}). */
    record Cast(Expr operand, SignalType type) implements Expr {
        public Cast {
            if (type.width() != operand.width()) {
                throw new IllegalArgumentException("cast changes width: " + operand.type() + " to " + type);
            }
        }
    }

    /** Asynchronous (combinational) read of a memory word. */
    record MemRead(String memory, Expr address, SignalType type) implements Expr {
        public MemRead {
            Objects.requireNonNull(memory, "memory");
            if (address.type().signed()) throw new IllegalArgumentException("memory address must be unsigned");
        }
    }
}
