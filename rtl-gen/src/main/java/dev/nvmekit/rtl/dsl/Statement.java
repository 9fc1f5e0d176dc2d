package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a component's body recorded, in order, before elaboration folds it into single drivers:
 * assignments, conditional blocks, memory writes and synchronous reads. Expressions are already
 * in the recording component's names.
 */
sealed interface Statement {

    /** {@code target = value} (target is a signal of the recording component). */
    record Assign(Signal target, Expr value, SourceLocation location) implements Statement {
    }

    /** {@code if (condition) whenTrue else whenFalse}. */
    record When(Expr condition, Block whenTrue, Block whenFalse, SourceLocation location) implements Statement {
    }

    /** A memory write port, enabled where the statement stands. */
    record MemWrite(Mem memory, Expr address, Expr data, Expr byteEnable, SourceLocation location) implements Statement {
    }

    /** A synchronous memory read port, enabled where the statement stands and by {@code enable}. */
    record SyncRead(Mem memory, Signal data, Expr address, Expr enable, SourceLocation location) implements Statement {
    }

    /** An ordered list of statements (a when branch, or the body). */
    final class Block {
        final List<Statement> items = new ArrayList<>();
    }
}
