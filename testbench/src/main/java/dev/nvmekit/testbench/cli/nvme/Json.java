package dev.nvmekit.testbench.cli.nvme;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON that {@code -o json} prints: objects keep their keys in insertion order, and the text
 * is laid out as nvme-cli's json-c pretty printer does ({@code "key":value}, two-space indent), so
 * scripts written against nvme-cli's JSON read it unchanged.
 */
public final class Json {
    private final Map<String, Object> members = new LinkedHashMap<>();

    /** Adds a member; values are numbers, strings, booleans, {@code Json} objects or lists of those. */
    public Json put(String key, Object value) {
        members.put(key, value);
        return this;
    }

    /** An unsigned 32-bit value from an int. */
    public Json putU32(String key, int value) {
        return put(key, Integer.toUnsignedLong(value));
    }

    /** An unsigned 64-bit value from a long. */
    public Json putU64(String key, long value) {
        return put(key, new BigInteger(Long.toUnsignedString(value)));
    }

    /** A new list to fill and put. */
    public static List<Object> array() {
        return new ArrayList<>();
    }

    /** Any JSON value (an object, a list, a string, a number) as nvme-cli prints it at top level. */
    public static String render(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        write(s, this, 0);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v, int depth) {
        switch (v) {
            case Json j -> {
                if (j.members.isEmpty()) {
                    s.append("{}");
                    return;
                }
                s.append("{\n");
                int i = 0;
                for (Map.Entry<String, Object> e : j.members.entrySet()) {
                    indent(s, depth + 1);
                    quote(s, e.getKey());
                    s.append(':');
                    write(s, e.getValue(), depth + 1);
                    s.append(++i < j.members.size() ? ",\n" : "\n");
                }
                indent(s, depth);
                s.append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    s.append("[]");
                    return;
                }
                s.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    indent(s, depth + 1);
                    write(s, l.get(i), depth + 1);
                    s.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                indent(s, depth);
                s.append(']');
            }
            case String str -> quote(s, str);
            case Number n -> s.append(n);
            case Boolean b -> s.append(b);
            case null -> s.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private static void indent(StringBuilder s, int depth) {
        s.append("  ".repeat(depth));
    }

    private static void quote(StringBuilder s, String str) {
        s.append('"');
        for (char c : str.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        s.append('"');
    }
}
