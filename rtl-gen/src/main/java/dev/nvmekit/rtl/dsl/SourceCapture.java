package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.SourceLocation;

/**
 * Finds the user's Java line that is constructing hardware: the first stack frame outside this
 * package. Captured once per declaration or assignment so diagnostics can name it later.
 */
final class SourceCapture {
    private static final String DSL_PACKAGE = SourceCapture.class.getPackageName();
    private static final StackWalker WALKER = StackWalker.getInstance();

    private SourceCapture() {
    }

    static SourceLocation caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !inDslPackage(f.getClassName()))
                .findFirst()
                .map(f -> new SourceLocation(f.getFileName() == null ? f.getClassName() : f.getFileName(), Math.max(0, f.getLineNumber())))
                .orElse(SourceLocation.UNKNOWN));
    }

    private static boolean inDslPackage(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && className.substring(0, dot).equals(DSL_PACKAGE);
    }
}
