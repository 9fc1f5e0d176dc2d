package dev.nvmekit.testbench.cli.nvme;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Numbers as nvme-cli reads them ({@code strtoul} with base 0): decimal, {@code 0x} hexadecimal,
 * or a leading-zero octal, range checked so that {@code -n 0xffffffff} is the broadcast NSID and a
 * value too large for its field is a usage error rather than silently truncated.
 */
final class Numbers {
    private Numbers() {
    }

    static long parse(String text, long max) {
        String t = text.trim();
        long v;
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) v = Long.parseUnsignedLong(t.substring(2), 16);
            else if (t.length() > 1 && t.startsWith("0")) v = Long.parseUnsignedLong(t.substring(1), 8);
            else v = Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        if (max != -1 && Long.compareUnsigned(v, max) > 0) {
            throw new TypeConversionException("'" + text + "' is larger than " + Long.toUnsignedString(max));
        }
        return v;
    }

    /** A 32-bit field (NSID, a command dword); 0xffffffff is held as -1. */
    static final class U32 implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) parse(value, 0xFFFF_FFFFL);
        }
    }

    /** A 16-bit field (a block count). */
    static final class U16 implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) parse(value, 0xFFFF);
        }
    }

    /** An 8-bit field (an opcode, a feature identifier). */
    static final class U8 implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) parse(value, 0xFF);
        }
    }

    /** A 64-bit field (a starting LBA). */
    static final class U64 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parse(value, -1);
        }
    }
}
