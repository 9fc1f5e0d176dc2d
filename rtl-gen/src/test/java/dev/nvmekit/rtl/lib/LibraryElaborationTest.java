package dev.nvmekit.rtl.lib;

import dev.nvmekit.rtl.dsl.Bundle;
import dev.nvmekit.rtl.dsl.PayloadType;
import dev.nvmekit.rtl.check.DesignException;
import dev.nvmekit.rtl.dsl.BundleSpec;
import dev.nvmekit.rtl.dsl.BundleSpec.Field;
import dev.nvmekit.rtl.dsl.Component;
import dev.nvmekit.rtl.dsl.Elaborator;
import dev.nvmekit.rtl.dsl.Stream;
import dev.nvmekit.rtl.ir.Design;
import dev.nvmekit.rtl.ir.ModuleDef;
import dev.nvmekit.rtl.ir.Wire;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Library blocks' parameter errors, module names and the parent-side names of their ports. */
class LibraryElaborationTest {
    private static final BundleSpec WORD = BundleSpec.word("data", 8);

    /** Two FIFOs of different depth in one design. */
    static final class TwoFifos extends Component {
        TwoFifos() {
            Stream<Bundle> in = streamIn("in", WORD);
            Stream<Bundle> out = streamOut("out", WORD);
            StreamFifo<Bundle> small = instance("first", new StreamFifo<>(PayloadType.bundle(WORD), 4));
            StreamFifo<Bundle> large = instance("second", new StreamFifo<>(PayloadType.bundle(WORD), 8));
            small.push.connectFrom(in);
            large.push.connectFrom(small.pop);
            out.connectFrom(large.pop);
            out("level", 4).set(large.occupancy.resize(4).add(small.occupancy.resize(4)));
        }
    }

    @Test
    void variantsGetParameterNamesAndParentNetsFollowInstancePortNames() {
        Design d = Elaborator.elaborate(new TwoFifos()).design();
        assertEquals(List.of("stream_fifo_depth4_width8", "stream_fifo_depth8_width8", "two_fifos"),
                d.modules().stream().map(ModuleDef::name).toList());
        List<String> wires = d.topModule().wires().stream().map(Wire::name).toList();
        assertTrue(wires.containsAll(List.of("first_push_valid", "first_push_ready", "first_pop_data", "second_push_ready", "second_occupancy")), wires.toString());
        assertTrue(wires.stream().noneMatch(w -> w.contains("GEN")), wires.toString());
    }

    @Test
    void fifoDepthZeroIsReported() {
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(new StreamFifo<>(PayloadType.bundle(WORD), 0)));
        // Where: the user's line, which LibraryParameterErrorsTest checks from outside this package.
        assertTrue(e.getMessage().contains("error: [stream_fifo] a FIFO needs depth >= 1, got 0"), e.getMessage());
    }

    @Test
    void arbiterLockFieldMustBeOneBitOfThePayload() {
        DesignException e = assertThrows(DesignException.class, () -> Elaborator.elaborate(new StreamArbiter<>(PayloadType.bundle(WORD), 2, "data")));
        assertTrue(e.getMessage().contains("lock field 'data' must be a 1-bit field of the payload {data:8}"), e.getMessage());
        DesignException missing = assertThrows(DesignException.class, () -> Elaborator.elaborate(new StreamArbiter<>(PayloadType.bundle(WORD), 2, "last")));
        assertTrue(missing.getMessage().contains("lock field 'last' must be a 1-bit field"), missing.getMessage());
    }

    @Test
    void joinNeedsDistinctFieldNamesAndCountsAtLeastOne() {
        DesignException clash = assertThrows(DesignException.class, () -> Elaborator.elaborate(new StreamJoin(List.of(WORD, WORD))));
        assertTrue(clash.getMessage().contains("the joined inputs both have a payload field 'data'"), clash.getMessage());
        DesignException none = assertThrows(DesignException.class, () -> Elaborator.elaborate(new StreamMux<>(PayloadType.bundle(WORD), 0)));
        assertTrue(none.getMessage().contains("a stream mux needs at least 1 input, got 0"), none.getMessage());
    }

    @Test
    void skidBufferReadyComesStraightFromARegister() {
        ModuleDef m = Elaborator.elaborate(new SkidBuffer<>(PayloadType.bundle(BundleSpec.of(Field.of("data", 8), Field.of("last", 1))))).design().topModule();
        String readyDriver = m.assigns().stream().filter(a -> a.target().equals("in_ready")).findFirst().orElseThrow().value().toString();
        assertTrue(readyDriver.contains("skid_valid") && !readyDriver.contains("out_ready") && !readyDriver.contains("in_valid"), readyDriver);
        assertEquals(List.of("buffer_valid", "skid_valid", "buffer_payload", "skid_payload"),
                m.registers().stream().map(r -> r.name()).toList());
    }
}
