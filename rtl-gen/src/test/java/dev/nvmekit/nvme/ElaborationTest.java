package dev.nvmekit.nvme;

import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.Elaboration;
import dev.nvmekit.rtl.dsl.Elaborator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The front end elaborates without errors at the default and the corner parameters, and refuses out-of-range ones clearly. */
class ElaborationTest {
    static Stream<FrontendParameters> corners() {
        FrontendParameters d = FrontendParameters.DEFAULT;
        return Stream.of(d, d.withIoQueues(1), d.withIoQueues(1024), d.withMaxQueueEntries(2), d.withMaxQueueEntries(65536),
                d.withDmaDataBits(64), d.withDmaDataBits(256), d.withDmaDataBits(512), d.withDoorbellStride(4),
                d.withMsixVectors(1), d.withMsixVectors(2048), d.withAxiIdBits(1), d.withAxiIdBits(8), d.withFetchBurst(1),
                d.withFetchBurst(16), d.withTicksPer100us(1));
    }

    @ParameterizedTest
    @MethodSource("corners")
    void elaboratesWithoutErrors(FrontendParameters p) {
        Elaboration e = Elaborator.elaborate(new NvmeFrontend(p));
        assertEquals("nvme_frontend", e.design().top());
    }

    @Test
    void outOfRangeParametersNameTheParameterAndRange() {
        FrontendParameters bad = new FrontendParameters(0, 1000, 100, 9, 5, 17, 0, 0);
        DesignException ex = assertThrows(DesignException.class, () -> Elaborator.elaborate(new NvmeFrontend(bad)));
        String m = ex.getMessage();
        for (String expected : List.of("ioQueues = 0 is out of range: allowed 1..1024",
                "maxQueueEntries = 1000 is out of range: allowed a power of two in 2..65536",
                "dmaDataBits = 100 is out of range: allowed one of 64, 128, 256, 512",
                "axiIdBits = 9 is out of range: allowed 1..8",
                "doorbellStride = 5 is out of range: allowed 0..4",
                "fetchBurst = 17 is out of range: allowed 1..16",
                "msixVectors = 0 is out of range: allowed 1..2048",
                "ticksPer100us = 0 is out of range: allowed >= 1")) {
            assertTrue(m.contains(expected), () -> "missing '" + expected + "' in:\n" + m);
        }
        assertEquals(8, ex.errors().size(), m);
    }
}
