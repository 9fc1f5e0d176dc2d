package dev.nvmekit.sim.engine;

import dev.nvmekit.sim.vcd.VcdSignal;
import dev.nvmekit.sim.vcd.VcdWriter;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link WaveOutput} into a VCD file through the project's streaming {@link VcdWriter} (timescale 1 ps). */
final class VcdWriterOutput implements WaveOutput {
    private final VcdWriter writer;
    private final List<VcdSignal> signals = new ArrayList<>();

    private VcdWriterOutput(VcdWriter writer) {
        this.writer = writer;
    }

    static VcdWriterOutput create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        return new VcdWriterOutput(new VcdWriter(file, "1ps"));
    }

    @Override
    public void pushScope(String name) {
        writer.pushScope(name);
    }

    @Override
    public void popScope() {
        writer.popScope();
    }

    @Override
    public int declare(String name, int width) {
        signals.add(writer.declare(name, width));
        return signals.size() - 1;
    }

    @Override
    public void time(long ps) {
        writer.time(ps);
    }

    @Override
    public void change(int handle, long value) {
        writer.change(signals.get(handle), value);
    }

    @Override
    public void change(int handle, BigInteger value) {
        writer.change(signals.get(handle), value);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
