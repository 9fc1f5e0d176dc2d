package dev.nvmekit.rtl.bundle;

/** The caller's source line, to assert that a diagnostic names the line that caused it. */
final class Lines {
    private Lines() {
    }

    /** The line of the statement that calls this. */
    static int here() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }
}
