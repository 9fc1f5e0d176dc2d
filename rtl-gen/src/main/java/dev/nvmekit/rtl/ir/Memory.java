package dev.nvmekit.rtl.ir;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An array of {@code depth} words, written synchronously and read either asynchronously
 * ({@link Expr.MemRead}) or synchronously ({@link SyncRead}). Emitted as an inferable Verilog
 * memory ({@code reg [w-1:0] name [0:depth-1]}) that synthesis maps to block RAM.
 *
 * @param init initial contents, word by word (fewer than depth: the rest is zero); empty for none
 */
public record Memory(String name, SignalType wordType, int depth, List<BigInteger> init,
                     List<Write> writes, List<SyncRead> syncReads, SourceLocation location) {
    public Memory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wordType, "wordType");
        init = List.copyOf(init);
        writes = List.copyOf(writes);
        syncReads = List.copyOf(syncReads);
        Objects.requireNonNull(location, "location");
        if (depth < 1) throw new IllegalArgumentException("memory " + name + " needs depth >= 1, got " + depth);
        if (init.size() > depth) throw new IllegalArgumentException("memory " + name + ": " + init.size() + " initial words for depth " + depth);
    }

    /** Width of an address that reaches every word (at least 1). */
    public int addressWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
    }

    /**
     * A synchronous write port: on a rising edge of {@code clockDomain} with {@code enable} high,
     * the word at {@code address} takes {@code data}; with {@code byteEnable} present only the
     * bytes whose enable bit is set are written (word width must be a multiple of 8).
     */
    public record Write(String clockDomain, Expr address, Expr data, Expr enable,
                        Optional<Expr> byteEnable, SourceLocation location) {
        public Write {
            Objects.requireNonNull(clockDomain, "clockDomain");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(enable, "enable");
            Objects.requireNonNull(byteEnable, "byteEnable");
            if (enable.width() != 1) throw new IllegalArgumentException("write enable must be 1 bit");
            byteEnable.ifPresent(be -> {
                if (data.width() % 8 != 0 || be.width() != data.width() / 8) {
                    throw new IllegalArgumentException("byte enables need a word of whole bytes and one bit per byte");
                }
            });
        }
    }

    /**
     * A synchronous read port: on a rising edge with {@code enable} high, the signal {@code name}
     * takes the word at {@code address} as it was before any write of the same edge (read-first).
     */
    public record SyncRead(String name, String clockDomain, Expr address, Expr enable, SourceLocation location) {
        public SyncRead {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(clockDomain, "clockDomain");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(enable, "enable");
            if (enable.width() != 1) throw new IllegalArgumentException("read enable must be 1 bit");
        }
    }
}
