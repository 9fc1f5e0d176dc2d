package dev.nvmekit.rtl.interop;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.Expr.BinaryOp;
import dev.nvmekit.rtl.ir.Expr.UnaryOp;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.Set;

/**
 * The IR expression of each combinational Yosys cell, following the cell library's semantics
 * (Yosys manual, "Internal cell library", and {@code techlibs/common/simlib.v}): an operand is
 * extended to the width the cell computes in, sign-extended only when its {@code A_SIGNED} /
 * {@code B_SIGNED} says so (binary arithmetic is signed only when both are), and the result is
 * truncated or zero-extended to {@code Y_WIDTH}. Every result is unsigned; signedness lives on
 * the operators, as in the cell library.
 */
final class CellExpressions {
    /** The cell types this class translates. */
    static final Set<String> TYPES = Set.of("$not", "$pos", "$neg", "$and", "$or", "$xor", "$xnor", "$add", "$sub", "$mul",
            "$eq", "$ne", "$eqx", "$nex", "$lt", "$le", "$gt", "$ge", "$logic_not", "$logic_and", "$logic_or",
            "$reduce_and", "$reduce_or", "$reduce_xor", "$reduce_xnor", "$reduce_bool", "$shl", "$shr", "$sshl", "$sshr",
            "$shift", "$shiftx", "$mux", "$pmux", "$bmux", "$bwmux");

    private CellExpressions() {
    }

    /** The value of the cell's {@code Y} output, unsigned and {@code Y} bits wide. */
    static Expr of(YosysNetlist.Cell c, BitVectors v) {
        int yw = c.port("Y").length;
        return switch (c.type()) {
            case "$mux" -> Expr.Mux.of(v.vector(c.port("S")), v.vector(c.port("B")), v.vector(c.port("A")));
            case "$pmux" -> pmux(c, v);
            case "$bmux" -> bmux(c, v);
            case "$bwmux" -> {
                Expr s = v.vector(c.port("S"));
                yield or(and(v.vector(c.port("A")), Expr.Unary.of(UnaryOp.NOT, s)), and(v.vector(c.port("B")), s));
            }
            default -> BitVectors.resize(BitVectors.unsigned(arithmetic(c, v, yw)), yw);
        };
    }

