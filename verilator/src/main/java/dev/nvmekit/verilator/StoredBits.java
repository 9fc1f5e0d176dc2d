package dev.nvmekit.verilator;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Reads and writes Verilator's storage of a value in place: {@code CData}, {@code SData},
 * {@code IData}, {@code QData} (1, 2, 4, 8 bytes) or a {@code VlWide} array of 32-bit words,
 * least significant word first. On a little-endian machine a {@code VlWide} is byte for byte
 * a little-endian number, which is what lets one code path serve every width.
 */
final class StoredBits {
    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("the Verilator backend supports little-endian machines only");
        }
    }

    private StoredBits() {
    }

    /** The low 64 bits of the value of {@code bytes} bytes at {@code offset}. */
    static long readLong(MemorySegment seg, long offset, int bytes) {
        return switch (bytes) {
            case 1 -> seg.get(ValueLayout.JAVA_BYTE, offset) & 0xFFL;
            case 2 -> seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset) & 0xFFFFL;
            case 4 -> seg.get(ValueLayout.JAVA_INT_UNALIGNED, offset) & 0xFFFF_FFFFL;
            default -> seg.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        };
    }

    /** Stores {@code value} (already checked to fit) into a value of {@code bytes} bytes, clearing wider words. */
    static void writeLong(MemorySegment seg, long offset, int bytes, long value) {
        switch (bytes) {
            case 1 -> seg.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
            case 2 -> seg.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) value);
            case 4 -> seg.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) value);
            default -> {
                seg.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
                if (bytes > 8) seg.asSlice(offset + 8, bytes - 8).fill((byte) 0);
            }
        }
    }

    /** The value of {@code bytes} bytes at {@code offset} as a non-negative number. */
    static BigInteger readBig(MemorySegment seg, long offset, int bytes) {
        if (bytes <= 4) return BigInteger.valueOf(readLong(seg, offset, bytes));
        byte[] little = seg.asSlice(offset, bytes).toArray(ValueLayout.JAVA_BYTE);
        byte[] big = new byte[bytes];
        for (int i = 0; i < bytes; i++) big[i] = little[bytes - 1 - i];
        return new BigInteger(1, big);
    }

    /** Stores a non-negative {@code value} (already checked to fit) into a value of {@code bytes} bytes. */
    static void writeBig(MemorySegment seg, long offset, int bytes, BigInteger value) {
        if (bytes <= 8) {
            writeLong(seg, offset, bytes, value.longValue());
            return;
        }
        byte[] big = value.toByteArray();   // may carry a leading sign byte of 0
        byte[] little = new byte[bytes];
        for (int i = 0; i < bytes && i < big.length; i++) little[i] = big[big.length - 1 - i];
        MemorySegment.copy(little, 0, seg, ValueLayout.JAVA_BYTE, offset, bytes);
    }
}
