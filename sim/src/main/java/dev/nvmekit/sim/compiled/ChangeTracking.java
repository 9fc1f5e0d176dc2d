package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Expr;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.util.function.Consumer;

/**
 * Stores that notice change: code that writes a value only when it differs from the one in
 * place and then runs extra code (waking the methods that read it, see {@link Partition}).
 * Used where a value crosses a method boundary; values read only later in the same method are
 * stored plainly.
 */
final class ChangeTracking {
    private static final int V = ExprCompiler.V;

    private final ExprCompiler exprs;

    ChangeTracking(ExprCompiler exprs) {
        this.exprs = exprs;
    }

    /**
     * Emits {@code v[dst..] = e} (clamped to a long when {@code amount}) that runs {@code onChange}
     * only when the stored value differs from the one already there; {@code tmp} is a free long local.
     */
    void assign(CodeBuilder cb, int dst, Expr e, boolean amount, int tmp, Consumer<CodeBuilder> onChange) {
        exprs.beginStatement();
        if (amount || e.width() <= 64) {
            if (amount) exprs.amount(cb, e);
            else exprs.narrow(cb, e);
            cb.lstore(tmp);
            storeIfChanged(cb, dst, tmp, onChange);
        } else {
            int at = exprs.wide(cb, e, -1);
            cb.aload(V).loadConstant(dst).loadConstant(at).loadConstant(StateLayout.words(e.width()));
            ExprCompiler.wideCall(cb, "update", "([JIII)Z");
            cb.ifThen(Opcode.IFNE, onChange::accept);
        }
    }

    /** Emits {@code if (v[dst..] != v[src..]) { v[dst..] = v[src..]; onChange }}. */
    void copy(CodeBuilder cb, int dst, int src, int words, int tmp, Consumer<CodeBuilder> onChange) {
        if (words == 1) {
            cb.aload(V).loadConstant(src).laload().lstore(tmp);
            storeIfChanged(cb, dst, tmp, onChange);
        } else {
            cb.aload(V).loadConstant(dst).loadConstant(src).loadConstant(words);
            ExprCompiler.wideCall(cb, "update", "([JIII)Z");
            cb.ifThen(Opcode.IFNE, onChange::accept);
        }
    }

    private static void storeIfChanged(CodeBuilder cb, int dst, int tmp, Consumer<CodeBuilder> onChange) {
        cb.lload(tmp).aload(V).loadConstant(dst).laload().lcmp();
        cb.ifThen(Opcode.IFNE, t -> {
            t.aload(V).loadConstant(dst).lload(tmp).lastore();
            onChange.accept(t);
        });
    }
}
