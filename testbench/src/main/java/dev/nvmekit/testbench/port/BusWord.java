package dev.nvmekit.testbench.port;

import java.math.BigInteger;

/**
 * Conversion between bytes in memory order and a bus word, byte 0 in bits 7:0 — the little-endian
 * lane order of AXI data buses and of the contract's {@code cmd_sqe}.
 */
public final class BusWord {
    private BusWord() {
    }

    /** The bus word holding {@code length} bytes of {@code bytes} from {@code offset}, byte 0 in bits 7:0. */
    public static BigInteger of(byte[] bytes, int offset, int length) {
        byte[] be = new byte[length + 1]; // leading 0 keeps the value non-negative
        for (int i = 0; i < length; i++) be[length - i] = bytes[offset + i];
        return new BigInteger(be);
    }

    /** The bus word holding all of {@code bytes}. */
    public static BigInteger of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** The {@code length} low bytes of {@code word} in memory order. */
    public static byte[] bytes(BigInteger word, int length) {
        byte[] out = new byte[length];
        byte[] be = word.toByteArray();
        for (int i = 0; i < length && i < be.length; i++) out[i] = be[be.length - 1 - i];
        return out;
    }
}
