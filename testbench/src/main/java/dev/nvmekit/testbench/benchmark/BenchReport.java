package dev.nvmekit.testbench.benchmark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's results: named sections of rows (each row a measured item with named
 * figures), plus notes per section that say what was skipped and why. Rendered as a text table
 * for people and as JSON for regression tracking; both come from the same data.
 */
public final class BenchReport {
    /** Keys of the sections every run reports, in order (a section may hold only skip notes). */
    public static final List<String> SECTION_KEYS = List.of("simulation_speed", "call_overhead", "toolchain", "hardware", "scaling");

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /** A group of rows under one heading, e.g. the simulation speeds. */
    public static final class Section {
        private final String key;
        private final String title;
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Section(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** Adds a row; {@code figures} alternate name, value (Number, String, Boolean or null for "n/a"). */
        public Section row(String item, Object... figures) {
            if (figures.length % 2 != 0) throw new IllegalArgumentException("figures must be name/value pairs");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("item", item);
            for (int i = 0; i < figures.length; i += 2) r.put((String) figures[i], figures[i + 1]);
            rows.add(r);
            return this;
        }

        /** Notes what was not measured and why, or how to read the figures. */
        public Section note(String text) {
            notes.add(text);
            return this;
        }

        public String key() { return key; }
        public List<Map<String, Object>> rows() { return rows; }
        public List<String> notes() { return notes; }
    }

    /** Records a fact about the machine or run (load average, cores, JDK, settings). */
    public void machine(String name, Object value) {
        machine.put(name, value);
    }

    /** The section {@code key}, created with {@code title} on first use. */
    public Section section(String key, String title) {
        return sections.computeIfAbsent(key, k -> new Section(k, title));
    }

    public Map<String, Section> sections() {
        return sections;
    }

    /** Prints every section as an aligned table; rows of one section share the union of their columns. */
    public void printTable(PrintWriter out) {
        out.println("machine: " + machine.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue())).toList());
        for (Section s : sections.values()) {
            out.println();
            out.println("== " + s.title + " ==");
            Set<String> columns = new LinkedHashSet<>();
            for (Map<String, Object> r : s.rows) columns.addAll(r.keySet());
            List<String> cols = List.copyOf(columns);
            List<List<String>> cells = new ArrayList<>();
            cells.add(cols);
            for (Map<String, Object> r : s.rows) {
                List<String> line = new ArrayList<>();
                for (String c : cols) line.add(r.containsKey(c) ? format(r.get(c)) : "");
                cells.add(line);
            }
            int[] widths = new int[cols.size()];
            for (List<String> line : cells) for (int i = 0; i < line.size(); i++) widths[i] = Math.max(widths[i], line.get(i).length());
            for (List<String> line : cells) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < line.size(); i++) {
                    String v = line.get(i);
                    // Item names read best left-aligned, figures right-aligned.
                    b.append(i == 0 ? String.format(Locale.ROOT, "%-" + widths[i] + "s", v) : String.format(Locale.ROOT, "  %" + widths[i] + "s", v));
                }
                out.println(b.toString().stripTrailing());
            }
            for (String n : s.notes) out.println("  note: " + n);
        }
        out.flush();
    }

    /** The whole report as JSON: {@code {"machine": {...}, "<section>": {"rows": [...], "notes": [...]}, ...}}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        for (Section s : sections.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", s.title);
            m.put("rows", s.rows);
            m.put("notes", s.notes);
            root.put(s.key, m);
        }
        return Json.write(root);
    }

    /** Figures as people read them: 3 significant digits, thousands grouped, "n/a" for null. */
    static String format(Object v) {
        if (v == null) return "n/a";
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return "n/a";
            double a = Math.abs(d);
            if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", d);
            if (a >= 100) return String.format(Locale.ROOT, "%.0f", d);
            if (a >= 10) return String.format(Locale.ROOT, "%.1f", d);
            if (a >= 1) return String.format(Locale.ROOT, "%.2f", d);
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Long || v instanceof Integer) return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        return String.valueOf(v);
    }
}
