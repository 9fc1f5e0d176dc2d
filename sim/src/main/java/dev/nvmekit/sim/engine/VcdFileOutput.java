package dev.nvmekit.sim.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain VCD file (IEEE 1364-2005 §18) with a picosecond timescale: declarations as they come,
 * then {@code #time} markers and value changes. The simulator only ever calls {@link #time} with
 * non-decreasing times.
 */
final class VcdFileOutput implements WaveOutput {
    private final BufferedWriter w;
    private final List<Integer> widths = new ArrayList<>();
    private boolean headerDone;
    private long time = -1;

    private VcdFileOutput(BufferedWriter w) throws IOException {
        this.w = w;
        w.write("$version nvmekit embedded simulator $end\n$timescale 1ps $end\n");
    }

    static VcdFileOutput create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        return new VcdFileOutput(Files.newBufferedWriter(file));
    }

    @Override
    public void pushScope(String name) {
        line("$scope module " + name + " $end");
    }

    @Override
    public void popScope() {
        line("$upscope $end");
    }

    @Override
    public int declare(String name, int width) {
        int h = widths.size();
        widths.add(width);
        line("$var wire " + width + " " + id(h) + " " + name + (width > 1 ? " [" + (width - 1) + ":0]" : "") + " $end");
        return h;
    }

    @Override
    public void time(long ps) {
        if (!headerDone) {
            line("$enddefinitions $end");
            headerDone = true;
        }
        if (ps < time) throw new IllegalStateException("VCD time goes back from " + time + " to " + ps);
        if (ps != time) line("#" + ps);
        time = ps;
    }

    @Override
    public void change(int handle, long value) {
        if (widths.get(handle) == 1) line((value & 1) + id(handle));
        else line("b" + Long.toBinaryString(value) + " " + id(handle));
    }

    @Override
    public void change(int handle, BigInteger value) {
        if (widths.get(handle) == 1) line((value.testBit(0) ? "1" : "0") + id(handle));
        else line("b" + value.toString(2) + " " + id(handle));
    }

    /** Short printable identifiers from '!' to '~', as VCD allows. */
    private static String id(int n) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('!' + n % 94));
            n /= 94;
        } while (n > 0);
        return sb.toString();
    }

    private void line(String s) {
        try {
            w.write(s);
            w.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!headerDone) time(0);
        w.close();
    }
}
