package dev.nvmekit.waveforms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Value Change Dump, as written by Verilator, Icarus Verilog, GTKWave's tools or
 * {@code dev.nvmekit.sim.vcd.VcdWriter}, into a {@link Waveform}.
 *
 * <p>Accepted: {@code $date}, {@code $version}, {@code $comment} (anywhere), {@code $timescale}
 * (default 1ns when absent), nested {@code $scope}s of any kind, {@code $var} with or without a
 * separate range token, identifier codes shared by several variables, vectors of any width with
 * x and z bits, {@code r} real values, {@code $dumpvars/$dumpall/$dumpon/$dumpoff} blocks, and
 * unknown header sections such as GTKWave's {@code $attrbegin} (skipped). {@code s} string values
 * are skipped. Anything else is a {@link VcdFormatException} naming the line.
 */
public final class VcdReader {
    private final VcdTokenizer tokens;
    private final HierarchyBuilder hierarchy = new HierarchyBuilder();
    private final Map<String, SignalTrace> traces = new HashMap<>();
    private final List<String> comments = new ArrayList<>();
    private Timescale timescale = Timescale.NS;
    private String version = "";
    private String date = "";
    private long now;
    private boolean timeSeen;

    private VcdReader(Reader in, String source) {
        this.tokens = new VcdTokenizer(in, source);
    }

    /** Reads a VCD file; errors name the file and line. */
    public static Waveform read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads VCD text; {@code source} labels error messages. The reader is not closed. */
    public static Waveform read(Reader in, String source) throws IOException {
        Reader buffered = in instanceof BufferedReader ? in : new BufferedReader(in);
        return new VcdReader(buffered, source).parse();
    }

    private Waveform parse() throws IOException {
        parseHeader();
        parseChanges();
        for (SignalTrace trace : traces.values()) {
            trace.trim();
        }
        return new Waveform(timescale, hierarchy.build(), hierarchy.signals(), now, version, date, comments);
    }

    private void parseHeader() throws IOException {
        for (String t = tokens.next(); ; t = tokens.next()) {
            if (t == null) {
                throw tokens.error("unexpected end of file: no $enddefinitions");
            }
            switch (t) {
                case "$date" -> date = textUntilEnd();
                case "$version" -> version = textUntilEnd();
                case "$comment" -> comments.add(textUntilEnd());
                case "$timescale" -> parseTimescale();
                case "$scope" -> parseScope();
                case "$upscope" -> {
                    int line = tokens.line();
                    expectEnd("$upscope");
                    if (!hierarchy.pop()) {
                        throw new VcdFormatException(sourceOf(), line, "$upscope without an open $scope");
                    }
                }
                case "$var" -> parseVar();
                case "$enddefinitions" -> {
                    expectEnd("$enddefinitions");
                    return;
                }
                default -> {
                    if (!t.startsWith("$")) {
                        throw tokens.error("unexpected '" + t + "' in the header (missing $end or $enddefinitions?)");
                    }
                    textUntilEnd();
                }
            }
        }
    }

    private void parseTimescale() throws IOException {
        String text = textUntilEnd();
        try {
            timescale = Timescale.parse(text);
        } catch (IllegalArgumentException e) {
            throw tokens.error(e.getMessage());
        }
    }

    private void parseScope() throws IOException {
        String kind = tokens.require("a scope type");
        String name = tokens.require("a scope name");
        if (kind.startsWith("$") || name.equals("$end")) {
            throw tokens.error("$scope needs a type and a name, e.g. '$scope module top $end'");
        }
        expectEnd("$scope");
        hierarchy.push(kind, name);
    }

    private void parseVar() throws IOException {
        String type = tokens.require("a variable type");
        String widthText = tokens.require("a variable width");
        int width;
        try {
            width = Integer.parseInt(widthText);
        } catch (NumberFormatException e) {
            throw tokens.error("$var width must be a number, got '" + widthText + "'");
        }
        if (width < 1) {
            throw tokens.error("$var width must be positive, got " + width);
        }
        String code = tokens.require("an identifier code");
        List<String> reference = new ArrayList<>();
        for (String t = tokens.require("$end"); !t.equals("$end"); t = tokens.require("$end")) {
            if (t.startsWith("$")) {
                throw tokens.error("expected $end to close $var, got '" + t + "'");
            }
            reference.add(t);
        }
        if (code.equals("$end") || reference.isEmpty()) {
            throw tokens.error("$var needs: type width code name $end");
        }
        boolean real = type.equals("real") || type.equals("realtime") || type.equals("shortreal");
        SignalTrace trace = traces.get(code);
        if (trace == null) {
            trace = new SignalTrace(width, real);
            traces.put(code, trace);
        } else if (trace.width() != width) {
            throw tokens.error("identifier code '" + code + "' declared with widths " + trace.width() + " and " + width);
        }
        hierarchy.add(referenceName(reference), type, width, code, trace);
    }

