package dev.nvmekit.rtl.dsl;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for names that reach the Verilog: a plain identifier that is not a reserved word of
 * Verilog-2005 or SystemVerilog (Verilator parses both), so that every emitted name is the
 * user's own name, unmangled.
 */
final class Names {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of(
            "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
            "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
            "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
            "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
            "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
            "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
            "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
            "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
            "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat",
            "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
            "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
            "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire",
            "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            // SystemVerilog words that Verilator and Yosys reject as identifiers
            "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "bind", "bit", "break",
            "byte", "chandle", "class", "clocking", "const", "constraint", "context", "continue", "cover",
            "dist", "do", "endclass", "endclocking", "endinterface", "endpackage", "endprogram", "endproperty",
            "endsequence", "enum", "expect", "export", "extends", "extern", "final", "first_match", "foreach",
            "forkjoin", "iff", "ignore_bins", "illegal_bins", "import", "inside", "int", "interface",
            "intersect", "join_any", "join_none", "local", "logic", "longint", "matches", "modport", "new",
            "null", "package", "packed", "priority", "program", "property", "protected", "pure", "rand",
            "randc", "randcase", "randsequence", "ref", "return", "sequence", "shortint", "shortreal", "solve",
            "static", "string", "struct", "super", "tagged", "this", "throughout", "timeprecision", "timeunit",
            "type", "typedef", "union", "unique", "var", "virtual", "void", "wait_order", "wildcard", "with",
            "within");

    private Names() {
    }

    /** Why {@code name} cannot be used, or null when it can. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) return "a name must not be empty";
        if (!IDENTIFIER.matcher(name).matches()) {
            return "'" + name + "' is not a plain identifier (letters, digits and _; not starting with a digit)";
        }
        if (RESERVED.contains(name)) return "'" + name + "' is a reserved word in Verilog; choose another name";
        return null;
    }

    /** snake_case of a Java class name, the default module name. */
    static String snake(String simpleName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean boundary = i > 0 && (Character.isLowerCase(simpleName.charAt(i - 1))
                        || (i + 1 < simpleName.length() && Character.isLowerCase(simpleName.charAt(i + 1))
                            && Character.isUpperCase(simpleName.charAt(i - 1))));
                if (boundary) b.append('_');
                b.append(Character.toLowerCase(c));
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                b.append(c);
            }
        }
        String s = b.toString();
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "m_" + s : s;
    }
}
