package dev.nvmekit.rtl.verilog;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Prints IR expressions as Verilog-2005 whose value is the IR's, whatever Verilog's sizing rules
 * would do. The IR keeps operand and result widths equal (except {@code MUL}, whose operands
 * Verilog widens exactly as the IR means), so the only constructs Verilog cannot say inline are a
 * part-select or a sign extension of a compound expression: those are hoisted into a named
 * wire ({@code <target>_<n>}), declared by the caller from {@link #hoisted()}.
 */
final class VerilogExpressions {
    /** A wire introduced for a sub-expression that Verilog cannot slice in place. */
    record Hoisted(String name, Expr value) {
    }

    private final Set<String> taken;
    private final List<Hoisted> hoisted = new ArrayList<>();
    private final Function<String, String> memoryName;

    VerilogExpressions(Set<String> takenNames, Function<String, String> memoryName) {
        this.taken = takenNames;
        this.memoryName = memoryName;
    }

    /** Wires hoisted so far, in order; each must be declared and assigned. */
    List<Hoisted> hoisted() {
        return hoisted;
    }

    /** Verilog text of {@code e}; hoisted wires are named after {@code owner}. */
    String print(Expr e, String owner) {
        return switch (e) {
            case Expr.Ref r -> r.name();
            case Expr.Literal l -> literal(l.value(), l.type());
            case Expr.MemRead m -> memoryName.apply(m.memory()) + "[" + index(m.address(), owner) + "]";
            case Expr.Unary u -> switch (u.op()) {
                case NOT -> "~" + operand(u.operand(), owner);
                case NEG -> "-" + operand(u.operand(), owner);
                case AND_REDUCE -> u.operand().width() == 1 ? print(u.operand(), owner) : "&" + operand(u.operand(), owner);
                case OR_REDUCE -> u.operand().width() == 1 ? print(u.operand(), owner) : "|" + operand(u.operand(), owner);
                case XOR_REDUCE -> u.operand().width() == 1 ? print(u.operand(), owner) : "^" + operand(u.operand(), owner);
            };
            case Expr.Binary b when b.op() == Expr.BinaryOp.MUL ->
                    // Verilator's -Wall wants operands as wide as the product; widening them says the same thing.
                    operand(widen(b.left(), b.type()), owner) + " * " + operand(widen(b.right(), b.type()), owner);
            case Expr.Binary b -> operand(b.left(), owner) + " " + operator(b) + " " + operand(b.right(), owner);
            case Expr.Mux m -> operand(m.select(), owner) + " ? " + operand(m.whenTrue(), owner) + " : " + operand(m.whenFalse(), owner);
            case Expr.Concat c when c.parts().size() > 1 && c.parts().stream().distinct().count() == 1 ->
                    "{" + c.parts().size() + "{" + print(c.parts().getFirst(), owner) + "}}";
            case Expr.Concat c -> {
                List<String> parts = new ArrayList<>();
                for (Expr p : c.parts()) parts.add(print(p, owner));
                yield "{" + String.join(", ", parts) + "}";
            }
            case Expr.Slice s -> slice(s, owner);
            case Expr.Extend x -> extend(x, owner);
            case Expr.Cast c -> (c.type().signed() ? "$signed(" : "$unsigned(") + print(c.operand(), owner) + ")";
        };
    }

    /**
     * A memory index. The standard makes an index self-determined, but Icarus sizes arithmetic in
     * an index as an integer ({@code m[a - 4'd1]} with {@code a} = 0 reads word -1, x): a
     * one-element concatenation pins the width to the address's.
     */
    String index(Expr address, String owner) {
        String s = print(address, owner);
        return address instanceof Expr.Ref || address instanceof Expr.Literal || address instanceof Expr.Slice ? s : "{" + s + "}";
    }

    /** A multi-line form for chains of multiplexers (when/elseWhen, switch), one arm per line. */
    String printTop(Expr e, String owner, String continuationIndent) {
        if (!(e instanceof Expr.Mux m) || !(m.whenFalse() instanceof Expr.Mux)) return print(e, owner);
        StringBuilder b = new StringBuilder();
        Expr cur = e;
        while (cur instanceof Expr.Mux mm) {
            b.append(operand(mm.select(), owner)).append(" ? ").append(operand(mm.whenTrue(), owner)).append(" :\n").append(continuationIndent);
            cur = mm.whenFalse();
        }
        return b.append(operand(cur, owner)).toString();
    }

    private String operand(Expr e, String owner) {
        String s = print(e, owner);
        boolean atomic = e instanceof Expr.Ref || e instanceof Expr.Literal || e instanceof Expr.Concat
                || e instanceof Expr.Cast || e instanceof Expr.MemRead
                || (e instanceof Expr.Slice sl && !s.contains(" "));
        return atomic ? s : "(" + s + ")";
    }

    private static Expr widen(Expr e, SignalType to) {
        return e.width() == to.width() ? e : new Expr.Extend(e, to);
    }

    private static String operator(Expr.Binary b) {
        return switch (b.op()) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case AND -> "&";
            case OR -> "|";
            case XOR -> "^";
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case SHL -> "<<";
            case SHR -> b.left().type().signed() ? ">>>" : ">>";
        };
    }

    private String slice(Expr.Slice s, String owner) {
        Expr op = s.operand();
        if (op instanceof Expr.Literal l) {
            BigInteger v = l.value().shiftRight(s.lo()).and(BigInteger.ONE.shiftLeft(s.width()).subtract(BigInteger.ONE));
            return literal(v, s.type());
        }
        String name = op instanceof Expr.Ref r ? r.name() : hoist(op, owner);
        if (op.width() == 1) return name;
        return s.hi() == s.lo() ? name + "[" + s.lo() + "]" : name + "[" + s.hi() + ":" + s.lo() + "]";
    }

    private String extend(Expr.Extend x, String owner) {
        int extra = x.width() - x.operand().width();
        if (!x.type().signed()) {
            return "{" + literal(BigInteger.ZERO, SignalType.unsigned(extra)) + ", " + print(x.operand(), owner) + "}";
        }
        Expr op = x.operand();
        String name = op instanceof Expr.Ref r ? r.name() : hoist(op, owner);
        String top = op.width() == 1 ? name : name + "[" + (op.width() - 1) + "]";
        String fill = extra == 1 ? top : "{" + extra + "{" + top + "}}";
        return "$signed({" + fill + ", " + name + "})";
    }

    /** A name for {@code e}: the signal itself, or a hoisted wire holding it. */
    String named(Expr e, String owner) {
        return e instanceof Expr.Ref r ? r.name() : hoist(e, owner);
    }

    private String hoist(Expr e, String owner) {
        String name = freshName(owner);
        hoisted.add(new Hoisted(name, e));
        return name;
    }

    /** A name {@code <base>_<n>} not used in the module yet, now taken. */
    String freshName(String base) {
        int n = 1;
        while (taken.contains(base + "_" + n)) n++;
        String name = base + "_" + n;
        taken.add(name);
        return name;
    }

    /** A sized literal: {@code 1'b0}, {@code 8'd200}, {@code 32'h1000}, {@code 8'shFB}. */
    static String literal(BigInteger pattern, SignalType t) {
        String s = t.signed() ? "s" : "";
        if (t.width() == 1 && !t.signed()) return "1'b" + pattern;
        if (pattern.compareTo(BigInteger.valueOf(1024)) < 0 && !t.signed()) return t.width() + "'d" + pattern;
        return t.width() + "'" + s + "h" + pattern.toString(16).toUpperCase();
    }
}
