package dev.nvmekit.testbench.monitor;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A transaction trace: the events the monitors saw, in order, plus a few facts about the design
 * ({@code meta}: e.g. the AXI data width) that a checker needs to read it. Saved as text, one event
 * per line ({@code <cycle> <kind> <channel> port=hex ...}), meta lines as {@code # key value}, so a
 * trace can be diffed, grepped and checked later by {@link TraceChecker#main}.
 */
public final class Trace {
    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private Consumer<TraceEvent> sink;
    private boolean keep = true;
    private long lastCycle = Long.MIN_VALUE;

    /** Appends an event; events must come in cycle order. */
    public void add(TraceEvent e) {
        if (e.cycle() < lastCycle) {
            throw new IllegalArgumentException("trace events out of order: " + e + " after cycle " + lastCycle);
        }
        lastCycle = e.cycle();
        if (sink != null) sink.accept(e);
        if (keep) events.add(e);
    }

    /**
     * Hands every later event to {@code sink} as it is added (e.g. {@link TraceChecker#accept});
     * with {@code keep} false the events are not stored, so a long run (a soak) is checked in
     * constant memory.
     */
    public void stream(Consumer<TraceEvent> sink, boolean keep) {
        this.sink = sink;
        this.keep = keep;
    }

    public List<TraceEvent> events() {
        return List.copyOf(events);
    }

    public int size() {
        return events.size();
    }

    /** Sets a fact about the design, e.g. {@code dataBytes 16}. */
    public void meta(String key, String value) {
        if (key.isBlank() || key.contains(" ") || value.contains("\n")) throw new IllegalArgumentException("bad meta " + key);
        meta.put(key, value);
    }

    public Map<String, String> meta() {
        return Map.copyOf(meta);
    }

    public void save(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# nvmekit-trace 1\n");
            for (var m : meta.entrySet()) w.write("# " + m.getKey() + " " + m.getValue() + "\n");
            for (TraceEvent e : events) {
                w.write(e.toString());
                w.write('\n');
            }
        }
    }

    /** Reads a trace written by {@link #save}; a malformed line is reported with its number. */
    public static Trace load(Path file) throws IOException {
        Trace t = new Trace();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                if (line.startsWith("#")) {
                    String[] kv = line.substring(1).trim().split(" ", 2);
                    if (kv.length == 2 && !kv[0].equals("nvmekit-trace")) t.meta.put(kv[0], kv[1]);
                    continue;
                }
                try {
                    t.add(parse(line));
                } catch (RuntimeException ex) {
                    throw new IOException(file + ":" + n + ": not a trace line (" + ex.getMessage() + "): " + line, ex);
                }
            }
        }
        return t;
    }

    private static TraceEvent parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 3) throw new IllegalArgumentException("expected <cycle> <kind> <channel> fields...");
        Map<String, BigInteger> fields = new LinkedHashMap<>();
        for (int i = 3; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("field without '=': " + parts[i]);
            fields.put(parts[i].substring(0, eq), new BigInteger(parts[i].substring(eq + 1), 16));
        }
        return new TraceEvent(Long.parseLong(parts[0]), TraceEvent.Kind.valueOf(parts[1].toUpperCase()), parts[2], fields);
    }
}
