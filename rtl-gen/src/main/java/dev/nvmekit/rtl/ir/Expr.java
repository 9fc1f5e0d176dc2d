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
 * Every node also carries the {@link SourceLocation} it was built at (see {@link #at()}); it
 * is metadata for diagnostics, excluded from equality. Each record also has a constructor
 * without it, for nodes built by tools rather than by user code: their location is
 * {@link SourceLocation#UNKNOWN}.
 */
public sealed interface Expr
        permits Expr.Ref, Expr.Literal, Expr.Unary, Expr.Binary, Expr.Mux, Expr.Concat,
                Expr.Slice, Expr.Extend, Expr.Cast, Expr.MemRead {

    /** The type of the value this expression computes. */
    SignalType type();

    /**
     * Where in the user's Java source this node was built, or {@link SourceLocation#UNKNOWN} for
     * nodes synthesised by tools. Not part of the node's value: {@code equals} and
     * {@code hashCode} ignore it, so equal trees built on different lines stay equal.
     */
    SourceLocation at();

    /** This node with its location replaced by {@code where} (its operands unchanged). */
    Expr located(SourceLocation where);

    /** Width in bits of {@link #type()}. */
    default int width() {
        return type().width();
    }

    /** A read of a named signal (port, wire, register or sync-read memory port) of the module. */
    record Ref(String name, SignalType type, SourceLocation at) implements Expr {
        public Ref {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public Ref(String name, SignalType type) {
            this(name, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Ref located(SourceLocation where) {
            return new Ref(name, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }
    }

    /** A constant; {@code value} is held as the non-negative bit pattern of {@code type}. */
    record Literal(BigInteger value, SignalType type, SourceLocation at) implements Expr {
        public Literal {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(type, "type");
            if (value.signum() < 0 || value.bitLength() > type.width()) {
                throw new IllegalArgumentException("literal bit pattern " + value + " does not fit " + type);
            }
        }

        public Literal(BigInteger value, SignalType type) {
            this(value, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Literal located(SourceLocation where) {
            return new Literal(value, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }

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
    record Unary(UnaryOp op, Expr operand, SignalType type, SourceLocation at) implements Expr {
        public Unary {
            Objects.requireNonNull(at, "at");
            SignalType expected = switch (op) {
                case NOT, NEG -> operand.type();
                case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> SignalType.BIT;
            };
            if (!expected.equals(type)) {
                throw new IllegalArgumentException(op + " of " + operand.type() + " gives " + expected + ", not " + type);
            }
        }

        public Unary(UnaryOp op, Expr operand, SignalType type) {
            this(op, operand, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Unary located(SourceLocation where) {
            return new Unary(op, operand, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }

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
    record Binary(BinaryOp op, Expr left, Expr right, SignalType type, SourceLocation at) implements Expr {
        public Binary {
            Objects.requireNonNull(at, "at");
            SignalType expected = resultType(op, left.type(), right.type());
            if (!expected.equals(type)) {
                throw new IllegalArgumentException(op + " gives " + expected + ", not " + type);
            }
        }

        public Binary(BinaryOp op, Expr left, Expr right, SignalType type) {
            this(op, left, right, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Binary located(SourceLocation where) {
            return new Binary(op, left, right, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }

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
    record Mux(Expr select, Expr whenTrue, Expr whenFalse, SignalType type, SourceLocation at) implements Expr {
        public Mux {
            Objects.requireNonNull(at, "at");
            if (select.width() != 1) throw new IllegalArgumentException("mux select must be 1 bit, got " + select.type());
            if (!whenTrue.type().equals(whenFalse.type()) || !whenTrue.type().equals(type)) {
                throw new IllegalArgumentException("mux arms differ: " + whenTrue.type() + " and " + whenFalse.type());
            }
        }

        public Mux(Expr select, Expr whenTrue, Expr whenFalse, SignalType type) {
            this(select, whenTrue, whenFalse, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Mux located(SourceLocation where) {
            return new Mux(select, whenTrue, whenFalse, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }

        public static Mux of(Expr select, Expr whenTrue, Expr whenFalse) {
            return new Mux(select, whenTrue, whenFalse, whenTrue.type());
        }
    }

    /** Concatenation, most significant part first (as in Verilog's {@code {a, b}}); unsigned. */
    record Concat(List<Expr> parts, SignalType type, SourceLocation at) implements Expr {
        public Concat {
            Objects.requireNonNull(at, "at");
            parts = List.copyOf(parts);
            if (parts.isEmpty()) throw new IllegalArgumentException("empty concatenation");
            int w = parts.stream().mapToInt(Expr::width).sum();
            if (type.width() != w || type.signed()) {
                throw new IllegalArgumentException("concatenation of " + w + " bits has type " + SignalType.unsigned(w));
            }
        }

        public Concat(List<Expr> parts, SignalType type) {
            this(parts, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Concat located(SourceLocation where) {
            return new Concat(parts, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }

        public static Concat of(List<Expr> parts) {
            return new Concat(parts, SignalType.unsigned(parts.stream().mapToInt(Expr::width).sum()));
        }
    }

    /** Bits {@code hi..lo} (inclusive) of the operand; unsigned. */
    record Slice(Expr operand, int hi, int lo, SignalType type, SourceLocation at) implements Expr {
        public Slice {
            Objects.requireNonNull(at, "at");
            if (lo < 0 || hi < lo || hi >= operand.width()) {
                throw new IllegalArgumentException("slice [" + hi + ":" + lo + "] outside " + operand.type());
            }
            if (!type.equals(SignalType.unsigned(hi - lo + 1))) {
                throw new IllegalArgumentException("slice [" + hi + ":" + lo + "] has type UInt(" + (hi - lo + 1) + ")");
            }
        }

        public Slice(Expr operand, int hi, int lo, SignalType type) {
            this(operand, hi, lo, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Slice located(SourceLocation where) {
            return new Slice(operand, hi, lo, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }

        public static Slice of(Expr operand, int hi, int lo) {
            return new Slice(operand, hi, lo, SignalType.unsigned(hi - lo + 1));
        }
    }

    /** Widening to {@code type.width()} bits: sign extension for signed operands, zero otherwise. */
    record Extend(Expr operand, SignalType type, SourceLocation at) implements Expr {
        public Extend {
            Objects.requireNonNull(at, "at");
            if (type.signed() != operand.type().signed() || type.width() <= operand.width()) {
                throw new IllegalArgumentException("cannot extend " + operand.type() + " to " + type);
            }
        }

        public Extend(Expr operand, SignalType type) {
            this(operand, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Extend located(SourceLocation where) {
            return new Extend(operand, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }
    }

    /** Reinterpretation of the same bits as signed or unsigned ({@code $signed}/{@code $unsigned}). */
    record Cast(Expr operand, SignalType type, SourceLocation at) implements Expr {
        public Cast {
            Objects.requireNonNull(at, "at");
            if (type.width() != operand.width()) {
                throw new IllegalArgumentException("cast changes width: " + operand.type() + " to " + type);
            }
        }

        public Cast(Expr operand, SignalType type) {
            this(operand, type, SourceLocation.UNKNOWN);
        }

        @Override
        public Cast located(SourceLocation where) {
            return new Cast(operand, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }
    }

    /** Asynchronous (combinational) read of a memory word. */
    record MemRead(String memory, Expr address, SignalType type, SourceLocation at) implements Expr {
        public MemRead {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(memory, "memory");
            if (address.type().signed()) throw new IllegalArgumentException("memory address must be unsigned");
        }

        public MemRead(String memory, Expr address, SignalType type) {
            this(memory, address, type, SourceLocation.UNKNOWN);
        }

        @Override
        public MemRead located(SourceLocation where) {
            return new MemRead(memory, address, type, where);
        }

        @Override public boolean equals(Object o) { return ExprStructure.same(this, o); }
        @Override public int hashCode() { return ExprStructure.hash(this); }
    }
}