    private static Expr arithmetic(YosysNetlist.Cell c, BitVectors v, int yw) {
        boolean aSigned = c.flag("A_SIGNED");
        boolean bothSigned = aSigned && c.flag("B_SIGNED");
        return switch (c.type()) {
            case "$not" -> Expr.Unary.of(UnaryOp.NOT, a(c, v, aSigned, yw));
            case "$pos" -> a(c, v, aSigned, yw);
            case "$neg" -> Expr.Unary.of(UnaryOp.NEG, a(c, v, aSigned, yw));
            case "$and" -> Expr.Binary.of(BinaryOp.AND, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw));
            case "$or" -> Expr.Binary.of(BinaryOp.OR, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw));
            case "$xor" -> Expr.Binary.of(BinaryOp.XOR, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw));
            case "$xnor" -> Expr.Unary.of(UnaryOp.NOT, Expr.Binary.of(BinaryOp.XOR, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw)));
            case "$add" -> Expr.Binary.of(BinaryOp.ADD, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw));
            case "$sub" -> Expr.Binary.of(BinaryOp.SUB, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw));
            // The low Y_WIDTH bits of a product do not depend on signedness once both operands are extended to Y_WIDTH.
            case "$mul" -> Expr.Binary.of(BinaryOp.MUL, a(c, v, bothSigned, yw), b(c, v, bothSigned, yw));
            case "$eq", "$eqx" -> compare(c, v, BinaryOp.EQ, bothSigned);
            case "$ne", "$nex" -> compare(c, v, BinaryOp.NE, bothSigned);
            case "$lt" -> compare(c, v, BinaryOp.LT, bothSigned);
            case "$le" -> compare(c, v, BinaryOp.LE, bothSigned);
            case "$gt" -> compare(c, v, BinaryOp.GT, bothSigned);
            case "$ge" -> compare(c, v, BinaryOp.GE, bothSigned);
            case "$logic_not" -> Expr.Unary.of(UnaryOp.NOT, orReduce(v.vector(c.port("A"))));
            case "$logic_and" -> Expr.Binary.of(BinaryOp.AND, orReduce(v.vector(c.port("A"))), orReduce(v.vector(c.port("B"))));
            case "$logic_or" -> Expr.Binary.of(BinaryOp.OR, orReduce(v.vector(c.port("A"))), orReduce(v.vector(c.port("B"))));
            case "$reduce_and" -> Expr.Unary.of(UnaryOp.AND_REDUCE, v.vector(c.port("A")));
            case "$reduce_or", "$reduce_bool" -> orReduce(v.vector(c.port("A")));
            case "$reduce_xor" -> Expr.Unary.of(UnaryOp.XOR_REDUCE, v.vector(c.port("A")));
            case "$reduce_xnor" -> Expr.Unary.of(UnaryOp.NOT, Expr.Unary.of(UnaryOp.XOR_REDUCE, v.vector(c.port("A"))));
            case "$shl", "$sshl" -> shift(c, v, yw, BinaryOp.SHL, aSigned);
            case "$shr" -> shift(c, v, yw, BinaryOp.SHR, false);
            case "$sshr" -> shift(c, v, yw, BinaryOp.SHR, aSigned);
            case "$shift", "$shiftx" -> signedShift(c, v, yw);
            default -> throw new IllegalArgumentException("unsupported cell type " + c.type());
        };
    }

    /** Operand A read with {@code signed} and brought to {@code width} bits. */
    private static Expr a(YosysNetlist.Cell c, BitVectors v, boolean signed, int width) {
        return BitVectors.resize(v.operand(c.port("A"), signed), width);
    }

    private static Expr b(YosysNetlist.Cell c, BitVectors v, boolean signed, int width) {
        return BitVectors.resize(v.operand(c.port("B"), signed), width);
    }

    /** Comparisons compute in the wider operand's width and give one bit. */
    private static Expr compare(YosysNetlist.Cell c, BitVectors v, BinaryOp op, boolean signed) {
        int w = Math.max(c.port("A").length, c.port("B").length);
        return Expr.Binary.of(op, a(c, v, signed, w), b(c, v, signed, w));
    }

    /**
     * {@code $shl}/{@code $shr}/{@code $sshl}/{@code $sshr}: A is extended to at least Y_WIDTH,
     * shifted by the unsigned B (simlib.v treats B as unsigned for these cells), then truncated.
     */
    private static Expr shift(YosysNetlist.Cell c, BitVectors v, int yw, BinaryOp op, boolean arithmetic) {
        int w = Math.max(c.port("A").length, yw);
        Expr a = a(c, v, c.flag("A_SIGNED"), w);
        a = arithmetic ? a : BitVectors.unsigned(a);
        return Expr.Binary.of(op, a, v.vector(c.port("B")));
    }

    /** {@code $shift}/{@code $shiftx}: shift right by B, or left by -B when B is signed and negative; out-of-range bits read 0. */
    private static Expr signedShift(YosysNetlist.Cell c, BitVectors v, int yw) {
        int w = Math.max(c.port("A").length, yw);
        Expr a = BitVectors.unsigned(a(c, v, c.flag("A_SIGNED"), w));
        Expr b = v.vector(c.port("B"));
        Expr right = Expr.Binary.of(BinaryOp.SHR, a, b);
        if (!c.flag("B_SIGNED")) return right;
        Expr negative = Expr.Slice.of(b, b.width() - 1, b.width() - 1);
        Expr left = Expr.Binary.of(BinaryOp.SHL, a, Expr.Unary.of(UnaryOp.NEG, b));
        return Expr.Mux.of(negative, left, right);
    }

    /** {@code $pmux}: B's words are selected by one-hot S; the lowest set select wins, none gives A. */
    private static Expr pmux(YosysNetlist.Cell c, BitVectors v) {
        int width = c.integer("WIDTH");
        int[] s = c.port("S");
        int[] b = c.port("B");
        Expr result = v.vector(c.port("A"));
        for (int i = s.length - 1; i >= 0; i--) {
            int[] word = java.util.Arrays.copyOfRange(b, i * width, (i + 1) * width);
            result = Expr.Mux.of(v.vector(new int[] {s[i]}), v.vector(word), result);
        }
        return result;
    }

    /** {@code $bmux}: word S of A (a binary-indexed mux), as a tree over the select bits. */
    private static Expr bmux(YosysNetlist.Cell c, BitVectors v) {
        int width = c.integer("WIDTH");
        int[] s = c.port("S");
        int[] a = c.port("A");
        Expr[] words = new Expr[a.length / width];
        for (int i = 0; i < words.length; i++) words[i] = v.vector(java.util.Arrays.copyOfRange(a, i * width, (i + 1) * width));
        for (int level = 0; level < s.length; level++) {
            Expr sel = v.vector(new int[] {s[level]});
            Expr[] next = new Expr[words.length / 2];
            for (int i = 0; i < next.length; i++) next[i] = Expr.Mux.of(sel, words[2 * i + 1], words[2 * i]);
            words = next;
        }
        return words[0];
    }

    private static Expr orReduce(Expr e) {
        return Expr.Unary.of(UnaryOp.OR_REDUCE, e);
    }

    private static Expr and(Expr l, Expr r) {
        return Expr.Binary.of(BinaryOp.AND, l, r);
    }

    private static Expr or(Expr l, Expr r) {
        return Expr.Binary.of(BinaryOp.OR, l, r);
    }

    /** An unsigned constant (used by callers building reset muxes). */
    static Expr constant(BigInteger value, SignalType type) {
        return Expr.Literal.of(value, type);
    }
}
