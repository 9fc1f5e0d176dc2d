package dev.nvmekit.testbench.nvme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FeatureTest {

    @Test
    void numberOfQueuesAsLinuxAsks() {
        var req = FeatureValue.NumberOfQueues.ofCounts(4, 4);
        assertEquals(0x0003_0003, req.dword11());
        var granted = (FeatureValue.NumberOfQueues) FeatureValue.decode(FeatureIdentifier.NUMBER_OF_QUEUES, 0x0001_0007);
        assertEquals(2, granted.usablePairs());
    }

    @Test
    void coalescingAsNvmeCliSetsIt() {
        // nvme set-feature -f 8 -v 0x0a05: threshold 5 (6 entries), time 10 x 100 us
        var c = (FeatureValue.InterruptCoalescing) FeatureValue.decode(FeatureIdentifier.INTERRUPT_COALESCING, 0x0A05);
        assertEquals(5, c.thr());
        assertEquals(10, c.time());
        assertEquals(0x0A05, c.dword11());
    }

    @Test
    void layouts() {
        assertEquals(0x0403_0207, new FeatureValue.Arbitration(7, 2, 3, 4).dword11());
        assertEquals(Integer.MAX_VALUE, new FeatureValue.Arbitration(7, 0, 0, 0).burst());
        assertEquals(4, new FeatureValue.Arbitration(2, 0, 0, 0).burst());
        assertEquals(0x43, new FeatureValue.PowerManagement(3, 2).dword11());
        assertEquals(0x0011_0157, new FeatureValue.TemperatureThreshold(343, 1, FeatureValue.TemperatureThreshold.UNDER)
                .dword11());
        assertEquals(0x0001_0005, new FeatureValue.InterruptVectorConfiguration(5, true).dword11());
        assertEquals(1, new FeatureValue.AutonomousPowerStateTransition(true).dword11());
        var aen = new FeatureValue.AsyncEventConfiguration(0x0000_0300);
        assertTrue(aen.enabled(FeatureValue.AsyncEventConfiguration.FIRMWARE_ACTIVATION_NOTICES));
        assertEquals(0x8000_0009, FeatureIdentifier.ARBITRATION.setFeaturesCdw10(true) | 8);
        assertEquals(0x0000_020C, FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION.getFeaturesCdw10(2));
        assertThrows(IllegalArgumentException.class, () -> FeatureValue.decode(FeatureIdentifier.TIMESTAMP, 0));
    }

    @Property(tries = 200)
    void dword11RoundTrips(@ForAll int dw) {
        for (FeatureIdentifier fid : List.of(FeatureIdentifier.NUMBER_OF_QUEUES,
                FeatureIdentifier.ASYNCHRONOUS_EVENT_CONFIGURATION)) {
            assertEquals(dw, FeatureValue.decode(fid, dw).dword11());
        }
        // Reserved bits are dropped, so decoding is idempotent rather than exact.
        for (FeatureIdentifier fid : List.of(FeatureIdentifier.ARBITRATION, FeatureIdentifier.POWER_MANAGEMENT, FeatureIdentifier.INTERRUPT_COALESCING,
                FeatureIdentifier.INTERRUPT_VECTOR_CONFIGURATION, FeatureIdentifier.TEMPERATURE_THRESHOLD,
                FeatureIdentifier.AUTONOMOUS_POWER_STATE_TRANSITION)) {
            FeatureValue v = FeatureValue.decode(fid, dw);
            assertEquals(v, FeatureValue.decode(fid, v.dword11()));
            assertEquals(fid, v.fid());
        }
    }

    @Test
    void apstTable() {
        List<ApstTable.Entry> e = new ArrayList<>(Collections.nCopies(32, ApstTable.Entry.NONE));
        e.set(0, new ApstTable.Entry(3, 100));
        var t = new ApstTable(e);
        byte[] b = t.build();
        assertEquals(256, b.length);
        assertEquals(3 << 3, b[0]);
        assertEquals(100, b[1]);
        assertEquals(t, ApstTable.parse(b));
    }
}
