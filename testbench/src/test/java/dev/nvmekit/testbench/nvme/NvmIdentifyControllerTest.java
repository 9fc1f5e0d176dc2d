package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The NVM Command Set's I/O Command Set specific Identify Controller data structure (CNS 06h,
 * CSI 00h; NVM Command Set Specification 1.0, Figure 97) at its byte offsets: VSL byte 0, WZSL 1,
 * WUSL 2, DMRL 3, DMRSL bytes 7:4, DMSL bytes 15:8, the rest reserved.
 */
class NvmIdentifyControllerTest {

    @Test
    void fieldsAreReadAtTheSpecsByteOffsets() {
        byte[] b = new byte[4096];
        b[0] = 3;                                           // VSL
        b[1] = 5;                                           // WZSL
        b[2] = 7;                                           // WUSL
        b[3] = (byte) 0xFE;                                 // DMRL 254
        b[4] = 0x78; b[5] = 0x56; b[6] = 0x34; b[7] = (byte) 0x92;                  // DMRSL 92345678h
        b[8] = 0x01; b[9] = 0x02; b[10] = 0x03; b[11] = 0x04;
        b[12] = 0x05; b[13] = 0x06; b[14] = 0x07; b[15] = (byte) 0x88;              // DMSL 8807060504030201h
        b[16] = 0x55;                                       // reserved: ignored
        NvmIdentifyController id = NvmIdentifyController.parse(b);
        assertEquals(3, id.vsl());
        assertEquals(5, id.wzsl());
        assertEquals(7, id.wusl());
        assertEquals(254, id.dmrl());
        assertEquals(0x9234_5678L, id.dmrsl(), "DMRSL unsigned");
        assertEquals(0x8807_0605_0403_0201L, id.dmsl(), "DMSL all 64 bits");
    }

    @Test
    void buildPutsEveryFieldBackAndLeavesTheRestZero() {
        NvmIdentifyController id = new NvmIdentifyController(1, 2, 3, 4, 0xFFFF_FFFFL, -1L);
        byte[] b = id.build();
        assertEquals(4096, b.length);
        assertArrayEquals(new byte[] {1, 2, 3, 4, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, Arrays.copyOf(b, 16));
        assertArrayEquals(new byte[4096 - 16], Arrays.copyOfRange(b, 16, 4096), "bytes 4095:16 reserved");
        assertEquals(id, NvmIdentifyController.parse(b));
        assertEquals(NvmIdentifyController.NO_LIMITS, NvmIdentifyController.parse(new byte[4096]));
    }

    @Test
    void sizeLimitsAreTwoToTheFieldMinimumPages() {
        assertEquals(0, NvmIdentifyController.sizeLimitBytes(0, 4096), "0: no limit");
        assertEquals(4096L << 5, NvmIdentifyController.sizeLimitBytes(5, 4096));
        assertEquals(8192L << 1, NvmIdentifyController.sizeLimitBytes(1, 8192));
        assertEquals(Long.MAX_VALUE, NvmIdentifyController.sizeLimitBytes(255, 4096));
    }

    @Test
    void outOfRangeFieldsAndShortDataAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NvmIdentifyController(256, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NvmIdentifyController(0, 0, 0, 0, 1L << 32, 0));
        assertThrows(IllegalArgumentException.class, () -> NvmIdentifyController.parse(new byte[15]));
    }
}
