package dev.nvmekit.sim.compiled;

import dev.nvmekit.rtl.ir.Expr;

/**
 * One statement of a generated model, before it is placed in a method: what it writes and
 * reads (state-array slots and memories) so the compiler can tell which methods must run again
 * when a value changes, and how much code it becomes so methods stay small enough to JIT.
 */
sealed interface Statement {
    /** Roughly how many expression nodes of code the statement becomes. */
    int size();

    /**
     * {@code v[dst..] = value}: a combinational signal, a spilled sub-expression, a register's
     * next value staged in its shadow slot, or a write port's staged operand. {@code amount}
     * clamps a wide value to a long (an address or shift amount).
     *
     * @param reads    the slots {@code value} reads (one entry per referenced slot, sorted, distinct)
     * @param memories the memories {@code value} reads asynchronously or synchronously
     */
    record Assign(int dst, int words, Expr value, boolean amount, int[] reads, int[] memories) implements Statement {
        @Override
        public int size() {
            return SharedSubexpressions.distinctNodes(value);
        }
    }

    /** At a clock edge, after every next value is staged: register {@code target} takes its {@code shadow}. */
    record Commit(int target, int shadow, int words) implements Statement {
        @Override
        public int size() {
            return 3;
        }
    }

    /** At a clock edge, after every register has sampled: a write port applies its staged operands to {@code memory}. */
    record MemoryWrite(int memory, int depth, int width, int enable, int address, int data, int byteEnable) implements Statement {
        @Override
        public int size() {
            return 4;
        }
    }
}
