package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.SourceLocation;

/**
 * Finds the Java line that is constructing hardware. Captured once per declaration or assignment
 * so diagnostics can name it later.
 *
 * <p>Two views: {@link #caller()} is the first stack frame outside this package, the line that
 * declared the signal or wrote the assignment (inside a library block, a line of the library:
 * that is where its IR nodes come from, and equal blocks must give equal modules).
 * {@link #errorSite} is where an error belongs: when library code (the blocks of
 * {@code dev.nvmekit.rtl.lib}) is running, a parameter range error or a bad width is the mistake
 * of the user who constructed the block with those arguments, so it names the first frame
 * outside the DSL and the library, the user's own line.
 */
final class SourceCapture {
    private static final String DSL_PACKAGE = SourceCapture.class.getPackageName();
    /** The library blocks written with the DSL (dev.nvmekit.rtl.lib and any package below it). */
    private static final String LIBRARY_PACKAGE = "dev.nvmekit.rtl.lib";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private SourceCapture() {
    }

    /** The first frame outside the DSL. */
    static SourceLocation caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !inPackage(f.getClassName(), DSL_PACKAGE))
                .findFirst()
                .map(SourceCapture::location)
                .orElse(SourceLocation.UNKNOWN));
    }

    /** The first frame outside the DSL and the library blocks: the user's line. */
    static SourceLocation userCaller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !inPackage(f.getClassName(), DSL_PACKAGE) && !inPackage(f.getClassName(), LIBRARY_PACKAGE))
                .findFirst()
                .map(SourceCapture::location)
                .orElse(SourceLocation.UNKNOWN));
    }

    /**
     * Where an error detected now, about something captured at {@code at}, should point: the
     * user's line while a library block is being constructed, else {@code at}.
     */
    static SourceLocation errorSite(SourceLocation at) {
        boolean inLibrary = WALKER.walk(frames -> frames
                .filter(f -> !inPackage(f.getClassName(), DSL_PACKAGE))
                .findFirst()
                .map(f -> inPackage(f.getClassName(), LIBRARY_PACKAGE))
                .orElse(false));
        return inLibrary ? userCaller() : at;
    }

    private static SourceLocation location(StackWalker.StackFrame f) {
        return new SourceLocation(f.getFileName() == null ? f.getClassName() : f.getFileName(), Math.max(0, f.getLineNumber()));
    }

    private static boolean inPackage(String className, String pkg) {
        int dot = className.lastIndexOf('.');
        if (dot <= 0) return false;
        String p = className.substring(0, dot);
        return p.equals(pkg) || (pkg.equals(LIBRARY_PACKAGE) && p.startsWith(pkg + "."));
    }
}
