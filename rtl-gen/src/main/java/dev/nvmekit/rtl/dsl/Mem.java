package dev.nvmekit.rtl.dsl;

import dev.nvmekit.rtl.ir.Expr;
import dev.nvmekit.rtl.ir.SignalType;
import dev.nvmekit.rtl.ir.SourceLocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory of {@code depth} words: synchronous writes (optionally with byte enables),
 * asynchronous reads ({@link #read}) and synchronous read-first reads ({@link #readSync}).
 * Writes and synchronous reads inside {@code when} blocks are enabled by those conditions.
 * The address must be exactly {@link #addressWidth()} bits wide.
 */
public final class Mem {
    private final Component owner;
    private final String name;
    private final SignalType wordType;
    private final int depth;
    private final Domain domain;
    private final SourceLocation location;
    private final List<BigInteger> init = new ArrayList<>();

    Mem(Component owner, String name, SignalType wordType, int depth, Domain domain, SourceLocation location) {
        this.owner = owner;
        this.name = name;
        this.wordType = wordType;
        this.depth = depth;
        this.domain = domain;
        this.location = location;
    }

    /** The memory's name. */
    public String name() {
        return name;
    }

    /** Number of words. */
    public int depth() {
        return depth;
    }

    /** Type of one word. */
    public SignalType wordType() {
        return wordType;
    }

    /** Address width that reaches every word. */
    public int addressWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
    }

    /** Sets the initial contents (words beyond the list are zero). */
    public Mem init(List<BigInteger> words) {
        if (words.size() > depth) {
            owner.reportError(SourceCapture.caller(), name, words.size() + " initial words for a memory of depth " + depth);
            return this;
        }
        for (BigInteger w : words) {
            if (!Values.fitsPattern(w, wordType.width())) {
                owner.reportError(SourceCapture.caller(), name, "initial word " + w + " does not fit " + wordType);
                return this;
            }
        }
        init.clear();
        BigInteger mask = BigInteger.ONE.shiftLeft(wordType.width()).subtract(BigInteger.ONE);
        for (BigInteger w : words) init.add(w.and(mask));
        return this;
    }

    /** Sets the initial contents from longs. */
    public Mem init(long... words) {
        List<BigInteger> l = new ArrayList<>();
        for (long w : words) l.add(BigInteger.valueOf(w));
        return init(l);
    }

    /** Asynchronous read: the word at {@code address}, combinationally. */
    public Value read(Value address) {
        Expr a = owner.localExpr(checkAddress(address), SourceCapture.caller());
        return new Value(new Expr.MemRead(name, a, wordType), owner);
    }

    /** Synchronous read: a signal that takes the word at {@code address} on each clock edge. */
    public Signal readSync(String dataName, Value address) {
        return readSync(dataName, address, Values.constant(1, SignalType.BIT));
    }

    /** Synchronous read, only on edges where {@code enable} (and the enclosing conditions) hold. */
    public Signal readSync(String dataName, Value address, Value enable) {
        SourceLocation at = SourceCapture.caller();
        Signal data = owner.declare(Signal.Kind.MEMORY_READ, dataName, wordType, at);
        recordSyncRead(data, checkAddress(address), enable, at);
        return data;
    }

    /** Writes {@code data} at {@code address} on the clock edge (under the enclosing conditions). */
    public void write(Value address, Value data) {
        recordWrite(checkAddress(address), data, null, SourceCapture.caller());
    }

    /** Writes the bytes of {@code data} whose bit in {@code byteEnable} is set. */
    public void write(Value address, Value data, Value byteEnable) {
        recordWrite(checkAddress(address), data, byteEnable, SourceCapture.caller());
    }

    private void recordWrite( Value address, Value data, Value byteEnable, SourceLocation at) {
        if (!data.type().equals(wordType)) {
            owner.reportError(at, name, "memory '" + name + "' holds " + wordType + " words but is written " + data.type());
            return;
        }
        Expr be = null;
        if (byteEnable != null) {
            if (wordType.width() % 8 != 0 || byteEnable.width() != wordType.width() / 8) {
                owner.reportError(at, name, "byte enables of memory '" + name + "' need a word of whole bytes and "
                        + (wordType.width() / 8) + " enable bits, got " + byteEnable.width());
                return;
            }
            be = owner.localExpr(byteEnable, at);
        }
        owner.currentBlock().items.add(new Statement.MemWrite(this, owner.localExpr(address, at), owner.localExpr(data, at), be, at));
    }

    private void recordSyncRead( Signal data, Value address, Value enable, SourceLocation at) {
        if (enable.width() != 1) {
            owner.reportError(at, data.name(), "read enable must be 1 bit");
            return;
        }
        owner.currentBlock().items.add(new Statement.SyncRead(this, data, owner.localExpr(address, at), owner.localExpr(enable, at), at));
    }

    private Value checkAddress(Value address) {
        if (address.width() != addressWidth() || address.isSigned()) {
            owner.reportError(SourceCapture.caller(), name, "address of memory '" + name + "' must be UInt(" + addressWidth()
                    + "), got " + address.type() + "; use resize(" + addressWidth() + ")");
            return address.asUnsigned().resize(addressWidth());
        }
        if (address.expr() instanceof Expr.Literal l && l.value().compareTo(BigInteger.valueOf(depth)) >= 0) {
            owner.reportError(SourceCapture.caller(), name, "address " + l.value() + " is outside memory '" + name
                    + "' of depth " + depth);
        }
        return address;
    }

    Domain domain() {
        return domain;
    }

    SourceLocation location() {
        return location;
    }

    List<BigInteger> initialWords() {
        return List.copyOf(init);
    }
}
