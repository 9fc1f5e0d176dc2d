package dev.nvmekit.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class LogicValueTest {

    @Test
    void leftExtendsAsVcdSpecifies() {
        assertEquals("00000101", LogicValue.parse("101", 8).toBinaryString());
        assertEquals("xxxxx101", LogicValue.parse("x101", 8).toBinaryString());
        assertEquals("zzzzzz01", LogicValue.parse("Z01", 8).toBinaryString());
        assertEquals("00000000", LogicValue.parse("0", 8).toBinaryString());
    }

    @Test
    void printsHexLikeVerilog() {
        assertEquals("a5", LogicValue.parse("10100101", 8).toHexString());
        assertEquals("xX", LogicValue.parse("xxxx1x01", 8).toHexString());
        assertEquals("z5", LogicValue.parse("zzzz0101", 8).toHexString());
        assertEquals("1f", LogicValue.of(31, 5).toHexString());
        assertEquals("1", LogicValue.of(1, 1).display());
    }

    @Test
    void keepsWideValuesAndUnknownPlanes() {
        BigInteger big = BigInteger.ONE.shiftLeft(4095).or(BigInteger.valueOf(3));
        LogicValue v = LogicValue.of(big, 4096);
        assertEquals(big, v.toBigInteger());
        assertTrue(v.isKnown());
        LogicValue x = LogicValue.parse("1x0z", 4);
        assertFalse(x.isKnown());
        assertEquals('x', x.bit(2));
        assertEquals('z', x.bit(0));
        assertEquals(LogicValue.parse("1000", 4), x.withUnknownsAsZero());
        assertEquals(LogicValue.parse("1x0z", 4), x);
    }

    @Test
    void rejectsBadBitsAndOverlongValues() {
        assertThrows(IllegalArgumentException.class, () -> LogicValue.parse("102", 8));
        assertThrows(IllegalArgumentException.class, () -> LogicValue.parse("101", 2));
        assertThrows(IllegalArgumentException.class, () -> LogicValue.of(4, 2));
    }
}
