package dev.nvmekit.sim.vcd;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Streams a Value Change Dump (IEEE 1364 §18) as a simulation runs; every simulator backend
 * writes its waveforms through this class.
 *
 * <p>Usage: declare the hierarchy with {@link #pushScope}/{@link #declare}/{@link #popScope},
 * then call {@link #time} with non-decreasing times and {@code change} for the signals that
 * change at that time. The first time written carries a {@code $dumpvars} block with every
 * signal (unset ones as {@code x}); later times carry only the signals whose value actually
 * changed, and a time with no real change is not written at all. Several changes of one signal
 * at one time collapse to the last.
 *
 * <p>A {@link VcdFilter} drops signals outside its scopes (they still get handles) and times
 * outside its window. Scopes with no kept signal are not written.
 *
 * <p>Output errors surface as {@link UncheckedIOException} from the streaming methods, so that
 * simulation loops need no checked-exception plumbing; {@link #close()} throws them as-is.
 * Not thread-safe: one simulation thread owns a writer.
 */
public final class VcdWriter implements Closeable {
    /** Largest vector width accepted; matches what the RTL generator emits for wide buses. */
    public static final int MAX_WIDTH = 4096;

    private static final Pattern TIMESCALE = Pattern.compile("(1|10|100)\\s*(s|ms|us|ns|ps|fs)");

    private final Writer out;
    private final VcdFilter filter;
    private final List<OpenScope> scopes = new ArrayList<>();
    private final List<IdentifierState> slots = new ArrayList<>();
    private final List<IdentifierState> dirty = new ArrayList<>();
    private int codesIssued;
    private boolean definitionsEnded;
    private boolean dumpStarted;
    private boolean closed;
    private long now;
    private long lastWrittenTime = -1;

    /** Writes to {@code out} with the given timescale such as {@code "1ns"} or {@code "10 ps"}. */
    public VcdWriter(Writer out, String timescale) {
        this(out, timescale, VcdFilter.ALL);
    }

    /** Writes to {@code out}, keeping only what {@code filter} selects. */
    public VcdWriter(Writer out, String timescale, VcdFilter filter) {
        this.out = Objects.requireNonNull(out, "out");
        this.filter = Objects.requireNonNull(filter, "filter");
        if (!TIMESCALE.matcher(timescale.strip()).matches()) {
            throw new IllegalArgumentException(
                    "timescale must be 1, 10 or 100 followed by s, ms, us, ns, ps or fs; got '" + timescale + "'");
        }
        write("$version nvmekit VcdWriter $end\n$timescale " + timescale.strip() + " $end\n");
    }

    /** Creates (or truncates) {@code file} and writes to it. */
    public VcdWriter(Path file, String timescale) throws IOException {
        this(file, timescale, VcdFilter.ALL);
    }

    /** Creates (or truncates) {@code file} and writes to it, keeping only what {@code filter} selects. */
    public VcdWriter(Path file, String timescale, VcdFilter filter) throws IOException {
        this(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 16), timescale, filter);
    }

    /** Writes a {@code $comment}; allowed at any point. */
    public void comment(String text) {
        ensureOpen();
        if (text.contains("$end")) {
            throw new IllegalArgumentException("a VCD comment cannot contain $end");
        }
        write("$comment " + text + " $end\n");
    }

    /** Opens a module scope named {@code name} inside the current one. */
    public void pushScope(String name) {
        pushScope(VcdScopeKind.MODULE, name);
    }

    /** Opens a scope of the given kind inside the current one. */
    public void pushScope(VcdScopeKind kind, String name) {
        requireDeclaring();
        requireIdentifier(name, "scope name");
        scopes.add(new OpenScope(kind, name));
    }

    /** Closes the innermost scope. */
    public void popScope() {
        requireDeclaring();
        if (scopes.isEmpty()) {
            throw new IllegalStateException("popScope without a matching pushScope");
        }
        OpenScope frame = scopes.removeLast();
        if (frame.written) {
            write("$upscope $end\n");
        }
    }

    /** Declares a wire of {@code width} bits in the current scope. */
    public VcdSignal declare(String name, int width) {
        return declare(name, width, VcdVarType.WIRE);
    }

    /** Declares a variable of {@code width} bits and the given type in the current scope. */
    public VcdSignal declare(String name, int width, VcdVarType type) {
        requireDeclaring();
        requireIdentifier(name, "signal name");
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width of " + name + " must be 1.." + MAX_WIDTH + ", got " + width);
        }
        IdentifierState slot = new IdentifierState(width);
        slots.add(slot);
        VcdSignal signal = new VcdSignal(this, slots.size() - 1, pathOf(name), width);
        writeVarIfKept(slot, name, type);
        return signal;
    }

    /**
     * Declares {@code name} in the current scope as another name for {@code original}: both share
     * one identifier code, as simulators do for a port and the net connected to it.
     */
    public VcdSignal alias(VcdSignal original, String name) {
        requireDeclaring();
        requireIdentifier(name, "signal name");
        IdentifierState slot = stateOf(original);
        VcdSignal signal = new VcdSignal(this, original.slot(), pathOf(name), original.width());
        writeVarIfKept(slot, name, VcdVarType.WIRE);
        return signal;
    }

    /** Advances simulation time; changes after this call happen at {@code time}. */
    public void time(long time) {
        ensureOpen();
        if (time < now) {
            throw new IllegalArgumentException("time moves backwards: " + time + " after " + now);
        }
        endDefinitions();
        if (time == now) {
            return;
        }
        flushPending();
        // A window that opens between two change times still needs its $dumpvars at its first instant.
        if (!dumpStarted && time > filter.fromTime()) {
            startDump(filter.fromTime());
        }
        now = time;
    }

    /** The current simulation time. */
    public long time() {
        return now;
    }

    /** Sets a signal of at most 64 bits at the current time. */
    public void change(VcdSignal signal, long value) {
        IdentifierState slot = stateOf(signal);
        if (slot.code != null) {
            stage(slot, VcdValues.fromLong(value, slot.width));
        }
    }

    /** Sets a signal at the current time from a non-negative integer. */
    public void change(VcdSignal signal, BigInteger value) {
        IdentifierState slot = stateOf(signal);
        if (slot.code != null) {
            stage(slot, VcdValues.fromBigInteger(value, slot.width));
        }
    }

    /** Sets a wide signal at the current time from 64-bit words, least significant word first. */
    public void change(VcdSignal signal, long[] words) {
        IdentifierState slot = stateOf(signal);
        if (slot.code != null) {
            stage(slot, VcdValues.fromWords(words, slot.width));
        }
    }

    /**
     * Sets a signal at the current time from a 4-state string of {@code 0 1 x z}, most significant
     * bit first; a shorter string is left-extended as VCD does (with 0 after a 1, else its first bit).
     */
    public void change(VcdSignal signal, String bits) {
        IdentifierState slot = stateOf(signal);
        if (slot.code != null) {
            stage(slot, VcdValues.fromBits(bits, slot.width));
        }
    }

    /** Advances to {@code time} and sets the signal there. */
    public void change(long time, VcdSignal signal, long value) {
        time(time);
        change(signal, value);
    }

    /** Writes everything buffered so far to the underlying writer. */
    public void flush() {
        ensureOpen();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the pending changes and a final timestamp marking the end of the simulation, then
     * closes the underlying writer.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            endDefinitions();
            flushPending();
            long end = Math.min(now, filter.toTime());
            if (dumpStarted && end > lastWrittenTime) {
                write("#" + end + "\n");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            closed = true;
            out.close();
        }
    }

    String codeOf(int slot) {
        return slots.get(slot).code;
    }

    private void stage(IdentifierState slot, String value) {
        ensureOpen();
        endDefinitions();
        if (slot.pending == null) {
            dirty.add(slot);
        }
        slot.pending = value;
    }

    private void flushPending() {
        if (!dumpStarted) {
            if (now < filter.fromTime()) {
                applyPendingSilently();
                return;
            }
            if (now > filter.fromTime()) {
                startDump(filter.fromTime());
            } else {
                applyPendingSilently();
                startDump(now);
                return;
            }
        }
        if (dirty.isEmpty()) {
            return;
        }
        if (now > filter.toTime()) {
            applyPendingSilently();
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (IdentifierState slot : dirty) {
            if (!slot.pending.equals(slot.current)) {
                appendValue(sb, slot.code, slot.pending);
                slot.current = slot.pending;
            }
            slot.pending = null;
        }
        dirty.clear();
        if (!sb.isEmpty()) {
            write("#" + now + "\n" + sb);
            lastWrittenTime = now;
        }
    }

    private void applyPendingSilently() {
        for (IdentifierState slot : dirty) {
            slot.current = slot.pending;
            slot.pending = null;
        }
        dirty.clear();
    }

    private void startDump(long time) {
        dumpStarted = true;
        if (time > filter.toTime()) {
            return;
        }
        StringBuilder sb = new StringBuilder("#").append(time).append("\n$dumpvars\n");
        for (IdentifierState slot : slots) {
            if (slot.code != null) {
                if (slot.current == null) {
                    slot.current = VcdValues.unknown(slot.width);
                }
                appendValue(sb, slot.code, slot.current);
            }
        }
        sb.append("$end\n");
        write(sb.toString());
        lastWrittenTime = time;
    }

    private static void appendValue(StringBuilder sb, String code, String full) {
        if (full.length() == 1) {
            sb.append(full).append(code).append('\n');
        } else {
            sb.append('b').append(VcdValues.compact(full)).append(' ').append(code).append('\n');
        }
    }

    private void endDefinitions() {
        if (!definitionsEnded) {
            definitionsEnded = true;
            StringBuilder sb = new StringBuilder();
            for (int i = scopes.size() - 1; i >= 0; i--) {
                if (scopes.get(i).written) {
                    sb.append("$upscope $end\n");
                }
            }
            scopes.clear();
            write(sb.append("$enddefinitions $end\n").toString());
        }
    }

    private void writeVarIfKept(IdentifierState slot, String name, VcdVarType type) {
        List<String> path = scopes.stream().map(OpenScope::name).toList();
        if (!filter.includesScope(path)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (OpenScope frame : scopes) {
            if (!frame.written) {
                frame.written = true;
                sb.append("$scope ").append(frame.kind.keyword()).append(' ').append(frame.name).append(" $end\n");
            }
        }
        if (slot.code == null) {
            slot.code = VcdIdentifiers.code(codesIssued++);
        }
        sb.append("$var ").append(type.keyword()).append(' ').append(slot.width).append(' ')
                .append(slot.code).append(' ').append(name);
        if (slot.width > 1) {
            sb.append(" [").append(slot.width - 1).append(":0]");
        }
        write(sb.append(" $end\n").toString());
    }

    private String pathOf(String name) {
        StringBuilder sb = new StringBuilder();
        for (OpenScope frame : scopes) {
            sb.append(frame.name).append('.');
        }
        return sb.append(name).toString();
    }

    private IdentifierState stateOf(VcdSignal signal) {
        if (signal.owner() != this) {
            throw new IllegalArgumentException(signal + " belongs to another VcdWriter");
        }
        return slots.get(signal.slot());
    }

    private void requireDeclaring() {
        ensureOpen();
        if (definitionsEnded) {
            throw new IllegalStateException("declarations must come before the first time or change");
        }
    }

    private static void requireIdentifier(String name, String what) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(what + " must be non-empty printable ASCII without spaces: '" + name + "'");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("VcdWriter is closed");
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