    /** A range that spans the vector ({@code [7:0]}) is dropped; a single index is part of the name. */
    private static String referenceName(List<String> reference) {
        String joined = String.join("", reference);
        int bracket = joined.indexOf('[');
        if (bracket > 0 && joined.endsWith("]") && joined.indexOf(':', bracket) > 0) {
            return joined.substring(0, bracket);
        }
        return joined;
    }

    private void parseChanges() throws IOException {
        int openBlockLine = 0;
        for (String t = tokens.next(); t != null; t = tokens.next()) {
            char first = t.charAt(0);
            switch (first) {
                case '#' -> parseTime(t);
                case '$' -> {
                    switch (t) {
                        case "$dumpvars", "$dumpall", "$dumpon", "$dumpoff" -> {
                            if (openBlockLine != 0) {
                                throw tokens.error(t + " inside a block opened at line " + openBlockLine + " (missing $end?)");
                            }
                            openBlockLine = tokens.line();
                        }
                        case "$end" -> {
                            if (openBlockLine == 0) {
                                throw tokens.error("$end without an open $dumpvars/$dumpall/$dumpon/$dumpoff block");
                            }
                            openBlockLine = 0;
                        }
                        case "$comment" -> comments.add(textUntilEnd());
                        case "$scope", "$var", "$upscope", "$enddefinitions" ->
                                throw tokens.error(t + " after $enddefinitions");
                        default -> textUntilEnd();
                    }
                }
                case '0', '1', 'x', 'X', 'z', 'Z' -> {
                    if (t.length() < 2) {
                        throw tokens.error("scalar value '" + t + "' has no identifier code");
                    }
                    record(t.substring(1), String.valueOf(first), 'b');
                }
                case 'b', 'B', 'r', 'R' -> {
                    String code = tokens.require("an identifier code after " + t);
                    record(code, t.substring(1), Character.toLowerCase(first));
                }
                case 's', 'S' -> tokens.require("an identifier code after " + t);
                default -> throw tokens.error("unexpected '" + t + "' (expected a timestamp, a value change or a $ keyword)");
            }
        }
        if (openBlockLine != 0) {
            throw new VcdFormatException(sourceOf(), openBlockLine, "block is never closed with $end");
        }
    }

    private void parseTime(String t) throws VcdFormatException {
        long time;
        try {
            time = Long.parseLong(t, 1, t.length(), 10);
        } catch (NumberFormatException e) {
            throw tokens.error("bad timestamp '" + t + "'");
        }
        if (time < 0 || (timeSeen && time < now)) {
            throw tokens.error("timestamp " + time + " goes back from " + now);
        }
        now = time;
        timeSeen = true;
    }

    private void record(String code, String text, char kind) throws VcdFormatException {
        SignalTrace trace = traces.get(code);
        if (trace == null) {
            throw tokens.error("unknown identifier code '" + code + "'");
        }
        if (text.isEmpty()) {
            throw tokens.error("empty value for '" + code + "'");
        }
        SignalValue value;
        if (kind == 'r') {
            try {
                value = new RealValue(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw tokens.error("bad real value 'r" + text + "'");
            }
        } else if (trace.isReal()) {
            throw tokens.error("bit value '" + text + "' for real variable '" + code + "'");
        } else {
            try {
                value = LogicValue.parse(text, trace.width());
            } catch (IllegalArgumentException e) {
                throw tokens.error(e.getMessage() + " (identifier code '" + code + "')");
            }
        }
        trace.append(now, value);
    }

    private void expectEnd(String keyword) throws IOException {
        String t = tokens.require("$end");
        if (!t.equals("$end")) {
            throw tokens.error("expected $end after " + keyword + ", got '" + t + "'");
        }
    }

    private String textUntilEnd() throws IOException {
        int start = tokens.line();
        StringBuilder sb = new StringBuilder();
        for (String t = tokens.next(); ; t = tokens.next()) {
            if (t == null) {
                throw new VcdFormatException(sourceOf(), start, "section is never closed with $end");
            }
            if (t.equals("$end")) {
                return sb.toString();
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(t);
        }
    }

    private String sourceOf() {
        return tokens.source();
    }
}
