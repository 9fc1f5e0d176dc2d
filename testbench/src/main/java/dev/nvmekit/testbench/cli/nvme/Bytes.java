package dev.nvmekit.testbench.cli.nvme;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian fields of a data buffer the device returned, for the fields the printers show
 * that the parsed structures do not model (nvme-cli prints every field of Identify Controller).
 */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return u8(b, off) | u8(b, off + 1) << 8;
    }

    static long u32(byte[] b, int off) {
        return u16(b, off) | (long) u16(b, off + 2) << 16;
    }

    static BigInteger unsigned(byte[] b, int off, int len) {
        byte[] be = new byte[len + 1];
        for (int i = 0; i < len; i++) be[len - i] = b[off + i];
        return new BigInteger(be);
    }

    /** An ASCII field printed as nvme-cli's {@code %-.*s}: all its bytes, padding included, up to a NUL. */
    static String ascii(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    /** C's {@code %#x}: "0" for zero, else 0x and lower-case hex. */
    static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** nvme-cli's printable test for dumps and firmware revisions: '!'..'~', anything else (space too) shows as '.'. */
    static char printable(byte b) {
        int c = b & 0xFF;
        return c >= '!' && c <= '~' ? (char) c : '.';
    }

    /** nvme-cli's {@code util_fw_to_string}: the 8 bytes of a firmware revision with non-printables as '.'. */
    static String firmware(byte[] b, int off) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) s.append(printable(b[off + i]));
        return s.toString();
    }

    /**
     * nvme-cli's {@code d(buf, len, 16, 1)} hex dump: a column header, then 16 bytes a row with the
     * offset, the bytes and their printable characters in quotes; a short last row is padded so its
     * quotes line up.
     */
    static String hexDump(byte[] data) {
        StringBuilder s = new StringBuilder("     ");
        for (int i = 0; i < 16; i++) s.append(String.format("%3x", i));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            if (i % 16 == 0) s.append(String.format("%n%04x:", i));
            s.append(String.format(" %02x", data[i] & 0xFF));
            text.append(printable(data[i]));
            if ((i + 1) % 16 == 0) {
                s.append(" \"").append(text).append('"');
                text.setLength(0);
            }
        }
        if (!text.isEmpty()) {
            int missing = 16 - data.length % 16;
            s.append(' ').append(" ".repeat(3 * missing)).append(" \"").append(text).append('"');
        }
        return s.append(String.format("%n")).toString();
    }
}
