package dev.nvmekit.testbench.nvme;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little-endian field access on byte arrays, the byte order of every NVMe data structure
 * (NVMe Base Specification 2.0, section 1.5 "Conventions": multi-byte values are little endian).
 * Package-private: the public records are the vocabulary, this is only their plumbing.
 */
final class LittleEndian {
    private LittleEndian() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int off) {
        return u16(b, off) | u16(b, off + 2) << 16;
    }

    static long u64(byte[] b, int off) {
        return (u32(b, off) & 0xFFFF_FFFFL) | (long) u32(b, off + 4) << 32;
    }

    /** An unsigned integer of {@code len} bytes, e.g. the 128-bit SMART counters. */
    static BigInteger unsigned(byte[] b, int off, int len) {
        byte[] be = new byte[len];
        for (int i = 0; i < len; i++) {
            be[len - 1 - i] = b[off + i];
        }
        return new BigInteger(1, be);
    }

    static void put8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int off, int v) {
        put16(b, off, v);
        put16(b, off + 2, v >>> 16);
    }

    static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) v);
        put32(b, off + 4, (int) (v >>> 32));
    }

    static void putUnsigned(byte[] b, int off, int len, BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > len * 8) {
            throw new IllegalArgumentException(v + " does not fit in " + len + " unsigned bytes");
        }
        byte[] be = v.toByteArray();
        for (int i = 0; i < len; i++) {
            int src = be.length - 1 - i;
            b[off + i] = src >= 0 ? be[src] : 0;
        }
    }

    /**
     * ASCII string fields (SN, MN, FR) are space padded, not NUL terminated
     * (NVMe 2.0, Identify Controller: "padded with spaces (20h)").
     */
    static void putAscii(byte[] b, int off, int len, String s) {
        byte[] chars = s.getBytes(StandardCharsets.US_ASCII);
        if (chars.length > len) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + len + " bytes");
        }
        Arrays.fill(b, off, off + len, (byte) ' ');
        System.arraycopy(chars, 0, b, off, chars.length);
    }

    /** Rejects at construction time a string that {@link #putAscii} could not store. */
    static void requireAscii(String field, String s, int len) {
        java.util.Objects.requireNonNull(s, field);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(s) || s.length() > len) {
            throw new IllegalArgumentException(field + " must be at most " + len + " ASCII characters: '" + s + "'");
        }
    }

    /** Rejects at construction time a string that {@link #putUtf8} could not store. */
    static void requireUtf8(String field, String s, int len) {
        java.util.Objects.requireNonNull(s, field);
        if (s.getBytes(StandardCharsets.UTF_8).length > len) {
            throw new IllegalArgumentException(field + " must be at most " + len + " UTF-8 bytes: '" + s + "'");
        }
    }

    /** Reads a space-padded ASCII field, dropping the padding (and NULs some devices use). */
    static String ascii(byte[] b, int off, int len) {
        int end = off + len;
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    /** NQN-like fields are UTF-8 and NUL padded (NVMe 2.0, SUBNQN). */
    static void putUtf8(byte[] b, int off, int len, String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_8);
        if (chars.length > len) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + len + " bytes");
        }
        Arrays.fill(b, off, off + len, (byte) 0);
        System.arraycopy(chars, 0, b, off, chars.length);
    }

    static String utf8(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** Identifier fields (EUI-64, NGUID) kept as hex of their bytes in memory order, as nvme-cli prints them. */
    static void putHex(byte[] b, int off, int len, String hex) {
        byte[] raw = java.util.HexFormat.of().parseHex(hex);
        if (raw.length != len) {
            throw new IllegalArgumentException("'" + hex + "' is not " + len + " bytes of hex");
        }
        System.arraycopy(raw, 0, b, off, len);
    }

    static byte[] slice(byte[] b, int off, int len) {
        return Arrays.copyOfRange(b, off, off + len);
    }

    static void requireLength(byte[] b, int min, String what) {
        if (b.length < min) {
            throw new IllegalArgumentException(what + " needs " + min + " bytes, got " + b.length);
        }
    }

    /**
     * A structure as a bus word: byte 0 is bits 7:0, the layout of the front end's
     * {@code cmd_sqe[511:0]} port (contract, section 3).
     */
    static BigInteger toBusWord(byte[] bytes) {
        return unsigned(bytes, 0, bytes.length);
    }

    static byte[] fromBusWord(BigInteger word, int bytes) {
        byte[] out = new byte[bytes];
        putUnsigned(out, 0, bytes, word);
        return out;
    }
}
