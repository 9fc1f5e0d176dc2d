package dev.nvmekit.rtl.ir;

/** Direction of a module port, seen from inside the module. */
public enum Direction {
    IN, OUT;

    /** The other direction (for flipped bundle fields). */
    public Direction flip() {
        return this == IN ? OUT : IN;
    }
}
